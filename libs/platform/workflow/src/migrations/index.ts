import { CreateWorkflow1763900000000 } from './1763900000000-create-workflow';

export const workflowMigrations = [CreateWorkflow1763900000000];
