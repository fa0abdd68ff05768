import { CreateSurvivorsAndConsents1763810000000 } from './1763810000000-create-survivors-and-consents';
import { GeneraliseAccessGrants1763820000000 } from './1763820000000-generalise-access-grants';
import { BreakGlassGrantsPerUser1764650000000 } from './1764650000000-break-glass-grants-per-user';
import { SurvivorKeysToCreateOnce1764660000000 } from './1764660000000-survivor-keys-to-create-once';
import { ConsentEndingIndex1765100200000 } from './1765100200000-consent-ending-index';

export const consentsMigrations = [
  CreateSurvivorsAndConsents1763810000000,
  GeneraliseAccessGrants1763820000000,
  BreakGlassGrantsPerUser1764650000000,
  // Needs workflowMigrations (idempotency_key) before it, as the app gathers them.
  SurvivorKeysToCreateOnce1764660000000,
  ConsentEndingIndex1765100200000,
];
