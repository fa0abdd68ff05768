import {
  TechnicalAssistanceAttendanceEntity,
  TechnicalAssistanceRequestEntity,
  TechnicalAssistanceSessionEntity,
} from './request/technical-assistance.entity';

export * from './technical-assistance.module';
export * from './shared/enums';
export { technicalAssistanceMigrations } from './migrations';
export { TechnicalAssistanceAction } from './request/technical-assistance-actions';
export { TechnicalAssistanceRequestService } from './request/technical-assistance-request.service';
export { TechnicalAssistanceTransitionsService } from './request/technical-assistance-transitions.service';
export { TechnicalAssistanceSessionService } from './request/technical-assistance-session.service';
export { TechnicalAssistanceThreadService } from './request/technical-assistance-thread.service';
export { technicalAssistanceSqlMap } from './request/technical-assistance-access';
export { technicalAssistanceNoticeFactsSql } from './request/technical-assistance-notice-facts';

/** Tables this lib owns, gathered by the app. */
export const technicalAssistanceEntities = [
  TechnicalAssistanceRequestEntity,
  TechnicalAssistanceSessionEntity,
  TechnicalAssistanceAttendanceEntity,
];
