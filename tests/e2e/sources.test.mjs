// The front end restates no closed set of the format (issue 9): no JS file in www/ (outside the
// generated pkg/) spells a pillar, sub-dimension, horizon, status, quick-win state, dimension,
// source, readiness aspect or band, or region kind id as a string; none uses a pillar,
// sub-dimension or dimension id as an object key; and the locale files and the widget's strings
// carry no label of those sets. The ids are the engine's own (vocabularies() in Node), so a set
// that grows is checked too. Runs in Node, no browser.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './harness.mjs';

const www = path.join(repoRoot, 'www');
const pkg = await import(path.join(www, 'pkg/kota_cerdas_mandiri.js'));
pkg.initSync({ module: readFileSync(path.join(www, 'pkg/kota_cerdas_mandiri_bg.wasm')) });
const vocab = pkg.vocabularies();

const ids = (kind) => vocab[kind].map((item) => item.id);
const subDimensions = vocab.pillars.flatMap((p) => p.sub_dimensions.map((s) => s.id));
/** Every id a UI might be tempted to list. */
const LISTED = new Set([
  ...ids('pillars'), ...subDimensions, ...ids('horizons'), ...ids('program_statuses'), ...ids('quick_win_statuses'),
  ...ids('quick_win_states'), ...ids('dimensions'), ...ids('dimension_sources'), ...ids('readiness_aspects'),
  ...ids('readiness_bands'), ...ids('region_kinds'), ...ids('national_indices'),
]);
/** Ids that are never a field or variable name of the UI, checked as object keys too. */
const KEYED = new Set([...ids('pillars'), ...subDimensions, ...ids('dimensions')]);

function jsFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'pkg' ? [] : jsFiles(full);
    return name.endsWith('.js') ? [full] : [];
  });
}

/**
 * The source without comments (a comment may name an id to explain it) and without the date
 * options of Intl.DateTimeFormat, whose 'long' and 'short' are no horizon.
 */
const code = (file) =>
  readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1')
    .replace(/\b(dateStyle|timeStyle|weekday|month|era)\s*:\s*'(long|short)'/g, '$1: x');

test('the engine lists the sets this test checks', () => {
  // A sanity floor: if vocabularies() ever came back empty, the checks below would pass vacuously.
  assert.deepEqual(ids('pillars'), ['governance', 'branding', 'economy', 'living', 'society', 'environment']);
  assert.deepEqual(ids('dimensions'), ['baseline', 'output', 'outcome', 'impact', 'quick_win']);
  assert.equal(ids('program_statuses').length, 7);
  assert.equal(subDimensions.length, 18);
});

test('no JS file in www/ (outside pkg/) spells an id of a closed set', () => {
  const files = jsFiles(www);
  assert.ok(files.some((f) => f.endsWith(path.join('www', 'app.js'))) && files.some((f) => f.includes(`${path.sep}widget${path.sep}`)));
  const found = [];
  for (const file of files) {
    const src = code(file);
    for (const m of src.matchAll(/(['"`])([a-z_]+)\1/g)) if (LISTED.has(m[2])) found.push(`${path.relative(repoRoot, file)}: ${m[0]}`);
    for (const m of src.matchAll(/[{,]\s*([a-z_]+)\s*:/g)) if (KEYED.has(m[1])) found.push(`${path.relative(repoRoot, file)}: key ${m[1]}`);
  }
  assert.deepEqual(found, []);
});

test('the locale files and the widget strings carry no label of a closed set', () => {
  const keyed = /\.(?:[a-z]+_)*[a-z]+$/;
  for (const locale of ['id', 'en']) {
    const strings = JSON.parse(readFileSync(path.join(www, `i18n/${locale}.json`), 'utf8'));
    const bad = Object.keys(strings).filter((key) => keyed.test(key) && LISTED.has(key.slice(key.lastIndexOf('.') + 1)));
    assert.deepEqual(bad, [], `i18n/${locale}.json`);
    // The wording that drifted from the engine's ("Sedang disiapkan" for in_progress) is gone.
    assert.ok(!Object.values(strings).includes('Sedang disiapkan'), `i18n/${locale}.json`);
  }
  const widget = code(path.join(www, 'widget/strings.js'));
  for (const key of ['pillarName', 'sourceKind', 'severity', 'dim', 'kind']) assert.doesNotMatch(widget, new RegExp(`\\b${key}\\s*:`), `widget/strings.js still has ${key}`);
  assert.doesNotMatch(widget, /Smart Governance|Sedang disiapkan/);
});
