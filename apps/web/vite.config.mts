import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

/**
 * Where the dev server and `vite preview` send /graphql (the API; same origin for the browser, so no
 * CORS): its HTTP requests and its WebSocket upgrades (`ws`: the subscriptions, graphql-ws).
 */
const apiUrl = process.env['HUB_API_URL'] ?? 'http://127.0.0.1:3000';
const port = Number(process.env['WEB_PORT'] ?? 4200);
const proxy = { '/graphql': { target: apiUrl, changeOrigin: false, ws: true } };

export default defineConfig({
  root: import.meta.dirname,
  // Pre-bundled dependencies; a browser test gives its dev server a folder of its own.
  cacheDir: process.env['WEB_VITE_CACHE_DIR'] ?? '../../node_modules/.vite/web',
  plugins: [react()],
  // Only VITE_* variables reach the bundle (they are public: the realm URL and client id).
  envPrefix: 'VITE_',
  server: { host: '127.0.0.1', port, strictPort: true, proxy },
  preview: { host: '127.0.0.1', port, strictPort: true, proxy },
  build: {
    outDir: '../../dist/apps/web',
    emptyOutDir: true,
    // No source maps in the static bundle people download.
    sourcemap: false,
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.spec.{ts,tsx}'],
    setupFiles: ['src/test-setup.ts'],
    // npm test runs three lanes on two cores: a flow of several clicks can outlast Vitest's 5 s
    // default there (as jest's suites get 30 s); a hang still fails.
    testTimeout: 30_000,
    // One module graph for every file (React, USWDS, Apollo and i18n are loaded once, not 21 times):
    // 35 s of CPU instead of 75 s here. So a test must leave no global behind (test-setup.ts cleans
    // the DOM and restores mocks; download.testing.ts puts the browser globals back) and must not
    // replace one of our modules with vi.mock, which another file may already have loaded.
    isolate: false,
    // Tests read the API's schema and the generated code by paths from the workspace root.
    root: import.meta.dirname,
  },
});
