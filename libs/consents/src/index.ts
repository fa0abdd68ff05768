import { ConsentEntity, ConsentGrantEntity, ConsentRevocationEntity } from './consent/consent.entity';
import { SurvivorEntity } from './survivor/survivor.entity';

export * from './consents.module';
export * from './consents.config';
export * from './shared/enums';
export { consentsMigrations } from './migrations';
export {
  survivorSqlMap,
  liveGrantSql,
  liveConsentGrantSql,
  isMinorAt,
  survivorRecord,
} from './survivor/survivor-access';
export { mayRecordConsent, mayUpdateSurvivor } from './survivor/survivor-permissions';
export { ConsentService } from './consent/consent.service';
export { ConsentReminders } from './consent/consent-reminders';
export { ConsentRevocationService } from './consent/consent-revocation.service';
export { survivorNoticeFactsSql, survivorReferenceSql } from './survivor/survivor-notice-facts';
export { SurvivorService } from './survivor/survivor.service';
export type { VisibleSurvivor } from './survivor/survivor.repository';
export { AccessGrantService, type NonConsentGrant, type SurvivorFacts } from './grant/access-grant.service';
export {
  ConsentRevocationListeners,
  type ConsentRevoked,
  type ConsentRevokedListener,
} from './consent/consent-revocation-listeners';
export { Survivor } from './survivor/survivor.model';

/** Tables this lib owns, gathered by the app. */
export const consentsEntities = [SurvivorEntity, ConsentEntity, ConsentRevocationEntity, ConsentGrantEntity];
