import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import es from './es.json';

export const LANGUAGES = ['en', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

export type Catalog = { [key: string]: string | Catalog };

/**
 * A screen area's strings may live in `areas/<area>.<language>.json` (top-level keys of their own),
 * merged over `en.json` / `es.json`: areas built side by side do not edit one file.
 */
const AREAS = import.meta.glob<Catalog>('./areas/*.json', { eager: true, import: 'default' });

function catalogOf(language: Language, base: Catalog): Catalog {
  const merged: Catalog = { ...base };
  for (const [path, area] of Object.entries(AREAS)) {
    if (!path.endsWith(`.${language}.json`)) continue;
    for (const [key, value] of Object.entries(area)) {
      if (key in merged) throw new Error(`${path}: the key "${key}" is already defined`);
      merged[key] = value;
    }
  }
  return merged;
}

/** Every string of the app, per language. */
export const CATALOGS: Record<Language, Catalog> = { en: catalogOf('en', en), es: catalogOf('es', es) };
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
  await i18next.use(initReactI18next).init({
    resources: { en: { translation: CATALOGS.en }, es: { translation: CATALOGS.es } },
    lng: language,
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

/** A calendar day (the API's Date scalar, YYYY-MM-DD) in the reader's language, as that day everywhere. */
export function formatDay(day: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );
}
