import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { WORKSPACE } from '@hub/testing';

export type Language = 'en' | 'es';
type Catalog = { [key: string]: string | Catalog };

const I18N = join(WORKSPACE, 'apps/web/src/i18n');
const loaded = new Map<Language, ReadonlyMap<string, string>>();

/**
 * The web app's strings in one language, key → text, merged as the app merges them
 * (apps/web/src/i18n/index.ts: `<language>.json`, then each `areas/<area>.<language>.json`).
 */
export function catalog(language: Language): ReadonlyMap<string, string> {
  const cached = loaded.get(language);
  if (cached) return cached;
  const merged: Catalog = JSON.parse(readFileSync(join(I18N, `${language}.json`), 'utf8'));
  const areas = join(I18N, 'areas');
  if (existsSync(areas)) {
    for (const file of readdirSync(areas).filter((name) => name.endsWith(`.${language}.json`)))
      Object.assign(merged, JSON.parse(readFileSync(join(areas, file), 'utf8')));
  }
  const flat = new Map<string, string>();
  const walk = (node: Catalog, prefix: string) => {
    for (const [key, value] of Object.entries(node))
      if (typeof value === 'string') flat.set(`${prefix}${key}`, value);
      else walk(value, `${prefix}${key}.`);
  };
  walk(merged, '');
  loaded.set(language, flat);
  return flat;
}

/** The app's text for a key, with its `{{values}}` filled in: what a flow looks for on screen. */
export function translator(language: Language) {
  return (key: string, values: Record<string, string | number> = {}): string => {
    const text = catalog(language).get(key);
    if (text === undefined) throw new Error(`No "${key}" in the ${language} catalog`);
    return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? `{{${name}}}`));
  };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const PLACEHOLDER = /\{\{\w+\}\}/g;

/**
 * What must not show on a screen in `language`: the other language's texts (English's, for
 * Spanish) that differ from this language's text for the same key and are no text of this
 * language at all. Texts with values become patterns; those with too little fixed text to tell
 * (`{{when}} · {{agency}}`) are left out.
 */
function foreignTexts(language: Language) {
  const other: Language = language === 'es' ? 'en' : 'es';
  const own = catalog(language);
  const ownTexts = new Set(own.values());
  const literals = new Map<string, string>();
  const patterns: { key: string; pattern: RegExp }[] = [];
  for (const [key, text] of catalog(other)) {
    if (own.get(key) === text || ownTexts.has(text)) continue;
    if (!text.includes('{{')) {
      literals.set(text, key);
      continue;
    }
    if (text.replace(PLACEHOLDER, '').replace(/[^\p{L}]/gu, '').length < 4) continue;
    const source = text
      .split(PLACEHOLDER)
      .map((part) => escapeRegExp(part))
      .join('.+');
    patterns.push({ key, pattern: new RegExp(`^${source}$`, 's') });
  }
  return { literals, patterns };
}

/**
 * Every text a person may meet on the page: text nodes (hidden ones too: a screen reader reads
 * them), the attributes read aloud or shown on hover, and the tab's title. Text inside an element
 * marked as another language (`lang`, such as the picker's "English") is that language's, not
 * the page's, and is left out.
 */
async function textsOf(page: Page): Promise<{ lang: string; texts: string[] }> {
  return page.evaluate(() => {
    const pageLang = document.documentElement.lang;
    const inPageLanguage = (element: Element | null) => {
      const marked = element?.closest('[lang]');
      return !marked || marked === document.documentElement || marked.getAttribute('lang') === pageLang;
    };
    const texts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      // `code`: identifiers the API names (an audit action, a kind of record, an id), shown as data.
      if (!parent || parent.closest('script, style, template, noscript, code') || !inPageLanguage(parent))
        continue;
      const text = node.textContent?.trim();
      if (text) texts.push(text);
    }
    const attributes = ['title', 'aria-label', 'aria-description', 'placeholder', 'alt'];
    for (const element of document.body.querySelectorAll(attributes.map((name) => `[${name}]`).join(','))) {
      if (!inPageLanguage(element)) continue;
      for (const name of attributes) {
        const value = element.getAttribute(name)?.trim();
        if (value) texts.push(value);
      }
    }
    texts.push(...document.title.split(' · '));
    return { lang: pageLang, texts };
  });
}

/**
 * The screen is in `language` with no string missing: `<html lang>` says so, no i18next key shows
 * in place of a text (what i18next renders for a missing key: `namespace.key`, or a `{{value}}`
 * left unfilled), and no text of the other language shows where the catalogs differ.
 */
export async function expectTranslated(page: Page, screen: string, language: Language): Promise<void> {
  const { lang, texts } = await textsOf(page);
  const { literals, patterns } = foreignTexts(language);
  const namespaces = new Set([...catalog(language).keys()].map((key) => key.split('.')[0]));
  const problems: string[] = [];
  for (const text of texts) {
    // A text may be joined to others in one node (`Spanish · interpreter: M. Ruiz`).
    for (const part of new Set([text, ...text.split(/\s+[·—]\s+|^[·—]\s+/).map((p) => p.trim())])) {
      if (!part) continue;
      if (/^[a-z][A-Za-z0-9]*(\.[A-Za-z0-9_]+)+$/.test(part) && namespaces.has(part.split('.')[0]))
        problems.push(`key shown: ${part}`);
      else if (part.includes('{{')) problems.push(`value not filled in: ${part}`);
      else if (literals.has(part)) problems.push(`untranslated (${literals.get(part)}): ${part}`);
      else {
        const pattern = patterns.find((candidate) => candidate.pattern.test(part));
        if (pattern) problems.push(`untranslated (${pattern.key}): ${part}`);
      }
    }
  }
  expect({ screen, lang, problems: [...new Set(problems)] }).toEqual({
    screen,
    lang: language,
    problems: [],
  });
}
