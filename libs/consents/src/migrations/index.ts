import { CreateSurvivorsAndConsents1763810000000 } from './1763810000000-create-survivors-and-consents';
import { GeneraliseAccessGrants1763820000000 } from './1763820000000-generalise-access-grants';
import { BreakGlassGrantsPerUser1764650000000 } from './1764650000000-break-glass-grants-per-user';

export const consentsMigrations = [
  CreateSurvivorsAndConsents1763810000000,
  GeneraliseAccessGrants1763820000000,
  BreakGlassGrantsPerUser1764650000000,
];
