// In headless Chromium: the editor's keystroke → re-scored results painted (issue 11), for a
// masterplan of N programs opened with "Ubah masterplan ini".
//   node benches/editor-bench.mjs            (needs www/pkg from `make build` and Chromium)
//   RUNS=25 SIZES=50,500 node benches/editor-bench.mjs
//
// Two edits, each timed from the key's keydown (in the page) to the animation frame after the
// live score beside the form was drawn again, and after the whole report under the editor was
// (a frame later: see accepted() in www/editor/editor.js); medians of RUNS:
//   - a character typed in a program's name: waits for the typing pause (TYPING_MS = 150 ms in
//     www/editor/editor.js) before the engine is asked;
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
const version = browser.version();
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
    await page.waitForSelector('#editor[data-live="ok"][data-report="current"]');
    await page.evaluate(() => {
      window.benchSample = null;
      let start = 0;
      document.addEventListener('keydown', () => {
        start = performance.now();
        window.benchSample = {};
      }, true);
      // The editor marks when the live score is the engine's answer (data-live="ok") and when
      // the report under it caught up (data-report="current"): the frame after each, painted.
      const editor = document.getElementById('editor');
      const when = { bar: ['live', 'ok'], report: ['report', 'current'] };
      new MutationObserver(() => {
        const sample = window.benchSample;
        if (!sample) return;
        for (const [key, [attr, value]] of Object.entries(when)) {
          if (key in sample || editor.dataset[attr] !== value || editor.dataset.live === 'busy') continue;
          sample[key] = null;
          const t0 = start;
          requestAnimationFrame(() => setTimeout(() => {
            sample[key] = performance.now() - t0;
          }, 0));
        }
      }).observe(editor, { attributes: true, attributeFilter: ['data-live', 'data-report'] });
    });
    const take = async (act) => {
      await act();
      await page.waitForFunction(() => {
        const editor = document.getElementById('editor');
        const s = window.benchSample;
        return editor.dataset.live === 'ok' && editor.dataset.report === 'current' && s?.bar && s?.report;
      });
      await page.waitForTimeout(50);
      return page.evaluate(() => window.benchSample);
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
    const assess = await page.evaluate(async ({ runs, input }) => {
      const engine = await import('/lib/engine-client.js');
      const xs = [];
      for (let i = 0; i < runs; i++) {
        const t = performance.now();
        await engine.assessTextHere(input);
        xs.push(performance.now() - t);
      }
      return xs.sort((x, y) => x - y)[xs.length >> 1];
    }, { runs: RUNS, input: text });
    const m = (xs, key) => median(xs.map((x) => x[key]));
    rows.push({ n, kib: Buffer.byteLength(text) / 1024, assess, typedBar: m(typed, 'bar'), typedReport: m(typed, 'report'), pickedBar: m(picked, 'bar'), pickedReport: m(picked, 'report') });
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}

const ms = (x) => x.toFixed(0);
console.log(`Chromium ${version}, medians of ${RUNS} runs (ms), from keydown to the frame after:`);
console.log('| programs | text | name typed: live score | name typed: report | status picked: live score | status picked: report | assessText alone |');
console.log('|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  console.log(`| ${r.n} | ${r.kib.toFixed(0)} KiB | ${ms(r.typedBar)} | ${ms(r.typedReport)} | ${ms(r.pickedBar)} | ${ms(r.pickedReport)} | ${r.assess.toFixed(1)} |`);
}
console.log(`(a name typed waits for the typing pause, ${TYPING_MS} ms, before the engine is asked)`);
