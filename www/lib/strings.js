// The interface's own words: www/i18n/{id,en}.json for the page and the batch view (the widget
// keeps its few sentences in widget/strings.js so it fetches nothing of the page's). Names of
// the format's closed sets (pillars, statuses, dimensions …) are not here: they come from the
// engine's vocabularies() (lib/vocabulary.js).

export const LOCALES = ['id', 'en'];

const cache = {};

/** The locale file of `locale` ('id' or 'en'), fetched once. */
export function loadStrings(locale) {
  cache[locale] ??= fetch(new URL(`../i18n/${locale}.json`, import.meta.url)).then((response) => {
    if (!response.ok) throw new Error(`i18n/${locale}.json: HTTP ${response.status}`);
    return response.json();
  });
  return cache[locale];
}

/**
 * Puts the page's own words in `locale` and remembers the choice (localStorage `kcm.locale`):
 * `<html lang>`, the title (the string `titleKey`), every `[data-i18n]` text, `[data-i18n-aria]`
 * label and `[data-i18n-placeholder]` placeholder, and the language button (`#lang`) marked in
 * the other language, the one it offers. Resolves to the new `t(key, vars)`.
 */
export async function applyLocale(locale, titleKey) {
  const t = translator(await loadStrings(locale));
  document.documentElement.lang = locale;
  document.title = t(titleKey);
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of document.querySelectorAll('[data-i18n-aria]')) el.setAttribute('aria-label', t(el.dataset.i18nAria));
  for (const el of document.querySelectorAll('[data-i18n-placeholder]')) el.placeholder = t(el.dataset.i18nPlaceholder);
  document.getElementById('lang').lang = locale === 'id' ? 'en' : 'id';
  try {
    localStorage.setItem('kcm.locale', locale);
  } catch {
    /* storage may be disabled; the choice then lasts for this visit */
  }
  return t;
}

/** Fills `{name}` placeholders from `vars`; an unknown name stays visible as `{name}`. */
export function fill(template, vars = {}) {
  return String(template).replace(/\{(\w+)\}/g, (_, name) => String(vars[name] ?? `{${name}}`));
}

/** `t(key, vars)` over one locale's strings; a missing key shows as itself. */
export function translator(strings) {
  return (key, vars) => fill(strings[key] ?? key, vars);
}

/** The text of a bilingual value `{ id, en }` (or a plain string) in `locale`. */
export function pick(text, locale) {
  if (text === null || text === undefined) return '';
  if (typeof text !== 'object') return String(text);
  return (locale === 'en' ? text.en : text.id) ?? text.id ?? text.en ?? '';
}

/** 'id' unless the language tag asks for English ('en', 'en-GB' …). */
export function pickLocale(tag) {
  return /^en\b/i.test(tag ?? '') ? 'en' : 'id';
}
