// The UI strings come from the translation files the server uses too (resources/i18n); the build keeps only the
// app's keys ("app-…"). French is the source language; "test" is the pseudo-locale that end-to-end tests use to
// find any string that escaped translation.
import en from '../../resources/i18n/en.json';
import fr from '../../resources/i18n/fr.json';
import test from '../../resources/i18n/test.json';

export type Language = 'fr' | 'en' | 'test';

const catalogs: Record<Language, Record<string, string>> = { fr, en, test };
const storageKey = 'storybank-language';

function chooseLanguage(): Language {
  const asked = new URLSearchParams(location.search).get('lang');
  if (asked === 'fr' || asked === 'en' || asked === 'test') {
    localStorage.setItem(storageKey, asked);
    return asked;
  }
  const stored = localStorage.getItem(storageKey);
  if (stored === 'fr' || stored === 'en' || stored === 'test') {
    return stored;
  }
  for (const preferred of navigator.languages ?? [navigator.language]) {
    const base = preferred.slice(0, 2).toLowerCase();
    if (base === 'fr' || base === 'en') {
      return base;
    }
  }
  return 'fr';
}

export const language: Language = chooseLanguage();

/// The language that data in two languages (template labels) and server messages are asked in.
export const dataLanguage: 'fr' | 'en' = language === 'en' ? 'en' : 'fr';

document.documentElement.lang = dataLanguage;

export function setLanguage(next: Language): void {
  localStorage.setItem(storageKey, next);
  const url = new URL(location.href);
  url.searchParams.delete('lang');
  location.replace(url.toString());
}

/// The string for `key` with its {placeholders} filled; the key itself when missing, so that the pseudo-locale
/// test catches it.
export function t(key: string, values: Record<string, string | number> = {}): string {
  const text = catalogs[language][key] ?? catalogs.fr[key] ?? key;
  return text.replace(/\{([A-Za-z0-9_]+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

/// A date-time as people read it in the UI language.
export function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleString(dataLanguage, { dateStyle: 'medium', timeStyle: 'short' });
}

function displayName(type: 'region' | 'language', code: string): string {
  try {
    return new Intl.DisplayNames([dataLanguage], { type }).of(code) ?? code;
  } catch {
    return code;
  }
}

export const countryName = (code: string): string => displayName('region', code);
export const languageName = (code: string): string => displayName('language', code);
