// Benchmark (not a test): how long the page takes from a chosen file to its report painted, for
// a generated masterplan with N programs, each its own lead agency (50 000 agencies by default).
// Reports, per run: ms until painted, the longest main-thread task while it happened and the
// number of table rows in the document.
//   node tests/e2e/paging.bench.mjs [N] [runs] [www-dir]
// The www directory defaults to this worktree's; give another (e.g. an export of main with the
// same www/pkg/) to compare.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchBrowser, openPage, repoRoot, serveWww } from './harness.mjs';

const n = Number(process.argv[2] ?? 50_000);
const runs = Number(process.argv[3] ?? 3);
const root = path.resolve(process.argv[4] ?? path.join(repoRoot, 'www'));

const tmp = mkdtempSync(path.join(os.tmpdir(), 'kcm-paging-'));
const file = path.join(tmp, `agencies-${n}.json`);
writeFileSync(file, execFileSync(process.execPath, [path.join(repoRoot, 'benches/generate.mjs'), String(n), 'distinct'], { maxBuffer: 1 << 28 }));

const server = await serveWww({ root });
const browser = await launchBrowser();
try {
  for (let run = 0; run < runs; run++) {
    const record = await openPage(browser, null, { contextOptions: { viewport: { width: 1280, height: 900 } } });
    const { page } = record;
    await page.goto(`${server.url}/`);
    await page.waitForSelector('body[data-ready="true"]');
    await page.evaluate(() => {
      window.bench = { longest: 0 };
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.bench.longest = Math.max(window.bench.longest, e.duration);
      }).observe({ type: 'longtask' });
      document.getElementById('file').addEventListener('change', () => {
        window.bench.chosen = performance.now();
      }, { capture: true });
    });
    await page.setInputFiles('#file', file);
    // Painted: the report is in the document, nothing is busy, and two frames have passed.
    const result = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const check = () => {
            if (document.getElementById('summary') && document.body.dataset.busy === 'false') {
              requestAnimationFrame(() =>
                requestAnimationFrame(() => {
                  const painted = performance.now();
                  setTimeout(() => resolve({ ms: Math.round(painted - window.bench.chosen), longest: Math.round(window.bench.longest), rows: document.querySelectorAll('tr').length, options: document.querySelectorAll('option').length }), 100);
                }),
              );
            } else setTimeout(check, 5);
          };
          check();
        }),
      undefined,
    );
    console.log(`run ${run + 1}: ${result.ms} ms from file chosen to painted; longest task ${result.longest} ms; ${result.rows} table rows, ${result.options} options in the document`);
    await record.close();
  }
} finally {
  await browser.close();
  await server.close();
  rmSync(tmp, { recursive: true, force: true });
}
