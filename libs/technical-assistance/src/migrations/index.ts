import { CreateTechnicalAssistance1763840000000 } from './1763840000000-create-technical-assistance';
import { TechnicalAssistanceOnWorkflow1763910000000 } from './1763910000000-technical-assistance-on-workflow';

export const technicalAssistanceMigrations = [
  CreateTechnicalAssistance1763840000000,
  TechnicalAssistanceOnWorkflow1763910000000,
];
