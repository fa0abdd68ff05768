import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import i18next from 'i18next';
import { afterEach, beforeAll, expect, vi } from 'vitest';
import { setupI18n } from './i18n';

// findBy/waitFor wait longer than the default second: on a busy two-core machine a flow of
// several clicks and mocked answers can take more, and a timeout there is not a failure of the app.
configure({ asyncUtilTimeout: 15_000 });

// Every string a test renders must be in the catalogs: a key the code builds at run time (an enum
// value, an action, a problem code) that neither catalog has would show the bare key to the reader.
// i18next reports such a key only with saveMissing, to missingKeyHandler (which also keeps it from
// adding the key to the catalogs, as its default handler does). A lookup with a `defaultValue` is
// a fallback the code chose (a problem at a field with no message of its own gets the generic
// one), not a missing string. English and Spanish have exactly the same keys
// (i18n/catalogs.spec.ts), so a key found in one is in both.
const missingKeys: string[] = [];
beforeAll(async () => {
  await setupI18n('en');
  i18next.options.saveMissing = true;
  i18next.options.missingKeyHandler = (languages, _namespace, key, _fallback, _update, options) => {
    if ((options as { defaultValue?: unknown } | undefined)?.defaultValue === undefined) {
      missingKeys.push(`${[languages].flat().join(',')}: ${key}`);
    }
  };
});

// Every file shares one module graph (vite.config.mts: isolate false): nothing a test changed in the
// page, the storage, the mocks, the globals, the clock or the language reaches the next one.
afterEach(async () => {
  const missing = missingKeys.splice(0);
  cleanup();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  vi.useRealTimers();
  window.sessionStorage.clear();
  window.localStorage.clear();
  await i18next.changeLanguage('en');
  expect(missing).toEqual([]);
});
