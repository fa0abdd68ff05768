export const technicalAssistanceMigrations = [];
