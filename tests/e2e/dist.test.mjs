// The single-file build (dist/kota-cerdas-mandiri.html, written by `make dist`) copied ALONE into
// an empty folder and opened from file://: a sample, a chosen file, a large file (main thread:
// no worker from file://), a workbook (its module inlined, compiled only when used) and a
// download all work, with no console error and no request at all beyond the file itself.
// Also: the served page links to it.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { assertNoConsoleErrors, launchBrowser, openPage, repoRoot, screenshot, serveWww } from './harness.mjs';

const DIST = path.join(repoRoot, 'dist/kota-cerdas-mandiri.html');
const SUKAMAJU = readFileSync(path.join(repoRoot, 'www/samples/kabupaten-sukamaju-2024.json'));

let browser;
let dir;
let fileUrl;

before(async () => {
  assert.ok(statSync(DIST).isFile(), 'run `make dist` first');
  dir = mkdtempSync(path.join(tmpdir(), 'kcm-dist-'));
  const copy = path.join(dir, 'kota-cerdas-mandiri.html');
  copyFileSync(DIST, copy);
  fileUrl = pathToFileURL(copy).href;
  browser = await launchBrowser();
  const html = readFileSync(DIST);
  console.log(`# single file: ${html.length} bytes raw, ${gzipSync(html, { level: 9 }).length} bytes gzip`);
});

after(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Like harness openPage, but the only thing allowed to load is the file itself. */
async function openDist(viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  const record = { context, consoleErrors: [], pageErrors: [], requests: [], close: () => context.close() };
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url === fileUrl || /^(data|blob):/.test(url)) return route.continue();
    return route.abort('blockedbyclient');
  });
  context.on('request', (request) => record.requests.push({ url: request.url() }));
  record.page = await context.newPage();
  record.page.on('console', (m) => m.type() === 'error' && record.consoleErrors.push(m.text()));
  record.page.on('pageerror', (error) => record.pageErrors.push(error));
  await record.page.addInitScript(() => {
    delete window.showSaveFilePicker;
    // Records the byte size of every wasm module compiled (see the workbook test).
    window.__compiled = [];
    const instantiate = WebAssembly.instantiate;
    WebAssembly.instantiate = function (source, imports) {
      if (source instanceof ArrayBuffer || ArrayBuffer.isView(source)) window.__compiled.push(source.byteLength);
      return instantiate.call(this, source, imports);
    };
  });
  await record.page.goto(fileUrl);
  await record.page.waitForSelector('body[data-ready="true"]');
  return record;
}

async function finish(record) {
  try {
    assertNoConsoleErrors(record);
    // Nothing but the file itself (and data:/blob: URLs, which never touch the network).
    const other = record.requests.map((r) => r.url).filter((u) => u !== fileUrl && !/^(data|blob):/.test(u));
    assert.deepEqual(other, [], 'the single file requests nothing');
  } finally {
    await record.close();
  }
}

const text = (page, selector) => page.locator(selector).first().innerText();

describe('the single file from file://', () => {
  test('the file is self-contained: one inline module, one style, a hash-based CSP', () => {
    const html = readFileSync(DIST, 'utf8');
    assert.equal((html.match(/<script\b/g) ?? []).length, 1);
    assert.match(html, /<script type="module">/);
    assert.doesNotMatch(html, /<script[^>]*\bsrc=/);
    assert.doesNotMatch(html, /<link[^>]*\b(stylesheet|modulepreload)\b/);
    assert.doesNotMatch(html, /kota-cerdas-mandiri\.html"/, 'no link to itself');
    const csp = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)[1];
    assert.match(csp, /script-src 'sha256-[A-Za-z0-9+/=]+' 'wasm-unsafe-eval'/);
    assert.match(csp, /style-src 'sha256-[A-Za-z0-9+/=]+'/);
    assert.match(csp, /connect-src 'none'/);
    assert.doesNotMatch(csp, /unsafe-inline/);
  });

  test('a sample is assessed (main thread), in both languages', async () => {
    const record = await openDist();
    const { page } = record;
    assert.equal(await page.locator('button[data-sample]').count(), 4);
    await page.click('button[data-sample="kota-pelita-2024.json"]');
    await page.waitForSelector('#summary');
    assert.equal(await text(page, '#index-value'), '3,70');
    assert.equal(await text(page, '#summary-h'), 'Kota Pelita');
    assert.equal(await page.evaluate(() => document.body.dataset.where), 'main');
    assert.ok((await text(page, '#engine-version')).length > 0);
    await screenshot(page, 'dist-file-desktop');
    await page.click('#lang');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.equal(await text(page, '#index-value'), '3.70');
    await finish(record);
  });

  test('choosing a file, a large file and downloading work', async () => {
    const record = await openDist();
    const { page } = record;
    await page.setInputFiles('#file', { name: 'sukamaju.json', mimeType: 'application/json', buffer: SUKAMAJU });
    await page.waitForFunction(() => document.getElementById('index-value')?.textContent === '3,37');

    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#dl-json')]);
    const saved = JSON.parse(readFileSync(await dl.path(), 'utf8'));
    assert.equal(saved.evaluation.index, 3.37);
    assert.equal(saved.input_text, SUKAMAJU.toString('utf8'));
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#dl-csv-id')]);
    assert.match(csv.suggestedFilename(), /_id\.csv$/);
    // Written by the comparison module the file carries (inflated on this first CSV).
    assert.ok(readFileSync(await csv.path(), 'utf8').startsWith('\ufeffRingkasan\r\nButir;Nilai;Keterangan\r\nMesin penilai;kota-cerdas-mandiri;'));

    // Over the worker threshold: still assessed, on the main thread.
    const plan = JSON.parse(SUKAMAJU.toString('utf8'));
    const extra = [];
    for (let i = 0; extra.length * 400 < 1_200_000; i++) {
      extra.push({ ...plan.programs[0], id: `X-${i}`, horizon: 'long', start_year: 2030, end_year: 2032, quick_win: undefined, evidence: ['x'.repeat(200)] });
    }
    plan.programs.push(...extra);
    await page.setInputFiles('#file', { name: 'besar.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(plan)) });
    await page.waitForFunction(() => /besar\.json/.test(document.getElementById('meta-file')?.textContent ?? ''));
    assert.equal(await page.evaluate(() => document.body.dataset.where), 'main');
    assert.equal(await text(page, '#overall-percent'), '86,84%');
    await finish(record);
  });

  test('a workbook opens in the single file, its module compiled only then; the template downloads', async () => {
    const record = await openDist();
    const { page } = record;
    // Which wasm modules were compiled, by size: the engine at start, the workbook module on use.
    const compiled = () => page.evaluate(() => window.__compiled);
    assert.equal((await compiled()).length, 1, 'only the engine at start');
    await page.click('button[data-sample="kota-pelita-2024.json"]');
    await page.waitForSelector('#summary');
    assert.equal((await compiled()).length, 1, 'a JSON file needs no workbook module');
    await page.setInputFiles('#file', { name: 'uji-excel.ods', mimeType: '', buffer: readFileSync(path.join(repoRoot, 'tests/e2e/fixtures/workbook-uji.ods')) });
    await page.waitForFunction(() => document.getElementById('summary-h')?.textContent === 'Kabupaten Uji Excel');
    // The hand-derived numbers of workbook.test.mjs.
    assert.equal(await text(page, '#index-value'), '3,40');
    assert.equal(await text(page, '#overall-percent'), '80%');
    const sizes = await compiled();
    assert.equal(sizes.length, 2);
    assert.equal(sizes[1], statSync(path.join(repoRoot, 'www/pkg-workbook/kota_cerdas_workbook_wasm_bg.wasm')).size);
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#dl-template')]);
    assert.deepEqual([...readFileSync(await dl.path()).subarray(0, 2)], [0x50, 0x4b]);
    assert.equal((await compiled()).length, 2, 'compiled once');
    await finish(record);
  });
});

describe('issue 13: every link of the single file works from file://', () => {
  /** Every link a person can follow: a[href]/area[href] in the document and any shadow root. */
  const links = (page) =>
    page.evaluate(() => {
      const out = [];
      const walk = (root) => {
        for (const el of root.querySelectorAll('*')) {
          if (el.matches('a[href], area[href]')) out.push({ href: el.href, raw: el.getAttribute('href'), text: el.textContent.trim().slice(0, 60), download: el.hasAttribute('download') });
          if (el.shadowRoot) walk(el.shadowRoot);
        }
      };
      walk(document);
      return out;
    });

  test('no link to a page the file does not carry; each link followed resolves', async () => {
    const record = await openDist();
    const { page } = record;
    // The batch view is not in the file: a note says where it is, in the page's language.
    assert.equal(await page.locator('a[href="batch.html"]').count(), 0);
    assert.match(await text(page, '[data-i18n="batch.offline"]'), /ada di alat yang dibuka dari server/);
    // Likewise the comparison of two files.
    assert.equal(await page.locator('a[href="compare.html"]').count(), 0);
    assert.match(await text(page, '[data-i18n="compare.offline"]'), /Membandingkan dua berkas .* tidak di berkas offline ini/);
    // Everything the page can show with data: a sample's report, then the editor on it.
    await page.click('button[data-sample="kota-pelita-2024.json"]');
    await page.waitForSelector('#summary');
    const seen = new Map();
    const collect = async () => {
      for (const link of await links(page)) seen.set(link.href, link);
    };
    await collect();
    await page.click('#ed-edit');
    await page.waitForSelector('#editor:not([hidden])');
    await collect();
    await page.click('#lang');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.match(await text(page, '[data-i18n="batch.offline"]'), /not in this offline file/);
    assert.match(await text(page, '[data-i18n="compare.offline"]'), /Comparing two files .* not in this offline file/);
    await collect();
    assert.ok(seen.size >= 1);

    const local = [];
    const external = [];
    for (const link of seen.values()) {
      const url = new URL(link.href);
      if (url.protocol === 'https:') external.push(link.href);
      else if (url.protocol === 'blob:' || url.protocol === 'data:') continue;
      else local.push(link);
    }
    console.log(`# links: ${local.length} in the file followed (${local.map((l) => l.raw).join(' ')}), ${external.length} external https`);
    // External links (method sources) are absolute https: they work wherever the file is.
    for (const href of external) assert.match(href, /^https:\/\/[^/]+\//);
    // Every other link is this very file (a fragment) and is followed: its target exists.
    for (const link of local) {
      const url = new URL(link.href);
      assert.equal(`${url.protocol}//${url.host}${url.pathname}`, fileUrl, `"${link.text}" (${link.raw}) points beside the file`);
      const follower = await openDist();
      const target = url.hash ? decodeURIComponent(url.hash.slice(1)) : null;
      const response = await follower.page.goto(link.href);
      assert.ok(response === null || response.ok(), `"${link.text}" (${link.raw}) loads`);
      if (target) {
        // A fragment of a part drawn with data: draw it first (the sample), then look.
        if (!(await follower.page.evaluate((id) => !!document.getElementById(id), target))) {
          await follower.page.click('button[data-sample="kota-pelita-2024.json"]');
          await follower.page.waitForSelector('#summary');
        }
        assert.ok(await follower.page.evaluate((id) => !!document.getElementById(id), target), `"${link.text}": #${target} exists`);
      }
      await finish(follower);
    }
    await finish(record);
  });
});

describe('the served page offers the single file', () => {
  let server;
  before(async () => {
    server = await serveWww();
  });
  after(async () => {
    await server?.close();
  });

  test('"Gunakan offline" downloads the same file', async () => {
    const record = await openPage(browser, null, { contextOptions: { acceptDownloads: true } });
    const { page } = record;
    await page.goto(`${server.url}/`);
    await page.waitForSelector('body[data-ready="true"]');
    assert.match(await text(page, '#offline-link'), /Gunakan offline/);
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#offline-link')]);
    assert.equal(dl.suggestedFilename(), 'kota-cerdas-mandiri.html');
    assert.ok(readFileSync(await dl.path()).equals(readFileSync(DIST)));
    assertNoConsoleErrors(record);
    await record.close();
  });
});
