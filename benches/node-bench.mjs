// assessText(text) against JSON.parse(text) in Node, plus the native CLI on the same files.
//   node benches/node-bench.mjs            (needs www/pkg from `make build`)
//   RUNS=25 SIZES=50,500 node benches/node-bench.mjs
//   SIZES=1000,10000,50000 node benches/node-bench.mjs   (growth)
// Also times `assessText(text, { locale: 'id' })` (one language in the result), and the
// 5 000-program file where a fifth of the programs raise warnings (size `5000w`,
// benches/hostile-cases.mjs).
// Prints the median of RUNS timed runs (after warm-up) per size, in milliseconds.

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import init, * as api from '../www/pkg/kota_cerdas_mandiri.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const RUNS = Math.max(15, Number.parseInt(process.env.RUNS ?? '15', 10));
const SIZES = (process.env.SIZES ?? '50,500,5000,5000w').split(',');

await init({ module_or_path: readFileSync(join(root, 'www/pkg/kota_cerdas_mandiri_bg.wasm')) });

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

function time(fn) {
  // Warm-up: at least 10 runs and 300 ms, so V8 has tiered the wasm up from its baseline
  // compiler (with only a few runs, the first size measured looked 4× slower).
  const start = performance.now();
  for (let i = 0; i < 10 || performance.now() - start < 300; i++) fn();
  const samples = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

// The native CLI, release build (wall time of a whole process: start, read, assess, print).
execFileSync('cargo', ['build', '-q', '--release', '--bin', 'kota-cerdas'], { cwd: root, stdio: 'inherit' });
const cli = join(root, 'target/release/kota-cerdas');
function timeNative(path) {
  const run = () => {
    const r = spawnSync(cli, ['assess', path], { maxBuffer: 1 << 30 });
    if (r.status !== 0) throw new Error(`kota-cerdas failed on ${path}: ${r.stdout}`);
  };
  run();
  const samples = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    run();
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

const dir = mkdtempSync(join(tmpdir(), 'kota-cerdas-bench-'));
const rows = [];
const { warnings5000 } = await import('./hostile-cases.mjs');
for (const n of SIZES) {
  const text = n === '5000w'
    ? warnings5000()
    : execFileSync(process.execPath, [join(root, 'benches/generate.mjs'), String(n)], {
      encoding: 'utf8',
      maxBuffer: 1 << 30,
    });
  const path = join(dir, `masterplan-${n}.json`);
  writeFileSync(path, text);
  const a = api.assessText(text); // fails loudly if the generated file is not valid
  const parse = time(() => JSON.parse(text));
  const assess = time(() => api.assessText(text));
  const assessId = time(() => api.assessText(text, { locale: 'id' }));
  // The parts of assessText's work that no engine can skip: reading the file (validate does
  // the same reading and checking, without the hash, scoring and result), and materialising
  // the result as JS objects, measured as JSON.parse of the result's own text.
  const check = time(() => api.validate(text));
  const resultText = JSON.stringify(a);
  const result = time(() => JSON.parse(resultText));
  const native = timeNative(path);
  rows.push({
    programs: n,
    kib: (Buffer.byteLength(text) / 1024).toFixed(0),
    parse: parse.toFixed(3),
    assess: assess.toFixed(3),
    ratio: (assess / parse).toFixed(1),
    assessId: assessId.toFixed(3),
    ratioId: (assessId / parse).toFixed(1),
    validate: check.toFixed(3),
    result: result.toFixed(3),
    resultKib: (Buffer.byteLength(resultText) / 1024).toFixed(0),
    native: native.toFixed(2),
    findings: a.findings.length,
  });
}

const cols = [
  ['programs', 'programs'],
  ['kib', 'KiB'],
  ['parse', 'JSON.parse ms'],
  ['assess', 'assessText ms'],
  ['ratio', 'assess/parse'],
  ['assessId', 'locale id ms'],
  ['ratioId', 'id/parse'],
  ['validate', 'validate ms'],
  ['resultKib', 'result KiB'],
  ['result', 'JSON.parse(result) ms'],
  ['native', 'native CLI ms'],
  ['findings', 'findings'],
];
const width = cols.map(([k, h]) => Math.max(h.length, ...rows.map((r) => String(r[k]).length)));
const line = (cells) => '| ' + cells.map((c, i) => String(c).padStart(width[i])).join(' | ') + ' |';
console.log(`node ${process.version}, ${cpus().length} cores, median of ${RUNS} runs after ≥10 warm-up runs (≥300 ms)`);
console.log(line(cols.map(([, h]) => h)));
console.log('|' + width.map((w) => '-'.repeat(w + 1) + ':').join('|') + '|');
for (const r of rows) console.log(line(cols.map(([k]) => r[k])));
const floor = timeNative(join(root, 'tests/fixtures/kediri-2022.json'));
console.log('native CLI = whole process (spawn, read file, assess, pretty-print JSON to a pipe);');
console.log(`its floor, the 5-program Kediri fixture, is ${floor.toFixed(2)} ms.`);
