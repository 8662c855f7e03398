// Issue 14 in the wasm module: what each hostile input under 20 MB gets (generated here, never
// stored), the one-language result (options.locale), the CSV defuse, and that one instance
// still answers after the sequence that once poisoned it. No timings: the times and memory
// are benchmarks (benches/hostile-bench.mjs, BENCHMARKS.md).
// Needs the built module (`make build`).

import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import init, * as api from '../../www/pkg/kota_cerdas_mandiri.js';
// exportCsv lives in the comparison module (`make build-compare`), not the core one.
import initCompare, * as cmp from '../../www/pkg-compare/kota_cerdas_compare_wasm.js';
import * as cases from '../../benches/hostile-cases.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const read = (path) => readFileSync(root + path, 'utf8');
const SAMPLE = 'www/samples/kabupaten-sukamaju-2024.json';

let memory;
before(async () => {
  const exports = await init({ module_or_path: readFileSync(root + 'www/pkg/kota_cerdas_mandiri_bg.wasm') });
  await initCompare({ module_or_path: readFileSync(`${root}www/pkg-compare/kota_cerdas_compare_wasm_bg.wasm`) });
  memory = exports.memory;
});

/** The JS Error thrown by `f` (failing if it returns or traps). */
function thrown(f) {
  try {
    f();
  } catch (e) {
    assert.ok(!(e instanceof WebAssembly.RuntimeError), `a trap: ${e}`);
    assert.ok(e instanceof Error);
    return e;
  }
  assert.fail('did not throw');
}

/** Every object of `value` with both `id` and `en` strings, or one of them only. */
function bilingual(value, out = { both: 0, id: 0, en: 0 }) {
  if (Array.isArray(value)) value.forEach((v) => bilingual(v, out));
  else if (value && typeof value === 'object') {
    const keys = Object.keys(value);
    const text = (k) => typeof value[k] === 'string';
    if (keys.length === 2 && text('id') && text('en')) out.both++;
    else if (keys.length === 1 && keys[0] === 'id' && text('id')) out.id++;
    else if (keys.length === 1 && keys[0] === 'en' && text('en')) out.en++;
    else Object.values(value).forEach((v) => bilingual(v, out));
  }
  return out;
}

test('options.locale: one language in every bilingual text of the result, problems too', () => {
  const text = read(SAMPLE);
  const both = api.assessText(text);
  const counts = bilingual(both);
  assert.ok(counts.both > 20 && counts.id === 0 && counts.en === 0, JSON.stringify(counts));
  for (const lang of ['id', 'en']) {
    const one = api.assessText(text, { locale: lang });
    assert.deepEqual(bilingual(one), { both: 0, id: lang === 'id' ? counts.both : 0, en: lang === 'en' ? counts.both : 0 });
    // The same result otherwise: the first finding's message is the other's half.
    assert.equal(one.findings[0].message[lang], both.findings[0].message[lang]);
    assert.equal(one.evaluation.index, both.evaluation.index);
    assert.deepEqual(api.assess(JSON.parse(text), { locale: lang }), one);
    const problems = api.validate('{"format": 1}', { locale: lang });
    assert.ok(problems.length > 0 && problems.every((p) => Object.keys(p.message).join() === lang), JSON.stringify(problems[0]));
    const e = thrown(() => api.assessText('{"format": 1}', { locale: lang }));
    assert.ok(e.problems.every((p) => Object.keys(p.message).join() === lang));
    assert.match(e.message, / \/ /); // the message keeps both languages (spec §5)
  }
  for (const bad of ['fr', 'ID', '', 3]) {
    const e = thrown(() => api.assessText(text, { locale: bad }));
    assert.equal(e.problems[0].code, 'invalid_options');
    assert.match(e.problems[0].message.id, /options\.locale .* tidak dikenal/);
    assert.match(e.problems[0].message.en, /Unknown options\.locale/);
    assert.equal(api.validate(text, { locale: bad })[0].code, 'invalid_options');
  }
});

test('exportCsv defuses formulas after any separator, in both locales', () => {
  const mp = JSON.parse(read(SAMPLE));
  mp.region.name = 'Kab X,=1+1,';
  mp.programs[0].name = '@cmd;-2+3';
  const a = api.assess(mp);
  const id = cmp.exportCsv(a, { locale: 'id' });
  const en = cmp.exportCsv(a, { locale: 'en' });
  assert.ok(id.includes(";Kab X,'=1+1,;"), id.slice(0, 600));
  assert.ok(en.includes(',"Kab X,\'=1+1,",'), en.slice(0, 600));
  // Opened with the other separator, no cell starts with a trigger.
  for (const csv of [id, en]) {
    for (const cell of csv.replace(/^\uFEFF/, '').split(/[,;\r\n]/)) {
      assert.ok(!/^[=+\-@\t]/.test(cell.replace(/^"/, '')) || /^-?\d/.test(cell), `a live cell: ${cell}`);
    }
  }
});

test('invisible characters in ids and agency names: warned, ignored when compared', () => {
  const mp = JSON.parse(read(SAMPLE));
  const [p0, p1] = mp.programs;
  p1.lead_agency = `${p0.lead_agency}\u200b`;
  const a = api.assess(mp);
  const w = a.findings.filter((f) => f.code === 'invisible_characters');
  assert.equal(w.length, 1);
  assert.equal(w[0].path, '/programs/1/lead_agency');
  assert.match(w[0].message.en, /U\+200B/);
  assert.ok(!a.agencies.some((g) => g.name.includes('\u200b')));
  p1.id = `${p0.id}\u2060`;
  const e = thrown(() => api.assess(mp));
  assert.ok(e.problems.some((p) => p.code === 'duplicate_id' && p.path === '/programs/1/id'));
});

test('hostile: unknown values everywhere (19 MB): 500 problems with hints, every one counted', () => {
  const problems = api.validate(cases.unknownValues());
  assert.equal(problems.length, 501);
  assert.equal(problems[0].code, 'unknown_pillar');
  assert.equal(problems.at(-1).code, 'too_many_problems');
  // 50 000 programs × 4 unknown values: 199 500 not shown.
  assert.match(problems.at(-1).message.en, /^199500 more problems/);
});

test('hostile: 286 000 unknown keys of 63 characters: assessed, 500 warnings shown', () => {
  const a = api.assessText(cases.unknownKeys());
  const unknown = a.findings.filter((f) => f.code === 'unknown_key');
  assert.equal(unknown.length, 500);
  assert.ok(a.findings.some((f) => f.code === 'too_many_problems'));
});

test('hostile: a one-line 19 MB file is located like the same bytes with line breaks', () => {
  const one = api.validate(cases.oneLine());
  const many = api.validate(cases.manyLines());
  assert.equal(one.length, many.length);
  // Every problem located (the last, too_many_problems, has no place).
  assert.ok(one.slice(0, -1).every((p) => p.line === 1), JSON.stringify(one.find((p) => p.line !== 1)));
  assert.ok(many.some((p) => p.line > 1));
  assert.deepEqual(one.map((p) => p.path), many.map((p) => p.path));
  // Column of the 10th program's unknown key on the single line, counted by hand.
  const text = cases.oneLine();
  const p = one.find((x) => x.path === '/programs/10/catatan_tambahan');
  assert.equal(p.column, text.indexOf('"catatan_tambahan"', text.indexOf('"id":"P-10"')) + 1);
});

test('hostile: 10 million values of unknown content: too_many_values, located', () => {
  const text = cases.unknownContent();
  const e = thrown(() => api.assessText(text));
  assert.equal(e.problems.length, 1);
  const [p] = e.problems;
  assert.equal(p.code, 'too_many_values');
  assert.equal(p.line, 1);
  assert.ok(p.column > text.indexOf('"lampiran"'));
  assert.match(p.message.en, /more than 3,000,000/);
});

test('one instance: the crafted sequence that poisoned it, then a big valid file and a sample', () => {
  const sample = read(SAMPLE);
  const expected = api.assessText(sample);
  const after = [];
  for (let k = 0; k < 10; k++) {
    const a = api.assessText(cases.crafted(k));
    assert.ok(a.findings.some((f) => f.code === 'unknown_key'));
    after.push(memory.buffer.byteLength);
  }
  // Memory is reused across sizes: the last files take no more than the largest before.
  assert.ok(after[9] <= Math.max(...after.slice(0, 5)), after.join());
  assert.equal(api.assessText(cases.bigValid()).region.name, 'Kabupaten Uji Beban');
  // Failures on the way leave nothing behind: each is an Error, and the next file is right.
  assert.equal(thrown(() => api.assessText(cases.unknownContent())).problems[0].code, 'too_many_values');
  assert.equal(thrown(() => api.assessText(' '.repeat(20 * 1024 * 1024 + 1))).problems[0].code, 'file_too_large');
  assert.equal(thrown(() => api.assessText('[' .repeat(100_000))).problems[0].code, 'not_json');
  assert.deepEqual(api.assessText(sample), expected);
});

test('the output schema accepts both shapes of a bilingual text (options.locale)', async () => {
  const { default: Ajv2020 } = await import('ajv/dist/2020.js');
  const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
  const validate = ajv.compile(JSON.parse(read('www/assessment.schema.json')));
  const text = read(SAMPLE);
  for (const locale of [undefined, 'id', 'en']) {
    const a = api.assessText(text, { locale });
    assert.ok(validate(a), `${locale}: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
    // With the hash the page or the CLI adds.
    assert.ok(validate({ ...a, input_sha256: 'a'.repeat(64) }));
  }
  const a = api.assessText(text);
  a.findings[0].message = {};
  assert.ok(!validate(a));
});
