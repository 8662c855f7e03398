// The hostile-input catalogue (tests/hostile/, expectations in expect.json) given to the real
// page through its file input, after the Sukamaju sample: each bad file shows its problem in
// the error panel (code and message, located), the previous results (index 3,37) stay on
// screen, nothing from any file runs (`window.__pwned` stays undefined, no element with an
// event-handler attribute, no `javascript:` link, no request for an injected image), and the
// files that are valid despite their content are assessed with their strings shown literally.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { assertNoConsoleErrors, assertOnlyLocalRequests, giveFile, launchBrowser, openPage, repoRoot, serveWww } from './harness.mjs';

const hostileDir = path.join(repoRoot, 'tests/hostile');
const manifest = JSON.parse(readFileSync(path.join(hostileDir, 'expect.json'), 'utf8'));
const expectation = (e) => (typeof e === 'string' ? [e, []] : [e.expect, e.warnings ?? []]);
const SUKAMAJU = 'kabupaten-sukamaju-2024.json';

let server;
let browser;
let tmp;

before(async () => {
  server = await serveWww();
  browser = await launchBrowser();
  tmp = mkdtempSync(path.join(os.tmpdir(), 'kota-cerdas-hostile-'));
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

async function open() {
  const record = await openPage(browser, null, { contextOptions: { viewport: { width: 1280, height: 900 } } });
  await record.page.goto(`${server.url}/`);
  await record.page.waitForSelector('body[data-ready="true"]');
  return record;
}

const text = (page, selector) => page.locator(selector).first().innerText();

/** Nothing from a file ran or was turned into live markup. */
async function assertInert(page, what) {
  const state = await page.evaluate(() => ({
    pwned: window.__pwned,
    handlers: [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => /^on/i.test(a.name))).length,
    jsLinks: document.querySelectorAll('a[href^="javascript:" i], iframe, embed, object').length,
    polluted: {}.polluted ?? {}.isAdmin ?? Object.prototype.polluted,
  }));
  assert.deepEqual(state, { pwned: undefined, handlers: 0, jsLinks: 0, polluted: undefined }, what);
}

/** The generated cases of expect.json, written to the temporary directory. */
function generated(name) {
  const province = (n) => execFileSync(process.execPath, [path.join(repoRoot, 'benches/generate.mjs'), String(n)], { maxBuffer: 64 << 20 }).toString();
  let body;
  switch (name) {
    case 'too-large-25mb.json': {
      const unit = province(5000);
      body = unit.repeat(Math.ceil((25 * 1024 * 1024 + 1) / unit.length));
      break;
    }
    case 'programs-60000.json': {
      const programs = Array.from({ length: 60000 }, (_, i) => ({ id: `P-${i}`, name: 'P', pillar: 'governance', horizon: 'long', start_year: 2030, status: 'planned' }));
      body = JSON.stringify({ format: 'kota-cerdas/masterplan', format_version: 1, region: { name: 'Kabupaten Uji', kind: 'kabupaten' }, evaluation: { year: 2024 }, programs });
      break;
    }
    case 'province-5000.json':
      body = province(5000);
      break;
    case 'unknown-indicators-1000.json': {
      // Each unknown code used to re-parse the whole text to locate its warning: minutes.
      const plan = JSON.parse(province(5000));
      plan.impact.indicators = Array.from({ length: 1000 }, (_, i) => ({ code: `kode_${i}`, value: 1, year: 2023 }));
      body = JSON.stringify(plan, null, 2);
      break;
    }
    case 'province-20000.json':
      body = province(20000);
      break;
    default:
      throw new Error(`no generator for ${name}`);
  }
  const file = path.join(tmp, name);
  writeFileSync(file, body);
  return file;
}

// The 20 000-program file assesses in the engine in under 2 s (tests/api/hostile.test.mjs), but
// the page then renders every program row and finding: 11–23 s here (the 5 000-program file
// 3–8 s), too slow for every `make test`. Its page-level check runs with HOSTILE_ALL=1.
const PAGE_SKIP = process.env.HOSTILE_ALL ? [] : ['province-20000.json'];

// The page reads a file whose bytes are a zip as a workbook, whatever its name (issue 10): the
// zip-like file is a damaged workbook there, a problem of the whole file (the engine alone,
// given its text, still says not_json: tests/api/hostile.test.mjs).
const PAGE_EXPECT = { 'xlsx-like.json': 'corrupt_workbook' };

/** [name, [expected code or 'ok', warnings]] of every catalogue file, then the generated ones. */
const all = () =>
  [...Object.entries(manifest.files), ...Object.entries(manifest.generated)]
    .filter(([name]) => !PAGE_SKIP.includes(name))
    .map(([name, e]) => [name, PAGE_EXPECT[name] ? [PAGE_EXPECT[name], []] : expectation(e)]);

describe('hostile files on the page', () => {
  test('each bad file: its problem shown, located; the previous results stay; nothing runs', async () => {
    const record = await open();
    const { page } = record;
    await page.click(`button[data-sample="${SUKAMAJU}"]`);
    await page.waitForSelector('#summary');
    assert.equal(await text(page, '#index-value'), '3,37');
    let count = 0;
    for (const [name, [expect]] of all()) {
      if (expect === 'ok') continue;
      await giveFile(page, await fileFor(name));
      const problems = await text(page, '#problems');
      assert.ok(await page.locator('#problems').isVisible(), `${name}: no error panel`);
      const first = page.locator('#problems-list li.sev-error').first();
      assert.equal(await first.getAttribute('data-code'), expect, `${name}: first code`);
      assert.ok((await first.locator('.problem-msg').innerText()).trim().length > 20, `${name}: no message`);
      // Located by line and column (a file over the size limit at its start, line 1, column 1;
      // a damaged workbook as the whole file).
      const where = expect === 'file_too_large' ? /baris 1, kolom 1/ : expect === 'corrupt_workbook' ? /seluruh berkas/ : /baris \d+, kolom \d+/;
      assert.match(await first.locator('.where').innerText(), where, `${name}: not located`);
      assert.match(problems, /Hasil sebelumnya tetap ditampilkan/, name);
      assert.equal(await text(page, '#index-value'), '3,37', `${name}: the previous results changed`);
      await assertInert(page, name);
      count++;
    }
    assert.ok(count >= 50, `only ${count} bad files given`);
    // Once more in English: the same panel, translated.
    await page.click('#lang');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.match(await text(page, '#problems'), /previous results stay/);
    assert.equal(await text(page, '#index-value'), '3.37');
    assertNoConsoleErrors(record);
    assertOnlyLocalRequests(record);
    await record.close();
  });

  test('a file far over any masterplan size is refused before it is read', async () => {
    const record = await open();
    const { page } = record;
    await page.click(`button[data-sample="${SUKAMAJU}"]`);
    await page.waitForSelector('#summary');
    // 70 MB of nothing (a sparse file): neither a masterplan (20 MB at most) nor its assessment.
    const big = path.join(tmp, 'rekaman-rapat.json');
    writeFileSync(big, '');
    truncateSync(big, 70 * 1024 * 1024);
    // Count every read of a file's bytes.
    await page.evaluate(() => {
      window.fileReads = 0;
      for (const name of ['arrayBuffer', 'stream', 'text', 'slice']) {
        const original = Blob.prototype[name];
        Blob.prototype[name] = function (...args) {
          window.fileReads++;
          return original.apply(this, args);
        };
      }
    });
    await giveFile(page, big);
    assert.equal(await page.evaluate(() => window.fileReads), 0, 'the big file was read');
    const first = page.locator('#problems-list li.sev-error').first();
    assert.equal(await first.getAttribute('data-code'), 'file_too_large');
    assert.match(await first.locator('.problem-msg').innerText(), /70 MB.*tidak dibaca/);
    assert.match(await first.locator('.where').innerText(), /seluruh berkas/);
    assert.match(await text(page, '#problems'), /Hasil sebelumnya tetap ditampilkan/);
    assert.equal(await text(page, '#index-value'), '3,37');
    await page.click('#lang');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.match(await first.locator('.problem-msg').innerText(), /70 MB.*not read/);
    // The counter does see reads: a file of ordinary size is read.
    await giveFile(page, path.join(hostileDir, 'xss-every-text-field.json'));
    assert.ok((await page.evaluate(() => window.fileReads)) > 0);
    assertNoConsoleErrors(record);
    assertOnlyLocalRequests(record);
    await record.close();
  });

  test('valid files with hostile content: assessed, strings shown literally, nothing runs', async () => {
    const record = await open();
    const { page } = record;
    for (const [name, [expect]] of all()) {
      if (expect !== 'ok') continue;
      const file = await fileFor(name);
      const started = Date.now();
      await giveFile(page, file);
      await page.waitForSelector('#summary');
      if (name in manifest.generated) console.log(`${name}: assessed and shown in ${Date.now() - started} ms`);
      assert.ok(await page.locator('#problems').isHidden(), `${name}: error panel shown`);
      await assertInert(page, name);
      const bytes = readFileSync(file);
      const plan = JSON.parse(new TextDecoder('utf-8').decode(bytes));
      // The region name as the engine read it (U+FFFD for undecodable bytes), shown as text.
      assert.equal(await page.evaluate(() => document.getElementById('summary-h').textContent), plan.region.name, `${name}: region name`);
    }
    // The XSS file in detail: every payload visible as text, none as markup.
    const xss = JSON.parse(readFileSync(path.join(hostileDir, 'xss-every-text-field.json'), 'utf8'));
    await giveFile(page, path.join(hostileDir, 'xss-every-text-field.json'));
    await page.waitForSelector('#summary');
    assert.equal(await text(page, '#index-value'), '3,37', 'same numbers as the sample it was made from');
    const shown = await page.evaluate(() => document.getElementById('results').textContent);
    for (const p of xss.programs.slice(0, 10)) {
      assert.ok(shown.includes(p.name), `program name not shown literally: ${p.name}`);
    }
    assert.ok(shown.includes('<script>window.__pwned=1</script>'));
    assert.ok(shown.includes('<img src=x onerror="window.__pwned=1">'));
    // (The letterhead's own logo preview is the page's, empty until a logo is chosen.)
    assert.equal(await page.locator('#results img:not(.letter-logo-preview), #results script, #results iframe').count(), 0);
    assert.equal(await page.locator('#results img.letter-logo-preview[src]').count(), 0);
    await assertInert(page, 'xss');
    assertNoConsoleErrors(record);
    assertOnlyLocalRequests(record);
    await record.close();
  });
});

/** The path of a catalogue file, or of a generated one (written on first use). */
const written = new Map();
async function fileFor(name) {
  if (name in manifest.files) return path.join(hostileDir, name);
  if (!written.has(name)) written.set(name, generated(name));
  return written.get(name);
}
