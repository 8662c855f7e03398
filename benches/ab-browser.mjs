// benches/ab-bench.mjs in headless Chromium: two builds of the core module side by side in one
// page, called in turn on the same text, with JSON.parse of the text between them.
//   node benches/ab-browser.mjs PKG_A PKG_B   [SIZES=5000,5000w] [RUNS=21]
// The two builds are copied under www/pkg/ab-a and www/pkg/ab-b (www/pkg is not tracked).
// Prints per size the medians (ms per call) and B/A.

import { execFileSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser, serveWww, FIXTURES_PREFIX } from '../tests/e2e/harness.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const dirs = process.argv.slice(2, 4).map((d) => resolve(d));
if (dirs.length !== 2) throw new Error('usage: node benches/ab-browser.mjs PKG_A PKG_B');
const RUNS = Number(process.env.RUNS ?? 21);
const SIZES = (process.env.SIZES ?? '5000,5000w').split(',');
const cases = await import('./hostile-cases.mjs');

['a', 'b'].forEach((k, i) => {
  rmSync(join(root, `www/pkg/ab-${k}`), { recursive: true, force: true });
  cpSync(dirs[i], join(root, `www/pkg/ab-${k}`), { recursive: true });
});
const server = await serveWww();
const browser = await launchBrowser();
try {
  const page = await browser.newPage();
  await page.goto(`${server.url}${FIXTURES_PREFIX}blank.html`);
  await page.evaluate(async () => {
    window.builds = [];
    for (const k of ['a', 'b']) {
      const m = await import(`/pkg/ab-${k}/kota_cerdas_mandiri.js`);
      await m.default({ module_or_path: `/pkg/ab-${k}/kota_cerdas_mandiri_bg.wasm` });
      window.builds.push(m);
    }
  });
  console.log(`${browser.version()}, A ${dirs[0]}, B ${dirs[1]}, median of ${RUNS}`);
  for (const n of SIZES) {
    const text = n === '5000w'
      ? cases.warnings5000()
      : execFileSync(process.execPath, [join(root, 'benches/generate.mjs'), n], { encoding: 'utf8', maxBuffer: 1 << 28 });
    const r = await page.evaluate(({ text, runs }) => {
      const [a, b] = window.builds;
      const fns = [() => JSON.parse(text), () => a.assessText(text), () => b.assessText(text)];
      const same = JSON.stringify(fns[1]()) === JSON.stringify(fns[2]());
      const start = performance.now();
      while (performance.now() - start < 1000) for (const f of fns) f();
      // Chromium coarsens performance.now(): each sample times a batch of at least 5 ms.
      const batch = fns.map((f) => {
        const t = performance.now();
        f();
        return Math.max(1, Math.ceil(5 / Math.max(performance.now() - t, 0.05)));
      });
      const xs = fns.map(() => []);
      for (let i = 0; i < runs; i++) {
        fns.forEach((f, k) => {
          const t = performance.now();
          for (let j = 0; j < batch[k]; j++) f();
          xs[k].push((performance.now() - t) / batch[k]);
        });
      }
      return { same, ms: xs.map((s) => s.sort((p, q) => p - q)[s.length >> 1]) };
    }, { text, runs: RUNS });
    const [p, a, b] = r.ms;
    console.log(`${n}: JSON.parse ${p.toFixed(2)} ms | A ${a.toFixed(2)} ms (${(a / p).toFixed(1)}×) | B ${b.toFixed(2)} ms (${(b / p).toFixed(1)}×) | B/A ${(b / a).toFixed(3)} | same output: ${r.same}`);
  }
} finally {
  await browser.close();
  await server.close?.();
  for (const k of ['a', 'b']) rmSync(join(root, `www/pkg/ab-${k}`), { recursive: true, force: true });
}
