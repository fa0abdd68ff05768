export const referralsMigrations = [];
