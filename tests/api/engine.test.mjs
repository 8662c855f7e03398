// The engine through its real JavaScript API (www/pkg, built by `make build`).
// Node's built-in test runner, no npm dependencies: `node --test tests/api/`.
// Expected numbers are the hand derivations of tests/fixtures/README.md and tests/engine.rs.

import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import init, * as api from '../../www/pkg/kota_cerdas_mandiri.js';
// exportCsv lives in the comparison module (`make build-compare`), not the core one.
import initCompare, * as cmp from '../../www/pkg-compare/kota_cerdas_compare_wasm.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const read = (path) => readFileSync(root + path, 'utf8');
const sha256 = (text) => createHash('sha256').update(text, 'utf8').digest('hex');

const kebumenText = read('tests/fixtures/kebumen-2022.json');
const kediriText = read('tests/fixtures/kediri-2022.json');

/** The smallest valid masterplan. */
const minimal = () => ({
  format: 'kota-cerdas/masterplan',
  format_version: 1,
  region: { name: 'Kabupaten Uji', kind: 'kabupaten' },
  evaluation: { year: 2022 },
  programs: [],
});

/** Runs fn, expects it to throw, returns the error. */
function thrown(fn) {
  try {
    fn();
  } catch (e) {
    return e;
  }
  assert.fail('expected a throw');
}

before(async () => {
  await init({ module_or_path: readFileSync(root + 'www/pkg/kota_cerdas_mandiri_bg.wasm') });
  await initCompare({ module_or_path: readFileSync(`${root}www/pkg-compare/kota_cerdas_compare_wasm_bg.wasm`) });
});

test('version() equals Cargo.toml', () => {
  const cargo = read('Cargo.toml').match(/^version\s*=\s*"([^"]+)"/m)[1];
  assert.equal(api.version(), cargo);
});

test('methods(): kominfo-2022 first, weights sum to 1, sources listed', () => {
  const list = api.methods();
  assert.ok(Array.isArray(list) && list.length >= 2);
  assert.equal(list[0].id, 'kominfo-2022');
  assert.ok(list.some((m) => m.id === 'kominfo-sleman'));
  for (const m of list) {
    // Sum in hundredths to stay exact: 10 + 20 + 30 + 20 + 20 = 100.
    const keys = Object.keys(m.weights);
    assert.deepEqual(keys, ['baseline', 'output', 'outcome', 'impact', 'quick_win']);
    const sum = keys.reduce((s, k) => s + Math.round(m.weights[k] * 100), 0);
    assert.equal(sum, 100, m.id);
    // Every source has an address, except the one recorded as secondary without a reachable
    // text (Pemdi, PermenPANRB 8/2026), whose title says so. Titles in both languages.
    const unlinked = m.sources.filter((s) => !s.url.startsWith('http'));
    assert.ok(m.sources.length > 0 && m.sources.every((s) => s.title.id && s.title.en), m.id);
    assert.deepEqual(unlinked.map((s) => [s.url, /PermenPANRB 8\/2026.*sumber sekunder/.test(s.title.id), /PermenPANRB 8\/2026.*secondary source/.test(s.title.en)]), [['', true, true]], m.id);
  }
  assert.deepEqual(list[0].weights, { baseline: 0.1, output: 0.2, outcome: 0.3, impact: 0.2, quick_win: 0.2 });
  assert.deepEqual(list[1].weights, { baseline: 0.1, output: 0.2, outcome: 0.3, impact: 0.3, quick_win: 0.1 });
});

test('vocabularies(): every closed set in canonical order with the engine\'s labels', () => {
  const v = api.vocabularies();
  const ids = (list) => list.map((x) => x.id);
  assert.deepEqual(ids(v.pillars), ['governance', 'branding', 'economy', 'living', 'society', 'environment']);
  assert.deepEqual(ids(v.pillars[3].sub_dimensions), ['harmony', 'health', 'mobility']);
  assert.ok(v.pillars.every((p) => p.sub_dimensions.length === 3));
  assert.deepEqual(v.pillars[0].label, { id: 'Smart Governance', en: 'Smart Governance' });
  assert.deepEqual(ids(v.horizons), ['quick_win', 'short', 'medium', 'long']);
  assert.deepEqual(ids(v.program_statuses), ['planned', 'in_progress', 'running', 'completed', 'delayed', 'stopped', 'cancelled']);
  // Spec §3: running and completed count as implemented, nothing else.
  assert.deepEqual(ids(v.program_statuses.filter((s) => s.implemented)), ['running', 'completed']);
  // The engine's wording wins over the old page copy ("Sedang disiapkan").
  assert.deepEqual(v.program_statuses[1].label, { id: 'Dalam persiapan', en: 'In progress' });
  assert.deepEqual(ids(v.quick_win_statuses.filter((s) => s.achieved)), ['launched', 'sustained']);
  assert.deepEqual(ids(v.quick_win_statuses.filter((s) => s.launched)), ['launched', 'sustained', 'stopped']);
  assert.deepEqual(ids(v.quick_win_states), ['sustained', 'sustained_late', 'on_time', 'late', 'stopped', 'pending', 'not_due']);
  assert.deepEqual(ids(v.dimensions), ['baseline', 'output', 'outcome', 'impact', 'quick_win']);
  assert.deepEqual(ids(v.dimension_sources), ['computed', 'provided', 'missing']);
  assert.deepEqual(ids(v.readiness_aspects), ['struktur', 'infrastruktur', 'suprastruktur']);
  assert.deepEqual(ids(v.readiness_bands), ['good', 'moderate', 'poor']);
  assert.deepEqual(v.region_kinds, [
    { id: 'kabupaten', label: { id: 'Kabupaten', en: 'Regency' } },
    { id: 'kota', label: { id: 'Kota', en: 'City' } },
  ]);
  assert.deepEqual(ids(v.legal_kinds), ['perda', 'perbup', 'perwali', 'keputusan']);
  assert.deepEqual(ids(v.severities), ['critical', 'warning', 'info', 'error']);
  assert.deepEqual(ids(v.not_counted_reasons), ['horizon', 'not_started', 'cancelled']);
  assert.deepEqual(ids(v.bpk_opinions), ['WTP', 'WTP_DPP', 'WDP', 'TW', 'TMP']);
  assert.deepEqual(v.no_agency, { id: 'Tanpa OPD penanggung jawab', en: 'No lead agency' });
  // Every label is bilingual and non-empty.
  for (const [key, list] of Object.entries(v)) {
    if (!Array.isArray(list)) continue;
    for (const x of list) assert.ok(x.label.id && x.label.en, `${key} ${x.id}`);
  }
  // National indices: the default preset's tables (kominfo-2022). SPBE, PermenPANRB 59/2020:
  // Kurang < 1.8 ≤ Cukup < 2.6 ≤ Baik < 3.5 ≤ Sangat Baik < 4.2 ≤ Memuaskan.
  assert.deepEqual(ids(v.national_indices), ['spbe', 'pemdi', 'sakip', 'ikm', 'ipm', 'bpk_opinion']);
  const [spbe, pemdi, sakip, ikm] = v.national_indices;
  assert.deepEqual(spbe.label, { id: 'Indeks SPBE', en: 'SPBE index' });
  assert.equal(spbe.lower_bound, 'inclusive');
  assert.deepEqual(spbe.bands.map((b) => [b.from, b.to, b.label.id, b.grade]), [
    [null, 1.8, 'Kurang', null],
    [1.8, 2.6, 'Cukup', null],
    [2.6, 3.5, 'Baik', null],
    [3.5, 4.2, 'Sangat Baik', null],
    [4.2, null, 'Memuaskan', null],
  ]);
  // Pemdi, PermenPANRB 8/2026 (secondary source): Kurang 1,00 – < 1,50 · Cukup – < 2,50 ·
  // Baik – < 3,50 · Sangat Baik – < 4,00 · Memuaskan 4,00 – 5,00.
  assert.deepEqual(pemdi.label, { id: 'Indeks Pemerintah Digital (Pemdi)', en: 'Digital government index (Pemdi)' });
  assert.equal(pemdi.lower_bound, 'inclusive');
  assert.deepEqual(pemdi.bands.map((b) => [b.from, b.to, b.label.id]), [
    [null, 1.5, 'Kurang'],
    [1.5, 2.5, 'Cukup'],
    [2.5, 3.5, 'Baik'],
    [3.5, 4, 'Sangat Baik'],
    [4, null, 'Memuaskan'],
  ]);
  // SAKIP, PermenPANRB 88/2021 ">60–70" = B: lower ends exclusive.
  assert.equal(sakip.lower_bound, 'exclusive');
  assert.deepEqual(sakip.bands.map((b) => b.grade), ['D', 'C', 'CC', 'B', 'BB', 'A', 'AA']);
  assert.deepEqual([sakip.bands[3].from, sakip.bands[3].to], [60, 70]);
  assert.deepEqual(ikm.bands.map((b) => b.from), [null, 65, 76.61, 88.31]);
  assert.deepEqual(v.national_indices[5].bands, []);
  // The same as the assessment reads: SPBE 2.93 is "Baik" there and in the table.
  const mp = minimal();
  mp.national_indices = { spbe: 2.93 };
  const predicate = api.assess(mp).national_indices.spbe.predicate;
  assert.equal(predicate, spbe.bands.find((b) => b.from <= 2.93 && 2.93 < b.to).label.id);
});

test('assessText(Kebumen) gives the Kebumen numbers', () => {
  const a = api.assessText(kebumenText);
  const p = a.implementation.pillars;
  // Canonical order, and the published percentages (6/7 → 85.71, 10/12 → 83.33).
  assert.deepEqual(Object.keys(p), ['governance', 'branding', 'economy', 'living', 'society', 'environment']);
  assert.deepEqual(
    Object.fromEntries(Object.entries(p).map(([k, v]) => [k, [v.planned, v.implemented, v.percent]])),
    {
      governance: [9, 9, 100],
      branding: [7, 6, 85.71],
      economy: [12, 10, 83.33],
      living: [10, 9, 90],
      society: [9, 9, 100],
      environment: [4, 4, 100],
    },
  );
  assert.equal(a.implementation.overall.percent, 92.16); // 47/51
  assert.equal(a.implementation.mean_of_pillars, 93.17); // 559.047…/6
  const q = a.quick_wins;
  assert.deepEqual([q.due, q.achieved, q.on_time, q.late, q.percent], [6, 5, 4, 1, 83.33]);
  assert.equal(a.evaluation.dimensions.outcome.score, 3.8); // 1 + 3·0.931746… = 3.795…
  assert.equal(a.evaluation.dimensions.quick_win.score, 3.08); // 18.5/6
  assert.equal(a.evaluation.index, null);
  assert.equal(a.evaluation.index_estimate, 3.51); // (0.3·3.795… + 0.2·3.083…)/0.5
  // The input hash left the result (spec §4, 2026-12): the page and the CLI add it.
  assert.equal('input_sha256' in a, false);
  assert.equal(a.engine.version, api.version());
  // JSON-compatible: plain objects, survives a JSON round trip unchanged.
  assert.deepEqual(JSON.parse(JSON.stringify(a)), a);
});

test('assessText(Kediri): index 3.32 (exact 3.315), improvement 0.26', () => {
  const a = api.assessText(kediriText);
  assert.equal(a.evaluation.index, 3.32);
  assert.ok(Math.abs(a.evaluation.index - 3.31) <= 0.01 + 1e-9); // one rounding step from the published 3.31
  assert.equal(a.evaluation.improvement, 0.26);
});

test('the methodology rounding example 3.485 → 3.49 through JS numbers', () => {
  const mp = minimal();
  mp.evaluation.dimension_scores = { baseline: 2.58, output: 3.48, outcome: 3.41, impact: 3.89, quick_win: 3.65 };
  assert.equal(api.assess(mp).evaluation.index, 3.49);
});

test('assessText: text far from ASCII arrives whole (names, lone surrogate)', () => {
  // The text is copied into the engine with TextEncoder.encodeInto into a buffer sized for
  // ASCII; text of 3- and 4-byte characters overflows it and takes the second round.
  const mp = minimal();
  const names = ['€'.repeat(3000), 'Dinas Komunikasi 😀'.repeat(200), 'Kabupaten ñ ü — “uji” 中文'.repeat(100)];
  mp.programs = names.map((name, i) => ({ id: `P-${i}`, name, pillar: 'living', horizon: 'long', start_year: 2021, status: 'running', lead_agency: name.slice(0, 40) }));
  mp.region.name = 'Kabupaten \ud800 Uji'; // a lone surrogate: UTF-8 has no such character
  const text = JSON.stringify(mp, null, 2);
  const a = api.assessText(text);
  // Like Node's UTF-8 encoder, the engine reads a lone surrogate as U+FFFD.
  assert.equal(a.region.name, 'Kabupaten \ufffd Uji');
  assert.deepEqual(a.agencies.map((g) => g.name).sort(), names.map((n) => n.slice(0, 40).trim()).sort()); // names are trimmed
  // The same as the object read through JSON.stringify, which takes wasm-bindgen's own path.
  const fromObject = api.assess(JSON.parse(text));
  assert.deepEqual(a.agencies, fromObject.agencies);
  assert.deepEqual(a.quick_wins, fromObject.quick_wins);
  assert.deepEqual(a.findings.filter((f) => !f.path.startsWith('/region')), fromObject.findings.filter((f) => !f.path.startsWith('/region')));
});

test('assess(object) equals assessText on the same data', () => {
  const object = JSON.parse(kebumenText);
  assert.deepEqual(api.assess(object), api.assessText(kebumenText));
});

test('assessText with a BOM: accepted, the same result, no hash (spec §4)', () => {
  const withBom = '\uFEFF' + kediriText;
  const a = api.assessText(withBom);
  assert.equal(a.evaluation.index, 3.32);
  assert.equal('input_sha256' in a, false);
  assert.deepEqual(a, api.assessText(kediriText));
});

test("assessText('not json') throws an Error with problems", () => {
  const e = thrown(() => api.assessText('not json'));
  assert.ok(e instanceof Error);
  assert.ok(!(e instanceof WebAssembly.RuntimeError));
  assert.match(e.message, /^[^/]+ \/ [^/]+$/s, e.message);
  assert.ok(Array.isArray(e.problems) && e.problems.length >= 1);
  const [p] = e.problems;
  assert.equal(p.code, 'not_json');
  assert.equal(p.severity, 'error');
  assert.equal(p.line, 1);
  assert.equal(p.column, 1);
  assert.equal(e.message, `${p.message.id} / ${p.message.en}`);
});

test('several problems at once, with JSON pointers', () => {
  const mp = minimal();
  const program = (id, pillar) => ({ id, name: 'P', pillar, horizon: 'short', start_year: 2021, status: 'running' });
  mp.programs = [program('A-1', 'governance'), program('A-1', 'economy'), program('A-3', 'tourism')];
  const text = JSON.stringify(mp, null, 2);
  const e = thrown(() => api.assessText(text));
  assert.ok(e instanceof Error);
  const codes = e.problems.map((p) => `${p.code} ${p.path}`);
  assert.ok(codes.includes('unknown_pillar /programs/2/pillar'), codes.join('\n'));
  assert.ok(codes.includes('duplicate_id /programs/1/id'), codes.join('\n'));
  // The message counts the others.
  assert.match(e.message, /\(and \d+ more problems?\)/);
  const located = e.problems.find((p) => p.code === 'unknown_pillar');
  assert.ok(located.line > 1 && located.column > 1);
  // validate gives the same list, and from an object there are no line numbers.
  assert.deepEqual(api.validate(text), e.problems);
  const fromObject = api.validate(mp);
  assert.ok(fromObject.some((p) => p.code === 'duplicate_id' && p.line === undefined));
});

test('validate never throws', () => {
  const circular = minimal();
  circular.self = circular;
  const inputs = ['', 'garbage', '{', '[]', 'null', '"text"', 42, -1, NaN, null, undefined, true, [], {}, circular,
    { programs: 'nope' }, () => 1, Symbol('s'), 10n, '\uFEFF', '\uD800'];
  for (const input of inputs) {
    let problems;
    assert.doesNotThrow(() => { problems = api.validate(input); }, String(typeof input));
    assert.ok(Array.isArray(problems), String(input));
    for (const p of problems) {
      assert.ok(['error', 'warning'].includes(p.severity));
      assert.equal(typeof p.code, 'string');
      assert.equal(typeof p.path, 'string');
      assert.ok(p.message.id && p.message.en);
    }
    assert.ok(problems.some((p) => p.severity === 'error'), `no error for ${String(typeof input)} ${String(input)?.slice?.(0, 20)}`);
  }
  // Bad options do not throw either.
  assert.ok(Array.isArray(api.validate(kediriText, 7)));
  assert.ok(api.validate(kediriText, { method: 'kominfo-2099' }).some((p) => p.code === 'unknown_method'));
});

test('an unknown key is a warning that appears in findings', () => {
  const mp = minimal();
  mp.region.motto = 'Maju';
  const warnings = api.validate(mp);
  assert.ok(warnings.some((p) => p.severity === 'warning' && p.code === 'unknown_key' && p.path === '/region/motto'));
  const a = api.assess(mp);
  assert.ok(a.findings.some((f) => f.code === 'unknown_key' && f.path === '/region/motto'));
});

test("options.method 'kominfo-sleman' changes the index; unknown id throws", () => {
  const a = api.assessText(kediriText, { method: 'kominfo-sleman' });
  assert.equal(a.method.id, 'kominfo-sleman');
  assert.equal(a.evaluation.index, 3.26); // 0.36+0.642+0.969+0.921+0.365 = 3.257
  const e = thrown(() => api.assessText(kediriText, { method: 'kominfo-2099' }));
  assert.ok(e instanceof Error && !(e instanceof WebAssembly.RuntimeError));
  assert.ok(e.problems.some((p) => p.code === 'unknown_method'));
  // A custom method object whose weights add up to 1.2 is refused.
  const bad = { id: 'bandung', weights: { baseline: 0.1, output: 0.2, outcome: 0.4, impact: 0.3, quick_win: 0.2 } };
  const e2 = thrown(() => api.assessText(kediriText, { method: bad }));
  assert.ok(e2.problems.some((p) => p.code === 'invalid_method'));
  // And a valid one is used: plain mean 16.76/5 = 3.352 → 3.35.
  const equal = { id: 'rata', weights: { baseline: 0.2, output: 0.2, outcome: 0.2, impact: 0.2, quick_win: 0.2 } };
  assert.equal(api.assessText(kediriText, { method: equal }).evaluation.index, 3.35);
});

test('exportCsv: id (BOM, semicolons, comma decimals, Indonesian labels) and en', () => {
  const a = api.assessText(kebumenText);
  const id = cmp.exportCsv(a, { locale: 'id' });
  assert.ok(id.startsWith('\uFEFF'));
  const lines = id.slice(1).split('\r\n');
  assert.deepEqual(lines.slice(0, 2), ['Ringkasan', 'Butir;Nilai;Keterangan']);
  assert.ok(id.includes('85,71'));
  assert.ok(!id.includes('85.71'));
  // The program table and the per-OPD table, labelled from the vocabularies.
  assert.ok(lines.includes('GOV-02;Perizinan Online Terpadu;Smart Governance;DPMPTSP;Jangka pendek;Selesai;Ya;Ya;'));
  assert.ok(lines.includes('OPD;Program direncanakan;Program berjalan;Capaian (%);Quick win jatuh tempo;Quick win tercapai;Temuan'));
  // No machine keys or JSON Pointers for people.
  assert.ok(!/\/programs\/\d/.test(id) && !id.includes('claim_without_evidence'));
  const byDefault = cmp.exportCsv(a);
  assert.equal(byDefault, id);
  const en = cmp.exportCsv(a, { locale: 'en' });
  assert.ok(!en.startsWith('\uFEFF'));
  assert.equal(en.split('\r\n')[1], 'Item,Value,Note');
  assert.ok(en.includes('85.71'));
  assert.ok(en.includes('\r\nGOV-02,Perizinan Online Terpadu,Smart Governance,DPMPTSP,Short term,Completed,Yes,Yes,\r\n'));
  // The file names what it came from; the input hash only when the object carries it (the
  // page adds it, spec §4).
  assert.ok(en.includes('kominfo-2022'));
  assert.ok(!en.includes('SHA-256'));
  const hash = sha256(kebumenText);
  const withHash = cmp.exportCsv({ ...a, input_sha256: hash }, { locale: 'en' });
  assert.ok(withHash.includes(`\r\nMethod version,${a.method.version},\r\nInput file SHA-256,${hash},\r\nRegion,`), withHash.slice(0, 400));
  assert.throws(() => cmp.exportCsv(a, { locale: 'fr' }), Error);
});

test('a text over 20 MB gets file_too_large', () => {
  const big = ' '.repeat(20 * 1024 * 1024 + 1);
  const e = thrown(() => api.assessText(big));
  assert.ok(e instanceof Error && !(e instanceof WebAssembly.RuntimeError));
  assert.equal(e.problems[0].code, 'file_too_large');
  // Located at the start, like every error, in assessText and validate alike.
  assert.equal(e.problems[0].path, '');
  assert.deepEqual([e.problems[0].line, e.problems[0].column], [1, 1]);
  assert.ok(api.validate(big).some((p) => p.code === 'file_too_large'));
});

test('after all those errors the engine still works', () => {
  for (const bad of ['not json', '{}', '[1,2', '\uFEFF']) {
    assert.throws(() => api.assessText(bad), Error);
  }
  assert.throws(() => api.assess('a string'), Error);
  const a = api.assessText(kebumenText);
  assert.equal(a.implementation.overall.percent, 92.16);
  assert.equal(api.assessText(kediriText).evaluation.index, 3.32);
});
