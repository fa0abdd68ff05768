import { CreateSurvivorsAndConsents1763810000000 } from './1763810000000-create-survivors-and-consents';

export const consentsMigrations = [CreateSurvivorsAndConsents1763810000000];
