// Workbooks in headless Chromium: a 500-program masterplan as an .xlsx, chosen in the page's
// file input → results painted, the first time (the workbook module fetched, compiled and
// initialised on first use, in a fresh browser context each run) and afterwards; the same
// masterplan as JSON for comparison; readWorkbook alone; and the size of what loads on first
// use.
//   node benches/workbook-bench.mjs     (needs `make build build-workbook` and Chromium)
//   N=500 COLD=5 WARM=7 node benches/workbook-bench.mjs

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { launchBrowser, serveWww, FIXTURES_PREFIX } from '../tests/e2e/harness.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const N = Number.parseInt(process.env.N ?? '500', 10);
const COLD = Number.parseInt(process.env.COLD ?? '5', 10);
const WARM = Number.parseInt(process.env.WARM ?? '7', 10);
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const range = (xs) => `${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)}`;

// The masterplan, as JSON and as the workbook our writer makes of it.
const text = execFileSync(process.execPath, [join(root, 'benches/generate.mjs'), String(N)], { encoding: 'utf8', maxBuffer: 1 << 28 });
const plan = JSON.parse(text);
const wb = await import(join(root, 'www/pkg-workbook/kota_cerdas_workbook_wasm.js'));
wb.initSync({ module: readFileSync(join(root, 'www/pkg-workbook/kota_cerdas_workbook_wasm_bg.wasm')) });
const { bytes, warnings } = wb.writeWorkbook(plan, 'id');
if (warnings.length) console.log(`# note: ${warnings.length} not carried (${warnings.map((w) => w.path).join(', ')})`);
const back = wb.readWorkbook(bytes);
if (back.text === null) throw new Error(`the workbook does not read back: ${JSON.stringify(back.problems[0])}`);
const dir = mkdtempSync(join(tmpdir(), 'kcm-workbook-bench-'));
const xlsx = join(dir, `masterplan-${N}.xlsx`);
const json = join(dir, `masterplan-${N}.json`);
writeFileSync(xlsx, bytes);
writeFileSync(json, text);
const region = plan.region.name;

// What loads on first use of a workbook (the client module loads with the page).
const sizes = ['www/pkg-workbook/kota_cerdas_workbook_wasm_bg.wasm', 'www/pkg-workbook/kota_cerdas_workbook_wasm.js', 'www/lib/workbook-client.js'].map((rel) => {
  const data = readFileSync(join(root, rel));
  return {
    rel,
    raw: data.length,
    gzip: gzipSync(data, { level: 9 }).length,
    brotli: brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
});

const server = await serveWww();
const browser = await launchBrowser();
const version = browser.version();

/** Times file chosen (the input's change event) → the animation frame after the results. */
async function choose(page, path) {
  await page.evaluate(() => document.querySelector('button[data-sample]')?.click());
  await page.waitForFunction((name) => document.body.dataset.state === 'results' && document.getElementById('summary-h')?.textContent !== name, region);
  await page.evaluate((name) => {
    window.__painted = new Promise((resolve) => {
      document.getElementById('file').addEventListener(
        'change',
        () => {
          const t0 = performance.now();
          const check = () => {
            if (document.getElementById('summary-h')?.textContent === name) requestAnimationFrame(() => resolve(performance.now() - t0));
            else requestAnimationFrame(check);
          };
          requestAnimationFrame(check);
        },
        { once: true },
      );
    });
  }, region);
  await page.setInputFiles('#file', path);
  return page.evaluate(() => window.__painted);
}

async function openApp() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const requests = [];
  page.on('requestfinished', async (r) => {
    if (/pkg-workbook\//.test(r.url())) requests.push(r.url());
  });
  page.on('pageerror', (e) => console.error('page error', e));
  await page.goto(`${server.url}/index.html`);
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
  return { context, page, requests };
}

const cold = [];
const warm = [];
const jsonWarm = [];
let read = [];
try {
  for (let i = 0; i < COLD; i++) {
    const { context, page, requests } = await openApp();
    if (requests.length) throw new Error('the first view loaded the workbook module');
    cold.push(await choose(page, xlsx));
    if (i === 0) {
      for (let j = 0; j < WARM; j++) warm.push(await choose(page, xlsx));
      for (let j = 0; j < WARM; j++) jsonWarm.push(await choose(page, json));
    }
    await context.close();
  }
  // readWorkbook alone, in a blank page of the same origin.
  const page = await browser.newPage();
  await page.goto(`${server.url}${FIXTURES_PREFIX}blank.html`);
  read = await page.evaluate(
    async ({ b64, runs }) => {
      const m = await import('/pkg-workbook/kota_cerdas_workbook_wasm.js');
      await m.default({ module_or_path: '/pkg-workbook/kota_cerdas_workbook_wasm_bg.wasm' });
      const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const xs = [];
      for (let i = 0; i < runs + 2; i++) {
        const t = performance.now();
        m.readWorkbook(data);
        xs.push(performance.now() - t);
      }
      return xs.slice(2);
    },
    { b64: Buffer.from(bytes).toString('base64'), runs: WARM },
  );
} finally {
  await browser.close();
  await server.close();
}

const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
console.log(`Chromium ${version} (headless); ${N} programs: .xlsx ${kib(statSync(xlsx).size)}, JSON ${kib(statSync(json).size)}`);
console.log('| | median | range |');
console.log('|---|---:|---:|');
console.log(`| .xlsx chosen → painted, first use (module fetched, compiled; ${COLD} fresh contexts) | ${median(cold).toFixed(0)} ms | ${range(cold)} ms |`);
console.log(`| .xlsx chosen → painted, module loaded (${WARM} runs) | ${median(warm).toFixed(0)} ms | ${range(warm)} ms |`);
console.log(`| same masterplan as JSON chosen → painted (${WARM} runs) | ${median(jsonWarm).toFixed(0)} ms | ${range(jsonWarm)} ms |`);
console.log(`| readWorkbook alone (${WARM} runs) | ${median(read).toFixed(1)} ms | ${range(read)} ms |`);
console.log('\n| loaded on first use | raw | gzip | brotli |');
console.log('|---|---:|---:|---:|');
for (const s of sizes) console.log(`| ${s.rel} | ${s.raw} B | ${s.gzip} B | ${s.brotli} B |`);
const total = (k) => sizes.slice(0, 2).reduce((a, s) => a + s[k], 0);
console.log(`| module total (wasm + glue; the client loads with the page) | ${total('raw')} B | ${total('gzip')} B | ${total('brotli')} B |`);
