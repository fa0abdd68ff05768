import { CreateTechnicalAssistance1763840000000 } from './1763840000000-create-technical-assistance';

export const technicalAssistanceMigrations = [CreateTechnicalAssistance1763840000000];
