import i18next from 'i18next';
import resourcesToBackend from 'i18next-resources-to-backend';
import { initReactI18next } from 'react-i18next';
import type { Catalog } from './catalog';

export const LANGUAGES = ['en', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * A language's strings, a chunk of their own: the first load carries the reader's language only
 * (each catalog is ≈ 20 kB gzipped), and another is fetched when the reader picks it.
 */
const CATALOGS: Record<Language, () => Promise<{ default: Catalog }>> = {
  en: () => import('./catalog.en'),
  es: () => import('./catalog.es'),
};

const STORAGE_KEY = 'hub.language';

/** The person's choice for this tab, else the browser's first supported language, else English. */
export function initialLanguage(storage: Storage, browserLanguages: readonly string[]): Language {
  const chosen = storage.getItem(STORAGE_KEY);
  if (chosen === 'en' || chosen === 'es') return chosen;
  for (const tag of browserLanguages) {
    const language = tag.toLowerCase().split('-')[0];
    if (language === 'en' || language === 'es') return language;
  }
  return 'en';
}

export function rememberLanguage(storage: Storage, language: Language): void {
  storage.setItem(STORAGE_KEY, language);
}

export async function setupI18n(language: Language) {
  // Once per page (the component tests' set-up runs for every file in one module graph).
  if (i18next.isInitialized) {
    await i18next.changeLanguage(language);
    return i18next;
  }
  await i18next
    .use(resourcesToBackend((wanted: string) => CATALOGS[wanted as Language]()))
    .use(initReactI18next)
    .init({
      lng: language,
      supportedLngs: LANGUAGES,
      fallbackLng: false,
      // React escapes what it renders.
      interpolation: { escapeValue: false },
      returnNull: false,
    });
  return i18next;
}

/** Dates and times in the reader's language (and the browser's time zone). */
export function formatDateTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

export function formatNumber(value: number, language: string): string {
  return new Intl.NumberFormat(language).format(value);
}

/** A calendar day (YYYY-MM-DD, as the API's Date scalar) in the reader's language, whatever the time zone. */
export function formatDate(day: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

/** Today's calendar day in UTC (YYYY-MM-DD): the API judges dates by UTC days. */
export function utcToday(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
