// The comparison module (www/pkg-compare, `make build-compare`) through its JavaScript
// boundary: compare() of the Sukamaju samples with hand-derived deltas (the numbers are read
// off tests/golden/kabupaten-sukamaju-{2024,2026}.assessment.json: index 3.37 → 3.51, branding
// 83.33 → 100, quick wins 71.43 → 87.5), a downloaded assessment as input, bilingual errors
// thrown as Error with `problems`, options.locale as in assess(), rank()/rankingCsv() over
// assessments from the core module, and both outputs checked by ajv against
// www/comparison.schema.json and www/ranking.schema.json.
// Needs `make build` and `make build-compare`.

import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import init, * as core from '../../www/pkg/kota_cerdas_mandiri.js';
import initCompare, * as cmp from '../../www/pkg-compare/kota_cerdas_compare_wasm.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const read = (path) => readFileSync(root + path, 'utf8');
const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
ajv.addSchema(JSON.parse(read('www/assessment.schema.json')));
const comparisonValid = ajv.compile(JSON.parse(read('www/comparison.schema.json')));
const rankingValid = ajv.compile(JSON.parse(read('www/ranking.schema.json')));
const s2024 = read('www/samples/kabupaten-sukamaju-2024.json');
const s2026 = read('www/samples/kabupaten-sukamaju-2026.json');

before(async () => {
  await init({ module_or_path: readFileSync(root + 'www/pkg/kota_cerdas_mandiri_bg.wasm') });
  await initCompare({ module_or_path: readFileSync(root + 'www/pkg-compare/kota_cerdas_compare_wasm_bg.wasm') });
});

test('compare(2024 text, 2026 text): hand-derived deltas, schema-valid', () => {
  const c = cmp.compare(s2024, s2026);
  assert.ok(comparisonValid(c), JSON.stringify(comparisonValid.errors));
  assert.deepEqual(c.index, { before: 3.37, after: 3.51, delta: 0.14 });
  assert.deepEqual(c.pillars.branding, { before: 83.33, after: 100, delta: 16.67 });
  assert.deepEqual(c.dimensions.baseline, { before: 3.02, after: 3.41, delta: 0.39 });
  assert.deepEqual(c.quick_win_percent, { before: 71.43, after: 87.5, delta: 16.07 });
  assert.deepEqual(c.programs.status_changed.map((p) => `${p.after.id}:${p.before.status}>${p.after.status}`), [
    'GOV-07:in_progress>running', 'BRD-03:delayed>running', 'LIV-08:planned>running', 'SOC-08:in_progress>running', 'ENV-05:planned>in_progress',
  ]);
  assert.deepEqual(c.quick_wins.map((q) => `${q.program_id}:${q.change}`), ['LIV-08:gained', 'SOC-08:gained']);
  assert.deepEqual(c.trend.map((p) => [p.year, p.index, p.source]), [
    [2022, 2.78, 'previous'], [2023, 3.02, 'previous'], [2024, 3.37, 'before'], [2025, 3.41, 'previous'], [2026, 3.51, 'after'],
  ]);
});

test('compare takes objects and a downloaded assessment (its masterplan)', () => {
  const downloaded = { ...core.assessText(s2024), masterplan: JSON.parse(s2024), input_text: s2024 };
  const c = cmp.compare(downloaded, JSON.parse(s2026));
  assert.deepEqual(c.index, { before: 3.37, after: 3.51, delta: 0.14 });
  assert.deepEqual(JSON.parse(JSON.stringify(c)), cmp.compare(s2024, s2026));
});

test('another region, a later "before", a broken file: a bilingual Error with problems', () => {
  const pelita = read('www/samples/kota-pelita-2024.json');
  assert.throws(() => cmp.compare(s2024, pelita), (e) => {
    assert.ok(e instanceof Error);
    assert.equal(e.problems[0].code, 'compare_different_region');
    assert.match(e.message, /bukan dari daerah yang sama.* \/ The two files are not of the same region/);
    return true;
  });
  assert.throws(() => cmp.compare(s2026, s2024), (e) => e.problems[0].code === 'compare_before_later');
  assert.throws(() => cmp.compare('{', s2024), (e) => e.problems[0].code === 'not_json' && e.message.startsWith('Berkas sebelum: '));
  assert.throws(() => cmp.compare(s2024, s2026, { method: 'nope' }), (e) => e.problems[0].code === 'unknown_method');
});

test('compare honours options.locale as assess does: one language, both when absent, an unknown one an error', () => {
  // The same file twice: one notice (same evaluation year, 2024), the comparison's only text.
  const sameYear = {
    id: 'Kedua berkas untuk tahun evaluasi yang sama (2024): dua versi satu tahun dibandingkan.',
    en: 'Both files are for the same evaluation year (2024): two versions of one year are compared.',
  };
  const both = cmp.compare(s2024, s2024);
  assert.deepEqual(both.notices, [{ code: 'compare_same_year', message: sameYear }]);
  const en = cmp.compare(s2024, s2024, { locale: 'en' });
  assert.deepEqual(en.notices, [{ code: 'compare_same_year', message: { en: sameYear.en } }]);
  assert.ok(comparisonValid(en), JSON.stringify(comparisonValid.errors));
  assert.deepEqual({ ...en, notices: [] }, { ...both, notices: [] }, 'only the texts change');
  const id = cmp.compare(s2024, s2024, { locale: 'id' });
  assert.deepEqual(id.notices[0].message, { id: sameYear.id });
  assert.deepEqual(cmp.compare(s2024, s2024, { locale: null }).notices[0].message, sameYear);
  // A thrown Error: its problems in that language, its message in both (spec §5).
  const pelita = read('www/samples/kota-pelita-2024.json');
  assert.throws(() => cmp.compare(s2024, pelita, { locale: 'en' }), (e) => {
    assert.match(e.message, /^Kedua berkas bukan dari daerah yang sama.* \/ The two files are not of the same region/);
    assert.deepEqual(e.problems[0].message, {
      en: 'The two files are not of the same region: "Kabupaten Sukamaju" and "Kota Pelita". Compare two files of one regency or city.',
    });
    return true;
  });
  // An unknown language is itself an error, in both languages.
  assert.throws(() => cmp.compare(s2024, s2026, { locale: 'fr' }), (e) => {
    assert.equal(e.problems[0].code, 'invalid_options');
    assert.deepEqual(Object.keys(e.problems[0].message), ['id', 'en']);
    assert.match(e.message, /options\.locale "fr" tidak dikenal.* \/ Unknown options\.locale "fr"/);
    return true;
  });
});

test('rank + rankingCsv: per year, duplicates once, the failed file in the CSV', () => {
  const a24 = core.assessText(s2024);
  const entries = [
    { name: 'sukamaju-2024.json', sha256: 'aa', assessment: a24 },
    { name: 'sukamaju-2026.json', sha256: 'bb', assessment: core.assessText(s2026) },
    { name: 'pelita.json', sha256: 'cc', assessment: core.assessText(read('www/samples/kota-pelita-2024.json')) },
    { name: 'salinan.json', sha256: 'aa', assessment: a24 },
    { name: 'rusak.json', error: { id: 'Bukan JSON', en: 'Not JSON' } },
  ];
  const r = cmp.rank(entries);
  assert.ok(rankingValid(r), JSON.stringify(rankingValid.errors));
  assert.equal(r.mixed_years, true);
  assert.deepEqual(r.groups.map((g) => `${g.year} ${g.kind} ${g.rows.map((x) => `${x.rank}:${x.region}`).join(',')}`), [
    '2026 kabupaten 1:Kabupaten Sukamaju', '2024 kabupaten 1:Kabupaten Sukamaju', '2024 kota 1:Kota Pelita',
  ]);
  assert.deepEqual(r.counts, { files: 5, ranked: 3, duplicates: 1, failed: 1 });
  const id = cmp.rankingCsv(entries, { locale: 'id' });
  assert.ok(id.startsWith('\ufeffstatus;tahun;jenis;peringkat;daerah;'));
  assert.match(id, /\r\nduplikat;.*;salinan\.json;;/);
  assert.match(id, /\r\ngagal;.*;rusak\.json;;Bukan JSON\r\n$/);
  const en = cmp.rankingCsv(entries, { locale: 'en' });
  assert.match(en, /\r\nfailed,.*,rusak\.json,,Not JSON\r\n$/);
  assert.throws(() => cmp.rankingCsv(entries, { locale: 'xx' }), (e) => e.problems[0].code === 'invalid_options');
  assert.throws(() => cmp.rank({}), (e) => e.problems[0].code === 'not_a_batch');
});
