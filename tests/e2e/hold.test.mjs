// Issue 14 on the page: the input hash computed by the page (not the engine) in every file it
// writes; an engine that failed (a trap, a dead worker) is made anew and the next file works;
// long tables paged; re-opened downloads that were doctored (a custom method in `method.id`, a
// masterplan carrying `input_text`, a tampered `input_text`) are never taken silently.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { sha256Fallback } from '../../www/lib/hash.js';
import { unzip } from './xlsx.mjs';
import { finish, giveFile, launchBrowser, openPage, repoRoot, serveWww } from './harness.mjs';

const pkg = await import(path.join(repoRoot, 'www/pkg/kota_cerdas_mandiri.js'));
pkg.initSync({ module: readFileSync(path.join(repoRoot, 'www/pkg/kota_cerdas_mandiri_bg.wasm')) });

const file = (rel) => path.join(repoRoot, rel);
const bytes = (rel) => readFileSync(file(rel));
const sha256 = (buf) => createHash('sha256').update(buf).digest('hex');
const SUKAMAJU = 'www/samples/kabupaten-sukamaju-2024.json';
const PELITA = 'www/samples/kota-pelita-2024.json';
const DESKTOP = { width: 1280, height: 900 };

let server;
let browser;

before(async () => {
  server = await serveWww();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * Opens the page (downloads through <a download>). `faults`: the engine's JS glue is served
 * with a fault switch for the test (the production files are untouched): a text containing
 * "__kcm_trap__" traps the instance, which then traps on EVERY call, as an instance run out of
 * memory did (issue 14), until the instance is made anew; a text containing "__kcm_crash__"
 * kills the worker assessing it.
 */
async function open({ viewport = DESKTOP, faults = false } = {}) {
  const record = await openPage(browser, null, { contextOptions: { viewport, acceptDownloads: true } });
  await record.page.addInitScript(() => {
    delete window.showSaveFilePicker;
  });
  if (faults) {
    await record.context.route('**/pkg/kota_cerdas_mandiri.js', async (route) => {
      const response = await route.fetch();
      let body = await response.text();
      const trap = `if (globalThis.__kcmPoisoned || String(text).includes('__kcm_trap__')) { globalThis.__kcmPoisoned = true; throw new WebAssembly.RuntimeError('unreachable'); }
    if (String(text).includes('__kcm_crash__')) { setTimeout(() => { throw new Error('worker crashed'); }); return new Promise(() => {}); }
`;
      body = body.replace(/export function assessText\(text, options\) \{\n/, (m) => `${m}    ${trap}`);
      body = body.replace(/export function __wbg_reset_state \(\) \{\n/, (m) => `${m}    globalThis.__kcmPoisoned = false;\n`);
      assert.ok(body.includes('__kcm_trap__') && body.includes('__kcmPoisoned = false'), 'the fault switch is in place');
      await route.fulfill({ response, body });
    });
  }
  await record.page.goto(`${server.url}/`);
  await record.page.waitForSelector('body[data-ready="true"]');
  return record;
}

const text = (page, selector) => page.locator(selector).first().innerText();

async function download(page, selector) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return readFileSync(await dl.path());
}

/** The engine's index of `text` (Node), formatted as the page shows it in Indonesian. */
const indexOf = (input, options = {}) => pkg.assessText(input, options).evaluation.index.toFixed(2).replace('.', ',');

describe('issue 14 on the page', () => {
  test('the page computes input_sha256: JSON, CSV and print carry sha256sum of the file, BOM included', async () => {
    // The hash in the plain-JavaScript SHA-256 (pages without crypto.subtle) is the same.
    for (const rel of [SUKAMAJU, PELITA]) assert.equal(Buffer.from(sha256Fallback(bytes(rel))).toString('hex'), sha256(bytes(rel)));
    const record = await open();
    const { page } = record;
    for (const [name, buffer] of [
      ['sukamaju.json', bytes(SUKAMAJU)],
      ['pelita-bom.json', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes(PELITA)])],
    ]) {
      await giveFile(page, name, buffer);
      await page.waitForSelector('#summary');
      const want = sha256(buffer);
      assert.equal(await text(page, '#input-hash'), want, `${name}: shown`);
      const json = JSON.parse((await download(page, '#dl-json')).toString('utf8'));
      assert.equal(json.input_sha256, want, `${name}: downloaded JSON`);
      assert.deepEqual(Object.keys(json).slice(0, 3), ['engine', 'method', 'input_sha256']);
      const csv = (await download(page, '#dl-csv-id')).toString('utf8');
      assert.ok(csv.includes(want), `${name}: CSV`);
      assert.ok((await page.locator('.doc-hash').first().textContent()).includes(want), `${name}: printed report`);
      // The results workbook (the workbook module writes what the page gives it).
      const xlsx = unzip(await download(page, '#dl-results-xlsx'));
      assert.ok([...xlsx.values()].some((entry) => entry.toString('utf8').includes(want)), `${name}: results workbook`);
    }
    // A BOM changes the hash (the bytes differ), not the results.
    assert.notEqual(sha256(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes(PELITA)])), sha256(bytes(PELITA)));
    assert.equal(await text(page, '#index-value'), indexOf(bytes(PELITA).toString('utf8')));
    await finish(record);
  });

  test('a trapped engine on this thread is made anew: the next file assesses; the results on screen stay', async () => {
    const record = await open({ faults: true });
    const { page } = record;
    await page.click('button[data-sample="kabupaten-sukamaju-2024.json"]');
    await page.waitForSelector('#summary');
    assert.equal(await text(page, '#index-value'), '3,37');
    const plan = JSON.parse(bytes(SUKAMAJU));
    await giveFile(page, 'jebakan.json', Buffer.from(JSON.stringify({ ...plan, region: { ...plan.region, name: '__kcm_trap__' } })));
    const first = page.locator('#problems-list li.sev-error').first();
    assert.equal(await first.getAttribute('data-code'), 'engine_restarted');
    assert.match(await first.locator('.problem-msg').innerText(), /dimulai ulang/);
    assert.equal(await text(page, '#index-value'), '3,37', 'the results on screen stay');
    assert.equal(await page.evaluate(() => document.body.dataset.where), 'main');
    // Before issue 14 every later file failed the same way until a reload.
    await page.click('button[data-sample="kota-pelita-2024.json"]');
    await page.waitForFunction(() => document.getElementById('problems').hidden);
    assert.equal(await text(page, '#index-value'), indexOf(bytes(PELITA).toString('utf8')));
    await page.click('#lang');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await finish(record);
  });

  test('a trapped or dead worker is replaced: the next large file assesses in a worker', async () => {
    const record = await open({ faults: true });
    const { page } = record;
    // Over 1 MB: assessed in the worker (spaces after the JSON keep it valid and the same plan).
    const large = (s) => Buffer.from(s + ' '.repeat(1_100_000));
    const plan = JSON.parse(bytes(SUKAMAJU));
    await giveFile(page, 'besar.json', large(bytes(SUKAMAJU).toString('utf8')));
    assert.equal(await text(page, '#index-value'), '3,37');
    assert.equal(await page.evaluate(() => document.body.dataset.where), 'worker');
    for (const fault of ['__kcm_trap__', '__kcm_crash__']) {
      await giveFile(page, `${fault}.json`, large(JSON.stringify({ ...plan, region: { ...plan.region, name: fault } })));
      assert.equal(await page.locator('#problems-list li.sev-error').first().getAttribute('data-code'), 'engine_restarted', fault);
      assert.equal(await text(page, '#index-value'), '3,37', `${fault}: the results on screen stay`);
      await giveFile(page, 'pelita-besar.json', large(bytes(PELITA).toString('utf8')));
      assert.ok(await page.locator('#problems').isHidden(), `${fault}: the next file failed`);
      assert.equal(await text(page, '#index-value'), indexOf(bytes(PELITA).toString('utf8')), fault);
      assert.equal(await page.evaluate(() => document.body.dataset.where), 'worker', fault);
      await giveFile(page, 'besar.json', large(bytes(SUKAMAJU).toString('utf8')));
      assert.equal(await text(page, '#index-value'), '3,37');
    }
    await finish(record);
  });

  test('50 000 agencies: 50 rows a page, a pager by keyboard, the chooser bounded; at 390 px', async () => {
    const record = await open({ viewport: { width: 390, height: 844 } });
    const { page } = record;
    const big = execFileSync(process.execPath, [file('benches/generate.mjs'), '50000', 'distinct'], { maxBuffer: 1 << 28 });
    const started = Date.now();
    await giveFile(page, 'opd-50000.json', big);
    await page.waitForSelector('#agency-table');
    console.log(`50 000 agencies: chosen to shown in ${Date.now() - started} ms (a figure, not a limit)`);
    const a = pkg.assessText(big.toString('utf8'), {});
    const total = a.agencies.length;
    const fmt = (n) => n.toLocaleString('id-ID');
    assert.equal(await page.locator('#agency-table tbody tr').count(), 50);
    assert.equal(await text(page, '#agency-pager-range'), `1–50 dari ${fmt(total)}`);
    assert.ok((await page.locator('#agency-select option').count()) <= 52);
    const nameOf = (i) => a.agencies[i].label.id;
    assert.equal(await text(page, '#agency-table tbody tr th'), nameOf(0));
    // By keyboard: Enter on "next", then a page number typed into the field.
    await page.focus('#agency-pager-next');
    await page.keyboard.press('Enter');
    assert.equal(await text(page, '#agency-pager-range'), `51–100 dari ${fmt(total)}`);
    assert.equal(await text(page, '#agency-table tbody tr th'), nameOf(50));
    assert.equal(await page.evaluate(() => document.activeElement.id), 'agency-pager-next', 'focus stays on the button');
    await page.fill('#agency-pager-page', '1000');
    await page.keyboard.press('Enter');
    assert.equal(await text(page, '#agency-pager-range'), `49.951–50.000 dari ${fmt(total)}`);
    assert.equal(await text(page, '#agency-table tbody tr th'), nameOf(49_950));
    // The chooser lists the agencies of the page: choosing one shows its detail.
    await page.selectOption('#agency-select', String(49_951));
    await page.waitForFunction((name) => document.getElementById('agency-h')?.textContent === name, nameOf(49_951));
    // The buttons are named from the locale files.
    assert.equal(await page.getAttribute('#agency-pager-last', 'aria-label'), 'Halaman terakhir');
    await page.locator('#agency-pager').scrollIntoViewIfNeeded();
    await page.locator('#agency-pager').evaluate((el) => el.scrollIntoView({ block: 'end' }));
    mkdirSync(path.join(repoRoot, 'tests/e2e/artifacts'), { recursive: true });
    await page.screenshot({ path: path.join(repoRoot, 'tests/e2e/artifacts/pager-phone.png') });
    await page.click('#lang');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.equal(await page.getAttribute('#agency-pager-last', 'aria-label'), 'Last page');
    assert.match(await text(page, '#agency-pager-range'), / of 50,00\d$/);
    await finish(record);
  });

  test('doctored download: a custom method in method.id is used only when confirmed, shown as custom, never kept', async () => {
    const sukamaju = bytes(SUKAMAJU).toString('utf8');
    const custom = { id: 'kemendagri-2024', name: 'Metode Resmi Kemendagri 2024', base: 'kominfo-2022', weights: { baseline: 0, output: 0, outcome: 0.95, impact: 0, quick_win: 0.05 } };
    const withCustom = pkg.assessText(sukamaju, { method: custom });
    assert.equal(withCustom.evaluation.index, 3.59);
    // What the issue found: the result of the custom method, its object slipped into method.id,
    // with the real input and its real hash.
    const doctored = { ...withCustom, method: { ...withCustom.method, id: custom }, input_sha256: sha256(bytes(SUKAMAJU)), masterplan: JSON.parse(sukamaju), input_text: sukamaju };
    const buffer = Buffer.from(JSON.stringify(doctored, null, 2));

    const record = await open();
    const { page } = record;
    // Declined: the preset's 3,37, and the notes say why the stored 3,59 is not shown.
    await page.setInputFiles('#file', { name: 'hasil.json', mimeType: 'application/json', buffer });
    await page.waitForSelector('dialog[open]');
    assert.match(await text(page, 'dialog[open]'), /metode kustom “Metode Resmi Kemendagri 2024”/);
    await page.click('dialog[open] button[value="no"]');
    await page.waitForFunction(() => document.body.dataset.busy === 'false' && document.getElementById('summary'));
    assert.equal(await text(page, '#index-value'), '3,37');
    const codes = () => page.$$eval('#problems-list li', (ls) => ls.map((l) => l.dataset.code));
    assert.deepEqual(await codes(), ['reopen_custom_declined', 'reopen_index_mismatch']);
    assert.match(await text(page, '#problems'), /Indeks yang tersimpan di berkas \(3,59\) tidak sama dengan hasil penilaian ulang \(3,37\)/);
    assert.equal(await page.inputValue('#method-select'), 'kominfo-2022');

    // Confirmed: 3,59 under the custom method, named as custom, the dropdown not on a preset.
    await page.setInputFiles('#file', { name: 'hasil.json', mimeType: 'application/json', buffer });
    await page.waitForSelector('dialog[open]');
    await page.click('dialog[open] button[value="yes"]');
    await page.waitForFunction(() => document.body.dataset.busy === 'false' && document.getElementById('method-custom'));
    assert.equal(await text(page, '#index-value'), '3,59');
    assert.deepEqual(await codes(), ['reopen_custom_method']);
    assert.equal(await page.$eval('#method-select', (s) => s.selectedOptions[0].id), 'method-custom');
    assert.match(await page.$eval('#method-select', (s) => s.selectedOptions[0].textContent), /Metode Resmi Kemendagri 2024 \(metode kustom\)/);
    assert.match(await text(page, '#meta-method'), /\(metode kustom\)/);
    await page.click('#lang');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.match(await text(page, '#meta-method'), /\(custom method\)/);
    assert.match(await text(page, '#problems'), /custom method “Metode Resmi Kemendagri 2024” from this file/);
    await page.click('#lang');
    await page.waitForFunction(() => document.documentElement.lang === 'id');

    // A reload does not bring the custom method back silently.
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    await page.waitForSelector('#summary');
    assert.equal(await text(page, '#index-value'), '3,37');
    assert.deepEqual(await codes(), ['reopen_custom_not_kept']);
    assert.equal(await page.locator('#method-custom').count(), 0);
    await finish(record);
  });

  test('a masterplan carrying input_text is scored on its own content; a tampered input_text is flagged', async () => {
    const sukamaju = bytes(SUKAMAJU).toString('utf8');
    const pelita = bytes(PELITA).toString('utf8');
    assert.notEqual(indexOf(pelita), '3,37');
    const record = await open();
    const { page } = record;
    // A masterplan (format, programs …) with extra keys of a download: its own content counts.
    const smuggled = { ...JSON.parse(sukamaju), engine: { name: 'kota-cerdas-mandiri', version: '0' }, input_sha256: sha256(Buffer.from(pelita)), input_text: pelita };
    await giveFile(page, 'masterplan-plus.json', Buffer.from(JSON.stringify(smuggled)));
    await page.waitForSelector('#summary');
    assert.equal(await text(page, '#index-value'), '3,37', 'scored on its own content, not on input_text');
    assert.equal(await text(page, '#summary-h'), JSON.parse(sukamaju).region.name);

    // A real download whose input_text was edited afterwards: re-scored, with both notes.
    await giveFile(page, 'sukamaju.json', bytes(SUKAMAJU));
    const saved = JSON.parse((await download(page, '#dl-json')).toString('utf8'));
    const plan = JSON.parse(sukamaju);
    for (const p of plan.programs) if (p.status === 'planned' || p.status === 'delayed') p.status = 'running';
    const tampered = JSON.stringify(plan, null, 2);
    const want = indexOf(tampered);
    assert.notEqual(want, '3,37');
    await giveFile(page, 'hasil-diubah.json', Buffer.from(JSON.stringify({ ...saved, input_text: tampered })));
    assert.equal(await text(page, '#index-value'), want);
    const codes = await page.$$eval('#problems-list li', (ls) => ls.map((l) => l.dataset.code));
    assert.deepEqual(codes, ['reopen_hash_mismatch', 'reopen_index_mismatch']);
    assert.ok((await text(page, '#problems')).includes(saved.input_sha256), 'the stored hash is shown');
    assert.equal(await text(page, '#input-hash'), sha256(Buffer.from(tampered)));
    // An untouched download re-opens without a note, same hash.
    await giveFile(page, 'hasil.json', Buffer.from(JSON.stringify(saved)));
    assert.ok(await page.locator('#problems').isHidden());
    assert.equal(await text(page, '#input-hash'), sha256(bytes(SUKAMAJU)));
    await finish(record);
  });
});
