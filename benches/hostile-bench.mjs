// Each hostile case of issue 14 (benches/hostile-cases.mjs) in a fresh Node process: the time
// of assessText (or validate, for rejected files), what it answered, and the wasm memory
// after it (wasm memory never shrinks, so that is the peak). Then the crafted sequence that
// poisoned one instance, in one process, and a sample after it.
//   node benches/hostile-bench.mjs                (needs www/pkg from `make build`)
//   node benches/hostile-bench.mjs one-line       (one case)
//   PKG=target/pkg-a node benches/hostile-bench.mjs   (another build)
// Benchmarks, not tests: tests/api/bounded.test.mjs checks the answers.

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const MiB = 1024 * 1024;
// PKG=dir: another build of the core module (default www/pkg), e.g. to compare two builds.
const pkg = resolve(root, process.env.PKG ?? 'www/pkg');

async function engine() {
  const api = await import(pathToFileURL(join(pkg, 'kota_cerdas_mandiri.js')).href);
  const exports = await api.default({ module_or_path: readFileSync(join(pkg, 'kota_cerdas_mandiri_bg.wasm')) });
  return { api, memory: () => exports.memory.buffer.byteLength };
}

/** One call, timed: what came back, in a few words. */
function run(api, call, text) {
  const t0 = performance.now();
  let answer;
  try {
    const r = call === 'validate' ? api.validate(text) : api.assessText(text);
    answer = call === 'validate' ? `${r.length} problems` : `assessed, ${r.findings.length} findings`;
  } catch (e) {
    answer = e instanceof WebAssembly.RuntimeError ? `TRAP ${e.message}` : `Error ${e.problems?.[0]?.code ?? e.message}`;
  }
  return { ms: performance.now() - t0, answer };
}

const mode = process.argv[2];
if (mode === '--case') {
  // Child: one case in a fresh instance; one line of JSON out.
  const cases = await import('./hostile-cases.mjs');
  const name = process.argv[3];
  const text = name.startsWith('crafted-') ? cases.crafted(Number(name.slice(8))) : cases.CASES[name]();
  const { api, memory } = await engine();
  const first = run(api, 'assessText', text);
  const again = run(api, 'assessText', text);
  const validate = run(api, 'validate', text);
  process.stdout.write(JSON.stringify({ name, mib: text.length / MiB, first, again, validate, memory: memory() / MiB }));
} else if (mode === '--sequence') {
  // Child: the ten crafted files in one instance, then a sample.
  const cases = await import('./hostile-cases.mjs');
  const { api, memory } = await engine();
  const rows = [];
  for (let k = 0; k < 10; k++) {
    const r = run(api, 'assessText', cases.crafted(k));
    rows.push({ name: `crafted-${k}`, ...r, memory: memory() / MiB });
  }
  const sample = readFileSync(root + 'www/samples/kabupaten-sukamaju-2024.json', 'utf8');
  rows.push({ name: 'sample after them', ...run(api, 'assessText', sample), memory: memory() / MiB });
  process.stdout.write(JSON.stringify(rows));
} else {
  const { CASES } = await import('./hostile-cases.mjs');
  const names = mode ? [mode] : Object.keys(CASES);
  console.log(`node ${process.version}, ${cpus().length} cores; each case in a fresh process`);
  console.log('| case | MiB | assessText (1st) ms | again ms | validate ms | answer | wasm memory MiB |');
  console.log('|---|--:|--:|--:|--:|---|--:|');
  for (const name of names) {
    const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--case', name], { encoding: 'utf8', maxBuffer: 1 << 26 });
    const r = JSON.parse(out);
    const answer = r.first.answer === r.validate.answer ? r.first.answer : `${r.first.answer}; validate: ${r.validate.answer}`;
    console.log(`| ${name} | ${r.mib.toFixed(1)} | ${r.first.ms.toFixed(0)} | ${r.again.ms.toFixed(0)} | ${r.validate.ms.toFixed(0)} | ${answer} | ${r.memory.toFixed(0)} |`);
  }
  if (!mode) {
    const rows = JSON.parse(execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--sequence'], { encoding: 'utf8', maxBuffer: 1 << 26 }));
    console.log('\nThe crafted sequence in one instance:\n');
    console.log('| file | ms | answer | wasm memory MiB |');
    console.log('|---|--:|---|--:|');
    for (const r of rows) console.log(`| ${r.name} | ${r.ms.toFixed(0)} | ${r.answer} | ${r.memory.toFixed(0)} |`);
  }
}
