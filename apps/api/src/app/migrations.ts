import { agenciesMigrations } from '@hub/agencies';
import { auditMigrations } from '@hub/audit';
import { consentsMigrations } from '@hub/consents';
import { databaseMigrations } from '@hub/database';
import { jobsMigrations } from '@hub/jobs';
import { notificationQueueMigrations, notificationsMigrations } from '@hub/notifications';
import { protocolsMigrations } from '@hub/protocols';
import { referralsMigrations } from '@hub/referrals';
import { technicalAssistanceMigrations } from '@hub/technical-assistance';
import { workflowMigrations } from '@hub/workflow';

/** Every migration of the API's database, gathered from the libs that own them. */
export const apiMigrations = [
  ...databaseMigrations,
  ...agenciesMigrations,
  ...auditMigrations,
  ...notificationsMigrations,
  ...workflowMigrations,
  ...consentsMigrations,
  ...referralsMigrations,
  ...protocolsMigrations,
  ...technicalAssistanceMigrations,
  ...jobsMigrations,
  ...notificationQueueMigrations,
];
