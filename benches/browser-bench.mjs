// In headless Chromium: assessText(text) against JSON.parse(text) in the page (the floor any
// page must pay), and the time from a file chosen in the page's file input to results painted.
//   node benches/browser-bench.mjs          (needs www/pkg from `make build` and Chromium)
//   RUNS=25 SIZES=50,500 node benches/browser-bench.mjs
// Medians of RUNS timed runs, in milliseconds. Chromium runs with the test flags.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser, serveWww, FIXTURES_PREFIX } from '../tests/e2e/harness.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const RUNS = Math.max(15, Number.parseInt(process.env.RUNS ?? '15', 10));
// `5000w`: 5 000 programs, a fifth raising warnings (benches/hostile-cases.mjs). HOSTILE=0
// skips the hostile cases (each in a fresh page: assessText or its Error, and wasm memory).
const SIZES = (process.env.SIZES ?? '50,500,5000,5000w').split(',');
const cases = await import('./hostile-cases.mjs');
const dir = mkdtempSync(join(tmpdir(), 'kcm-browser-bench-'));

const files = SIZES.map((n) => {
  const text = n === '5000w'
    ? cases.warnings5000()
    : execFileSync(process.execPath, [join(root, 'benches/generate.mjs'), String(n)], {
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    });
  const path = join(dir, `masterplan-${n}.json`);
  writeFileSync(path, text);
  return { n, text, path, kib: Buffer.byteLength(text) / 1024 };
});

const server = await serveWww();
const browser = await launchBrowser();
const version = browser.version();
const rows = [];
const hostile = [];
try {
  // 1. The engine alone, in a blank same-origin page.
  const page = await browser.newPage();
  await page.goto(`${server.url}${FIXTURES_PREFIX}blank.html`);
  await page.evaluate(async () => {
    const m = await import('/pkg/kota_cerdas_mandiri.js');
    await m.default({ module_or_path: '/pkg/kota_cerdas_mandiri_bg.wasm' });
    window.engine = m;
  });
  for (const f of files) {
    const r = await page.evaluate(
      ({ text, runs }) => {
        const median = (xs) => xs.sort((a, b) => a - b)[xs.length >> 1];
        // Chromium coarsens performance.now() (≈0.1 ms), so each sample times a batch of
        // calls long enough (≥ 5 ms) to be measured, and reports the time per call.
        const time = (fn) => {
          const start = performance.now();
          let warm = 0;
          for (; warm < 10 || performance.now() - start < 300; warm++) fn();
          const per = (performance.now() - start) / warm;
          const batch = Math.max(1, Math.ceil(5 / Math.max(per, 0.001)));
          const xs = [];
          for (let i = 0; i < runs; i++) {
            const t = performance.now();
            for (let j = 0; j < batch; j++) fn();
            xs.push((performance.now() - t) / batch);
          }
          return median(xs);
        };
        return {
          parse: time(() => JSON.parse(text)),
          assess: time(() => window.engine.assessText(text)),
          assessId: time(() => window.engine.assessText(text, { locale: 'id' })),
        };
      },
      { text: f.text, runs: RUNS },
    );
    rows.push({ ...f, ...r });
  }
  await page.close();

  // 2. The product page: file chosen in the input → results painted (next animation frame).
  const app = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  app.on('crash', () => console.error('page crashed'));
  app.on('pageerror', (e) => console.error('page error', e));
  app.on('console', (m) => m.type() === 'error' && console.error('console', m.text()));
  await app.goto(`${server.url}/index.html`);
  await app.waitForFunction(() => document.body.dataset.ready === 'true');
  for (const f of files) {
    const xs = [];
    const region = JSON.parse(f.text).region.name;
    for (let i = 0; i < Math.min(RUNS, 7); i++) {
      // Put a sample on screen first, so each run really replaces the results.
      await app.evaluate(() => document.querySelector('button[data-sample]')?.click());
      await app.waitForFunction(
        (name) => document.body.dataset.state === 'results' && document.getElementById('summary-h')?.textContent !== name,
        region,
      );
      await app.evaluate((name) => {
        window.__painted = new Promise((resolve) => {
          document.getElementById('file').addEventListener(
            'change',
            () => {
              const t0 = performance.now();
              const check = () => {
                if (document.getElementById('summary-h')?.textContent === name) {
                  requestAnimationFrame(() => resolve(performance.now() - t0));
                } else requestAnimationFrame(check);
              };
              requestAnimationFrame(check);
            },
            { once: true },
          );
        });
      }, region);
      await app.setInputFiles('#file', f.path);
      xs.push(await app.evaluate(() => window.__painted));
    }
    xs.sort((a, b) => a - b);
    rows.find((r) => r.n === f.n).painted = xs[xs.length >> 1];
  }

  // 3. Each hostile case in a fresh page (a fresh instance): the call's time and the wasm
  // memory after it (memory never shrinks: the peak).
  if (process.env.HOSTILE !== '0') {
    const names = [...Object.keys(cases.CASES), 'crafted-0', 'crafted-9'];
    for (const name of names) {
      const text = name.startsWith('crafted-') ? cases.crafted(Number(name.slice(8))) : cases.CASES[name]();
      const p = await browser.newPage();
      await p.goto(`${server.url}${FIXTURES_PREFIX}blank.html`);
      const r = await p.evaluate(async (text) => {
        const m = await import('/pkg/kota_cerdas_mandiri.js');
        const w = await m.default({ module_or_path: '/pkg/kota_cerdas_mandiri_bg.wasm' });
        const t0 = performance.now();
        let answer;
        try {
          answer = `assessed, ${m.assessText(text).findings.length} findings`;
        } catch (e) {
          answer = e instanceof WebAssembly.RuntimeError ? `TRAP ${e.message}` : `Error ${e.problems?.[0]?.code}`;
        }
        return { ms: performance.now() - t0, answer, memory: w.memory.buffer.byteLength / 2 ** 20 };
      }, text);
      hostile.push({ name, mib: text.length / 2 ** 20, ...r });
      await p.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}

console.log(`Chromium ${version} (headless), median of ${RUNS} runs (file → painted: median of 7)`);
console.log('| programs |  KiB | JSON.parse ms | assessText ms | assess/parse | locale id ms | id/parse | file chosen → painted ms |');
console.log('|---------:|-----:|--------------:|--------------:|-------------:|-------------:|---------:|-------------------------:|');
for (const r of rows) {
  console.log(
    `| ${String(r.n).padStart(8)} | ${r.kib.toFixed(0).padStart(4)} | ${r.parse.toFixed(3).padStart(13)} | ${r.assess.toFixed(3).padStart(13)} | ${(r.assess / r.parse).toFixed(1).padStart(12)} | ${r.assessId.toFixed(3).padStart(12)} | ${(r.assessId / r.parse).toFixed(1).padStart(8)} | ${r.painted.toFixed(1).padStart(24)} |`,
  );
}
if (hostile.length) {
  console.log('\nHostile cases (benches/hostile-cases.mjs), each in a fresh page: assessText once');
  console.log('| case | MiB | ms | answer | wasm memory MiB |');
  console.log('|---|--:|--:|---|--:|');
  for (const r of hostile) console.log(`| ${r.name} | ${r.mib.toFixed(1)} | ${r.ms.toFixed(0)} | ${r.answer} | ${r.memory.toFixed(0)} |`);
}
