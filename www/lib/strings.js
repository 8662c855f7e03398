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
