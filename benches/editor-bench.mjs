// In headless Chromium: the editor's keystroke → re-scored report painted (issue 11), for a
// masterplan of N programs opened with "Ubah masterplan ini".
//   node benches/editor-bench.mjs            (needs www/pkg from `make build` and Chromium)
//   RUNS=25 SIZES=50,500 node benches/editor-bench.mjs
//
// Two edits, each timed from the key's keydown (in the page) to the animation frame after the
// report under the editor was replaced (what the person sees), medians of RUNS:
//   - a character typed in a program's name: waits for the typing pause (TYPING_MS = 150 ms in
//     www/editor/editor.js) before the engine is asked; also given without that pause;
//   - a status changed with the arrow keys on the focused select: assessed at once (the score
//     moves: the program counts as implemented or not).
// The engine call alone (assessText in the page on the file's text) is given for comparison.

import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { launchBrowser, serveWww } from '../tests/e2e/harness.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const RUNS = Math.max(9, Number.parseInt(process.env.RUNS ?? '15', 10));
const SIZES = (process.env.SIZES ?? '50,500').split(',').map(Number);
const TYPING_MS = 150;

const server = await serveWww();
const browser = await launchBrowser();
const rows = [];
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
try {
  for (const n of SIZES) {
    const text = execFileSync(process.execPath, [join(root, 'benches/generate.mjs'), String(n)], { encoding: 'utf8', maxBuffer: 1 << 26 });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.waitForSelector('body[data-ready="true"]');
    await page.setInputFiles('#file', { name: `masterplan-${n}.json`, mimeType: 'application/json', buffer: Buffer.from(text) });
    await page.waitForSelector('#summary');
    await page.click('#ed-edit');
    await page.waitForSelector('#editor[data-live="ok"]');
    // keydown → the frame after #results was replaced.
    await page.evaluate(() => {
      window.benchSamples = [];
      let start = 0;
      document.addEventListener('keydown', () => {
        start = performance.now();
      }, true);
      new MutationObserver(() => {
        if (!start) return;
        const t0 = start;
        start = 0;
        requestAnimationFrame(() => setTimeout(() => window.benchSamples.push(performance.now() - t0), 0));
      }).observe(document.getElementById('results'), { childList: true });
    });
    const settle = () => page.waitForFunction(() => document.getElementById('editor').dataset.live === 'ok' && window.benchSamples.length > 0);
    const take = async (act) => {
      await page.evaluate(() => {
        window.benchSamples = [];
      });
      await act();
      await settle();
      await page.waitForTimeout(50);
      return page.evaluate(() => window.benchSamples[0]);
    };
    const name = page.locator('#ed-programs-0-name');
    const typed = [];
    for (let i = 0; i < RUNS; i++) {
      await name.focus();
      typed.push(await take(() => page.keyboard.press(i % 2 ? 'Backspace' : 'x')));
    }
    const status = page.locator('#ed-programs-0-status');
    const picked = [];
    for (let i = 0; i < RUNS; i++) {
      await status.focus();
      picked.push(await take(() => page.keyboard.press(i % 2 ? 'ArrowUp' : 'ArrowDown')));
    }
    // The engine alone on the same text (the page's client, on this thread as the editor uses it).
    const assess = await page.evaluate(async ({ runs, textNow }) => {
      const engine = await import('/lib/engine-client.js');
      const xs = [];
      for (let i = 0; i < runs; i++) {
        const t = performance.now();
        await engine.assessTextHere(textNow);
        xs.push(performance.now() - t);
      }
      return xs.sort((x, y) => x - y)[xs.length >> 1];
    }, { runs: RUNS, textNow: text });
    rows.push({ n, typed: median(typed), typedNoPause: median(typed) - TYPING_MS, picked: median(picked), assess, kib: Buffer.byteLength(text) / 1024 });
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}

console.log(`Chromium ${browser.version?.() ?? ''}, medians of ${RUNS} runs (ms)`);
console.log('| programs | text | keystroke in a name → painted (of which typing pause) | status picked → painted | assessText alone |');
console.log('|---:|---:|---:|---:|---:|');
for (const r of rows) {
  console.log(`| ${r.n} | ${r.kib.toFixed(0)} KiB | ${r.typed.toFixed(0)} (${TYPING_MS}; ${r.typedNoPause.toFixed(0)} without) | ${r.picked.toFixed(0)} | ${r.assess.toFixed(1)} |`);
}
