import {
  TechnicalAssistanceAttendanceEntity,
  TechnicalAssistanceRequestEntity,
  TechnicalAssistanceSessionEntity,
} from './request/technical-assistance.entity';

export * from './technical-assistance.module';
export * from './shared/enums';
export { technicalAssistanceMigrations } from './migrations';
export { TechnicalAssistanceService } from './request/technical-assistance.service';
export { technicalAssistanceSqlMap } from './request/technical-assistance-access';

/** Tables this lib owns, gathered by the app. */
export const technicalAssistanceEntities = [
  TechnicalAssistanceRequestEntity,
  TechnicalAssistanceSessionEntity,
  TechnicalAssistanceAttendanceEntity,
];
