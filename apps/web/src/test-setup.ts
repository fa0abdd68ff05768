import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import i18next from 'i18next';
import { afterEach, beforeAll, vi } from 'vitest';
import { setupI18n } from './i18n';

// findBy/waitFor wait longer than the default second: on a busy two-core machine a flow of
// several clicks and mocked answers can take more, and a timeout there is not a failure of the app.
configure({ asyncUtilTimeout: 15_000 });

beforeAll(async () => {
  await setupI18n('en');
});

// Every file shares one module graph (vite.config.mts: isolate false): nothing a test changed in the
// page, the storage, the mocks, the globals, the clock or the language reaches the next one.
afterEach(async () => {
  cleanup();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  vi.useRealTimers();
  window.sessionStorage.clear();
  window.localStorage.clear();
  await i18next.changeLanguage('en');
});
