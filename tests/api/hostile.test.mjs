// The hostile-input catalogue (tests/hostile/, expectations in expect.json) through the wasm
// engine's real JavaScript API in Node: each file decoded as the page does it
// (TextDecoder('utf-8', { ignoreBOM: true })), then assessText and validate. Failures are JS
// Errors carrying `problems` (never a WebAssembly.RuntimeError), and the engine keeps working.

import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import init, * as api from '../../www/pkg/kota_cerdas_mandiri.js';
// exportCsv lives in the comparison module (`make build-compare`), not the core one.
import initCompare, * as cmp from '../../www/pkg-compare/kota_cerdas_compare_wasm.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const hostile = `${root}tests/hostile/`;
const manifest = JSON.parse(readFileSync(`${hostile}expect.json`, 'utf8'));
const decode = (bytes) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
const sample = readFileSync(`${root}www/samples/kabupaten-sukamaju-2024.json`, 'utf8');

/** [expected first error code or 'ok', warnings that must be among the findings] */
const expectation = (e) => (typeof e === 'string' ? [e, []] : [e.expect, e.warnings ?? []]);

before(async () => {
  await init({ module_or_path: readFileSync(`${root}www/pkg/kota_cerdas_mandiri_bg.wasm`) });
  await initCompare({ module_or_path: readFileSync(`${root}www/pkg-compare/kota_cerdas_compare_wasm_bg.wasm`) });
});

function stillWorks() {
  const a = api.assessText(sample);
  assert.equal(a.evaluation.index, 3.37);
}

/** Checks one text against its expectation through assessText and validate. */
function check(name, text, [expect, warnings]) {
  const problems = api.validate(text);
  assert.ok(Array.isArray(problems), name);
  for (const p of problems) {
    assert.ok(p.code && p.message?.id && p.message?.en, `${name}: incomplete problem ${JSON.stringify(p)}`);
    assert.ok(p.path === '' || p.path.startsWith('/'), `${name}: pointer ${p.path}`);
    if (p.severity === 'error') assert.ok(p.line >= 1 && p.column >= 1, `${name}: ${p.code} has no line/column`);
  }
  const errors = problems.filter((p) => p.severity === 'error');
  let result;
  let thrown;
  try {
    result = api.assessText(text);
  } catch (e) {
    thrown = e;
  }
  if (expect === 'ok') {
    assert.equal(thrown, undefined, `${name}: ${thrown?.message}`);
    assert.deepEqual(errors, [], name);
    const codes = new Set(result.findings.map((f) => f.code));
    for (const w of warnings) assert.ok(codes.has(w), `${name}: finding ${w} missing`);
    return result;
  }
  assert.ok(thrown, `${name}: assessed despite ${expect}`);
  assert.ok(thrown instanceof Error, `${name}: not an Error: ${thrown}`);
  assert.ok(!(thrown instanceof WebAssembly.RuntimeError), `${name}: the engine trapped: ${thrown.message}`);
  assert.equal(thrown.problems?.[0]?.code, expect, `${name}: ${thrown.message}`);
  assert.equal(errors[0]?.code, expect, name);
  // "<Indonesian> / <English>" for the first problem.
  const { id, en } = thrown.problems[0].message;
  assert.ok(thrown.message.startsWith(id) && thrown.message.includes(` / ${en}`), `${name}: ${thrown.message}`);
  return undefined;
}

test('every hostile file: its code, bilingual and located; never a trap', () => {
  for (const [name, e] of Object.entries(manifest.files)) {
    check(name, decode(readFileSync(hostile + name)), expectation(e));
  }
  stillWorks();
});

test('the hostile files also as objects through assess() and validate(object)', () => {
  for (const name of Object.keys(manifest.files)) {
    let value;
    try {
      value = JSON.parse(decode(readFileSync(hostile + name)).replace(/^\uFEFF/, ''));
    } catch {
      continue; // not JSON for JavaScript either
    }
    try {
      api.assess(value);
    } catch (e) {
      assert.ok(e instanceof Error && !(e instanceof WebAssembly.RuntimeError), `${name}: ${e}`);
      assert.ok(e.problems?.length, name);
    }
    assert.ok(Array.isArray(api.validate(value)), name);
  }
  stillWorks();
});

test('script and HTML in every text field: assessed, strings returned literally', () => {
  const text = readFileSync(`${hostile}xss-every-text-field.json`, 'utf8');
  const input = JSON.parse(text);
  const a = check('xss', text, ['ok', []]);
  assert.deepEqual(a.region, input.region);
  const out = JSON.stringify(a);
  for (const payload of ['<script>window.__pwned=1</script>', '<img src=x onerror=\\"window.__pwned=1\\">', 'javascript:window.__pwned=1']) {
    assert.ok(out.includes(payload), `${payload} not returned literally`);
  }
  const csv = cmp.exportCsv(a, { locale: 'en' });
  assert.ok(!/(^|,)"?=HYPERLINK/m.test(csv), 'a formula left live in the CSV');
});

/** The generated cases of expect.json. */
function generated(name) {
  const province = (n) => execFileSync(process.execPath, [`${root}benches/generate.mjs`, String(n)], { maxBuffer: 64 << 20 }).toString();
  switch (name) {
    case 'too-large-25mb.json': {
      const unit = province(5000);
      return unit.repeat(Math.ceil((25 * 1024 * 1024 + 1) / unit.length));
    }
    case 'programs-60000.json': {
      const programs = Array.from({ length: 60000 }, (_, i) => ({ id: `P-${i}`, name: 'P', pillar: 'governance', horizon: 'long', start_year: 2030, status: 'planned' }));
      return JSON.stringify({ format: 'kota-cerdas/masterplan', format_version: 1, region: { name: 'Kabupaten Uji', kind: 'kabupaten' }, evaluation: { year: 2024 }, programs });
    }
    case 'province-5000.json':
      return province(5000);
    case 'unknown-indicators-1000.json': {
      // Each unknown code used to re-parse the whole text to locate its warning: minutes.
      const plan = JSON.parse(province(5000));
      plan.impact.indicators = Array.from({ length: 1000 }, (_, i) => ({ code: `kode_${i}`, value: 1, year: 2023 }));
      return JSON.stringify(plan, null, 2);
    }
    case 'province-20000.json':
      return province(20000);
    default:
      throw new Error(`no generator for ${name}`);
  }
}

test('generated: 25 MB and 60 000 programs get their limits; province-sized files assess', () => {
  for (const [name, e] of Object.entries(manifest.generated)) {
    const text = generated(name);
    const started = performance.now();
    const a = check(name, text, expectation(e));
    const ms = performance.now() - started;
    console.log(`${name}: ${(text.length / 1e6).toFixed(1)} MB, ${ms.toFixed(0)} ms (validate + assessText)`);
    if (a) assert.ok(a.implementation.overall.planned > 1000, name);
    assert.ok(ms < 30_000, `${name}: ${ms} ms`);
  }
  stillWorks();
});
