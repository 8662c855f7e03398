// Issue 14, memory: an instance returns the memory of a large file, and a failed allocation is
// a bilingual JavaScript Error, never a trap.
//
// - wasm-bindgen's __wbg_reset_state makes a new WebAssembly.Memory of the initial size, and
//   nothing keeps the old one (it is collected).
// - lib/engine-client.js on this thread (the widget on a regency's site, the single-file build):
//   an ordinary file keeps its instance; a 17 MB file is answered in full, a second one right
//   after reuses the grown memory, and once idle the instance is made anew; the next sample is
//   assessed right. Also after a large rejected file.
// - lib/compare-client.js and lib/workbook-client.js: the same for the comparison and workbook
//   modules.
// - A Node whose wasm memory is capped (V8's --wasm-max-mem-pages) cannot hold a large file: the
//   engine throws a bilingual Error, and after the instance is made anew (as the page does) the
//   sample is assessed right, with the same engine, in the same process.
// The page's worker and the batch view's slots: tests/e2e/memory.test.mjs.
// Needs the built modules (`make build`, `make build-compare`, `make build-workbook`). Files are generated here.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';

const root = fileURLToPath(new URL('../../', import.meta.url));
const read = (rel) => readFileSync(root + rel, 'utf8');
const SAMPLE = read('www/samples/kabupaten-sukamaju-2024.json');
const SAMPLE_INDEX = 3.37; // tests/golden/kabupaten-sukamaju-2024.assessment.json
/** The realistic masterplan of benches/generate.mjs with `n` programs (50 000: 17.2 MB). */
const generate = (n) => execFileSync(process.execPath, [root + 'benches/generate.mjs', String(n)], { encoding: 'utf8', maxBuffer: 1 << 30 });

// The clients fetch their .wasm beside them: in Node, fetch of a file: URL reads the file.
const netFetch = globalThis.fetch;
globalThis.fetch = async (url) => {
  const u = new URL(url);
  return u.protocol === 'file:' ? new Response(readFileSync(u)) : netFetch(url);
};

// The same module instances the clients import (same URLs).
const pkg = await import('../../www/pkg/kota_cerdas_mandiri.js');
const cmpPkg = await import('../../www/pkg-compare/kota_cerdas_compare_wasm.js');
const client = await import('../../www/lib/engine-client.js');
const compareClient = await import('../../www/lib/compare-client.js');
const workbookClient = await import('../../www/lib/workbook-client.js');
const { IDLE_MS, KEEP_MEMORY } = await import('../../www/lib/wasm-instance.js');

const MiB = 1024 * 1024;
const memoryOf = (glue) => glue.initSync().memory;
/** Waits until the clients' instances have been idle long enough to be made anew. */
const idle = () => new Promise((resolve) => setTimeout(resolve, IDLE_MS + 100));
const BIG = generate(50_000);
const BIG_PLAN = JSON.parse(BIG);

/** What shows that an assessment of BIG is whole: every program, the right region, an index. */
function assertBig(a) {
  assert.equal(a.region.name, 'Kabupaten Tolok Ukur');
  assert.equal(a.implementation.programs.length, 50_000);
  assert.deepEqual(
    [0, 24_999, 49_999].map((i) => a.implementation.programs[i].id),
    [0, 24_999, 49_999].map((i) => BIG_PLAN.programs[i].id),
  );
  assert.equal(typeof a.evaluation.index, 'number');
}

test('the reset function makes a new memory of the initial size; the old one is collected', async () => {
  await client.load();
  // The module defines its memory (imports none), so a new instance has a new one.
  const module = new WebAssembly.Module(readFileSync(root + 'www/pkg/kota_cerdas_mandiri_bg.wasm'));
  assert.deepEqual(WebAssembly.Module.imports(module).filter((i) => i.kind === 'memory'), []);
  assert.ok(WebAssembly.Module.exports(module).some((e) => e.name === 'memory' && e.kind === 'memory'));
  pkg.__wbg_reset_state();
  const initial = memoryOf(pkg).buffer.byteLength;
  assert.ok(initial < 2 * MiB, `${initial}`);
  assert.equal(client.memoryBytes(), initial, 'the client reads the current instance');

  // Straight on the package (no client): the memory stays grown after the call.
  let old = memoryOf(pkg);
  const a = pkg.assessText(BIG);
  assert.ok(old.buffer.byteLength > 64 * MiB, `a 17 MB file grew it to ${old.buffer.byteLength}`);
  const weak = new WeakRef(old);
  const json = JSON.stringify(a);
  pkg.__wbg_reset_state();
  assert.notEqual(memoryOf(pkg), old);
  assert.equal(memoryOf(pkg).buffer.byteLength, initial);
  assert.equal(old.buffer.byteLength > 64 * MiB, true, 'the old memory is untouched, only left');
  old = null;
  // The result was never in wasm memory: whole after the reset.
  assert.equal(JSON.stringify(a), json);
  assertBig(a);
  // Nothing holds the old memory (the glue drops its views): a full collection takes it.
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc');
  await new Promise((resolve) => setImmediate(resolve)); // a WeakRef target lives to the end of the job
  gc();
  assert.equal(weak.deref(), undefined, 'the old WebAssembly.Memory was collected');
  assert.equal(pkg.assessText(SAMPLE).evaluation.index, SAMPLE_INDEX);
});

test('engine client: ordinary files keep the instance; 17 MB files are answered whole, then, idle, the memory is returned', async () => {
  await client.load();
  pkg.__wbg_reset_state();
  const initial = client.memoryBytes();
  // The common case: no reset (the same memory, grown a little) for the sample and for
  // 5 000 programs (1.7 MB).
  const kept = memoryOf(pkg);
  assert.equal((await client.assessTextHere(SAMPLE)).evaluation.index, SAMPLE_INDEX);
  const five = generate(5_000);
  const fiveIndex = (await client.assessTextHere(five)).evaluation.index;
  assert.equal(memoryOf(pkg), kept, 'no new instance after ordinary files');
  assert.ok(kept.buffer.byteLength > initial && kept.buffer.byteLength <= KEEP_MEMORY, `${kept.buffer.byteLength}`);

  // 50 000 programs: answered whole. A second one right after (through a request of
  // createClient, the widget's way; on this thread in Node) reuses the grown memory.
  const a = await client.assessTextHere(BIG);
  assertBig(a);
  const grown = memoryOf(pkg);
  assert.equal(grown, kept);
  assert.ok(grown.buffer.byteLength > 64 * MiB, `${grown.buffer.byteLength}`);
  const request = client.createClient().begin();
  const { assessment, where } = await request.assess(BIG);
  assert.equal(where, 'main');
  assert.equal(memoryOf(pkg), grown, 'no reset between large files back to back');
  assert.deepEqual(assessment, a);
  // Idle: the instance is made anew, at its initial memory; the results stay whole.
  const json = JSON.stringify(a);
  await idle();
  assert.notEqual(memoryOf(pkg), grown);
  assert.equal(client.memoryBytes(), initial);
  assert.equal(JSON.stringify(a), json);
  assert.equal(JSON.stringify(assessment), json);

  // The next files: right, each with its real index, on an instance of ordinary size.
  assert.equal((await client.assessTextHere(SAMPLE)).evaluation.index, SAMPLE_INDEX);
  assert.equal((await client.assessTextHere(five)).evaluation.index, fiveIndex);
  assert.ok(client.memoryBytes() <= KEEP_MEMORY);
});

test('engine client: a large rejected file (the engine\'s own Error) returns its memory too', async () => {
  await client.load();
  const programs = Array.from({ length: 50_000 }, (_, i) => ({ ...BIG_PLAN.programs[i], pillar: `pilar-${i}` }));
  const rejected = JSON.stringify({ ...BIG_PLAN, programs });
  const e = await client.assessTextHere(rejected).then(() => assert.fail('assessed'), (error) => error);
  assert.ok(e instanceof Error && !(e instanceof WebAssembly.RuntimeError));
  assert.equal(e.problems[0].code, 'unknown_pillar');
  assert.equal(e.problems[0].path, '/programs/0/pillar');
  assert.equal(e.problems.at(-1).code, 'too_many_problems');
  assert.equal(e.recovered, undefined, 'bad data: not an engine failure');
  assert.ok(client.memoryBytes() > KEEP_MEMORY, `${client.memoryBytes()}`);
  await idle();
  assert.ok(client.memoryBytes() < 2 * MiB, `${client.memoryBytes()}`);
  assert.equal((await client.assessTextHere(SAMPLE)).evaluation.index, SAMPLE_INDEX);
});

test('comparison client: a CSV of a 50 000-program assessment, then, idle, its memory returned', async () => {
  await compareClient.load();
  const initial = compareClient.memoryBytes();
  assert.ok(initial > 0 && initial < 2 * MiB, `${initial}`);
  const sample = await client.assessTextHere(SAMPLE);
  const kept = memoryOf(cmpPkg);
  const small = await compareClient.compare(SAMPLE, SAMPLE);
  assert.deepEqual(small.index, { before: SAMPLE_INDEX, after: SAMPLE_INDEX, delta: 0 });
  await compareClient.exportCsv(sample, { locale: 'id' });
  assert.equal(memoryOf(cmpPkg), kept, 'no new instance after ordinary calls');

  const big = await client.assessTextHere(BIG);
  const csv = await compareClient.exportCsv(big, { locale: 'en' });
  assert.ok(compareClient.memoryBytes() > KEEP_MEMORY);
  await idle();
  assert.notEqual(memoryOf(cmpPkg), kept);
  assert.equal(compareClient.memoryBytes(), initial);
  // Whole: the rows of the first and the last of the 50 000 programs (a row starts with its id).
  for (const p of [BIG_PLAN.programs[0], BIG_PLAN.programs[49_999]]) assert.ok(csv.includes(`\n${p.id},${p.name},`), p.id);
  assert.equal(csv, await compareClient.exportCsv(big, { locale: 'en' }));
  await idle();
  assert.equal(compareClient.memoryBytes(), initial);
  assert.deepEqual((await compareClient.compare(SAMPLE, SAMPLE)).index, small.index);
});

test('workbook client: writing a workbook of 20 000 programs, then, idle, its memory returned; the bytes whole', async () => {
  const plan = JSON.parse(generate(20_000));
  const template = await workbookClient.templateWorkbook('id');
  const initial = await workbookClient.memoryBytes();
  assert.ok(template instanceof Uint8Array && initial > 0 && initial <= KEEP_MEMORY, `${initial}`);
  const { bytes } = await workbookClient.writeWorkbook(plan, 'id');
  assert.ok((await workbookClient.memoryBytes()) > KEEP_MEMORY);
  await idle();
  assert.ok((await workbookClient.memoryBytes()) < initial + 4 * MiB, `${await workbookClient.memoryBytes()}`);
  // The workbook, written before the reset, reads back whole.
  const reading = await workbookClient.readWorkbook(bytes);
  assert.equal(reading.masterplan.programs.length, 20_000);
  assert.deepEqual(reading.masterplan.programs.at(-1).id, plan.programs.at(-1).id);
  assert.equal(JSON.parse(reading.text).region.name, plan.region.name);
  await idle();
  assert.ok((await workbookClient.memoryBytes()) <= KEEP_MEMORY);
});

// A child Node with wasm memory capped at 32 MiB (512 pages of 64 KiB): the sample needs
// 3 MiB and 5 000 programs 11 MiB, but 20 000 programs (6.9 MB) need 34 MiB and 50 000 about
// 110 MiB. It prints what each call gave, as JSON.
const CAP_PAGES = 512;
const CHILD = `
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
const root = process.env.KCM_ROOT;
const generate = (n) => execFileSync(process.execPath, [root + 'benches/generate.mjs', String(n)], { encoding: 'utf8', maxBuffer: 1 << 30 });
globalThis.fetch = async (url) => new Response(readFileSync(new URL(url)));
const pkg = await import(root + 'www/pkg/kota_cerdas_mandiri.js');
const client = await import(root + 'www/lib/engine-client.js');
const sample = readFileSync(root + 'www/samples/kabupaten-sukamaju-2024.json', 'utf8');
const caught = (error) => ({
  isError: error instanceof Error,
  trap: error instanceof WebAssembly.RuntimeError,
  name: error?.constructor?.name,
  message: String(error?.message ?? error),
  problems: error?.problems ?? null,
  recovered: error?.recovered ?? null,
});
const out = { files: [] };
await client.load();
out.sample = pkg.assessText(sample).evaluation.index;
out.five = pkg.assessText(generate(5000)).evaluation.index;
for (const n of [20000, 50000]) {
  const text = generate(n);
  const file = { n };
  // Straight on the package: what the module itself throws.
  try { pkg.assessText(text); file.direct = 'assessed'; } catch (e) { file.direct = caught(e); }
  file.pages = pkg.initSync().memory.buffer.byteLength / 65536;
  pkg.__wbg_reset_state();
  file.afterReset = pkg.assessText(sample).evaluation.index;
  // Through the page's client: the instance is made anew, the error marked recovered.
  try { await client.assessTextHere(text); file.client = 'assessed'; } catch (e) { file.client = caught(e); }
  file.next = (await client.assessTextHere(sample)).evaluation.index;
  out.files.push(file);
}
process.stdout.write(JSON.stringify(out));
`;

test(`allocation failure (wasm memory capped at ${CAP_PAGES} pages): a bilingual Error, never a trap; the next file is right`, () => {
  const run = spawnSync(process.execPath, [`--wasm-max-mem-pages=${CAP_PAGES}`, '--input-type=module', '-e', CHILD], {
    encoding: 'utf8',
    env: { ...process.env, KCM_ROOT: root },
    maxBuffer: 1 << 26,
  });
  assert.equal(run.status, 0, run.stderr);
  const out = JSON.parse(run.stdout);
  // Under the cap the engine works as usual.
  assert.equal(out.sample, SAMPLE_INDEX);
  assert.equal(typeof out.five, 'number');
  assert.equal(out.files.length, 2);
  for (const file of out.files) {
    for (const how of ['direct', 'client']) {
      const e = file[how];
      assert.equal(typeof e, 'object', `${file.n} programs, ${how}: ${e}`);
      assert.equal(e.trap, false, `${file.n} programs, ${how}: a trap: ${e.message}`);
      assert.equal(e.isError, true, `${file.n} programs, ${how}: ${e.name}`);
      assert.equal(e.name, 'Error');
      // Both languages, Indonesian first (spec §5: "id / en").
      const [id, en, ...rest] = e.message.split(' / ');
      assert.equal(rest.length, 0, e.message);
      assert.match(id, /memori/i);
      assert.match(en, /memory/i);
    }
    // Not a problem of the file: no problem list from the engine; the client made a new instance.
    assert.equal(file.direct.problems, null);
    assert.deepEqual(file.client.problems, []);
    assert.equal(file.client.recovered, true);
    assert.ok(file.pages <= CAP_PAGES, `${file.pages} pages`);
    assert.equal(file.afterReset, SAMPLE_INDEX);
    assert.equal(file.next, SAMPLE_INDEX);
  }
});
