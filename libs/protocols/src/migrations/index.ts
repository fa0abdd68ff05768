export const protocolsMigrations = [];
