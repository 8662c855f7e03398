// Two builds of the core module side by side in one Node process, called in turn on the same
// text, so a shared machine's load falls on both alike (A/B of one change).
//   cp -r www/pkg target/pkg-a   (before)   … change, make build …
//   node benches/ab-bench.mjs target/pkg-a www/pkg [SIZES=5000,5000w] [RUNS=31]
// Prints, per size, JSON.parse of the text and the median assessText of each build (ms), and
// checks both builds answer the same JSON.

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const dirs = process.argv.slice(2, 4).map((d) => resolve(d));
if (dirs.length !== 2) throw new Error('usage: node benches/ab-bench.mjs PKG_A PKG_B');
const RUNS = Number(process.env.RUNS ?? 31);
const SIZES = (process.env.SIZES ?? '5000,5000w').split(',');

async function load(dir) {
  const api = await import(pathToFileURL(join(dir, 'kota_cerdas_mandiri.js')).href + '?' + dir);
  const exports = await api.default({ module_or_path: readFileSync(join(dir, 'kota_cerdas_mandiri_bg.wasm')) });
  return { api, memory: () => exports.memory.buffer.byteLength / 2 ** 20 };
}
const builds = [await load(dirs[0]), await load(dirs[1])];
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const { warnings5000 } = await import('./hostile-cases.mjs');

for (const n of SIZES) {
  const text = n === '5000w'
    ? warnings5000()
    : execFileSync(process.execPath, [join(root, 'benches/generate.mjs'), n], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const same = JSON.stringify(builds[0].api.assessText(text)) === JSON.stringify(builds[1].api.assessText(text));
  const fns = [() => JSON.parse(text), ...builds.map((b) => () => b.api.assessText(text))];
  const t = performance.now();
  while (performance.now() - t < 1000) for (const f of fns) f();
  const samples = fns.map(() => []);
  for (let i = 0; i < RUNS; i++) {
    fns.forEach((f, k) => {
      const t0 = performance.now();
      f();
      samples[k].push(performance.now() - t0);
    });
  }
  const [p, a, b] = samples.map(median);
  console.log(
    `${n}: JSON.parse ${p.toFixed(2)} ms | A ${a.toFixed(2)} ms (${(a / p).toFixed(1)}×) | B ${b.toFixed(2)} ms (${(b / p).toFixed(1)}×) | B/A ${(b / a).toFixed(3)} | same output: ${same} | memory MiB A ${builds[0].memory()} B ${builds[1].memory()}`,
  );
}
