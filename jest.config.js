const { getJestProjectsAsync } = require('@nx/jest');

// `npx jest` at the root: every project's jest.config.js (npm test names the projects itself).
module.exports = async () => ({ projects: await getJestProjectsAsync() });
