// The batch view (www/batch.html) in real Chromium: ~300 generated region files plus 2 broken
// ones through the multi-file input, assessed in module workers; counts, failures listed, the
// top-ranked index against the engine in Node, sorting, the method switch, CSV downloads,
// language switch, drop, privacy, axe-core, and screenshots. Also the pure helpers of batch.js
// (the presentation statistics, ranking with ties, CSV) in Node.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  assertNoConsoleErrors,
  assertOnlyLocalRequests,
  cargoVersion,
  launchBrowser,
  openPage,
  repoRoot,
  screenshot,
  serveWww,
} from './harness.mjs';
import { brokenFiles, regionFiles, writeRegionFiles } from './regions.mjs';
import init, * as api from '../../www/pkg/kota_cerdas_mandiri.js';
import { distribution, rank, rankingCsv, sortRows } from '../../www/batch.js';

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
const N = 300;
const sha256 = (text) => createHash('sha256').update(text).digest('hex');
/** "3,37" / "≈ 3,37" / "+0,35" / "85,71 %" / "—" → number (or null). */
const num = (text) => {
  const clean = text.replace(/[≈%\s]|\(.*\)/g, '').replace(/\./g, '').replace(',', '.').replace('−', '-');
  return clean === '—' || clean === '' ? null : Number(clean);
};

let server;
let browser;
let dir;
let paths;
const files = regionFiles(N);
const bySha = new Map(files.map((f) => [sha256(f.text), f]));

before(async () => {
  await init({ module_or_path: readFileSync(path.join(repoRoot, 'www/pkg/kota_cerdas_mandiri_bg.wasm')) });
  dir = mkdtempSync(path.join(tmpdir(), 'kcm-batch-'));
  paths = writeRegionFiles(dir, N, { broken: true });
  server = await serveWww();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function open({ viewport = DESKTOP, contextOptions = {} } = {}) {
  const record = await openPage(browser, null, { contextOptions: { viewport, acceptDownloads: true, ...contextOptions } });
  await record.page.addInitScript(() => {
    delete window.showSaveFilePicker;
  });
  await record.page.goto(`${server.url}/batch.html`);
  await record.page.waitForSelector('body[data-ready="true"]');
  return record;
}

async function finish(record) {
  try {
    assertNoConsoleErrors(record);
    assertOnlyLocalRequests(record);
  } finally {
    await record.close();
  }
}

/** Sets all files on the input and waits for the batch to finish; returns the page's timing. */
async function runBatch(page, list = paths) {
  await page.setInputFiles('#batch-files', list);
  await page.waitForSelector('body[data-state="done"]', { timeout: 120_000 });
  return page.evaluate(() => ({ ms: Number(document.getElementById('batch-timing').dataset.ms), files: Number(document.getElementById('batch-timing').dataset.files), text: document.getElementById('batch-time').textContent }));
}

const column = (page, kind, index) =>
  page.$$eval(`table.ranking[data-kind="${kind}"] tbody tr`, (rows, i) => rows.map((r) => r.children[i].textContent), index);

describe('batch.js helpers (Node)', () => {
  test('distribution: type-7 quartiles, median, mean; empty → null', () => {
    assert.equal(distribution([]), null);
    assert.deepEqual(distribution([2]), { n: 1, min: 2, q1: 2, median: 2, q3: 2, max: 2, mean: 2 });
    const d = distribution([4, 1, 3, 2, null, 'x']);
    assert.deepEqual(d, { n: 4, min: 1, q1: 1.75, median: 2.5, q3: 3.25, max: 4, mean: 2.5 });
    const e = distribution([1, 2, 3, 4, 5]);
    assert.equal(e.q1, 2);
    assert.equal(e.median, 3);
    assert.equal(e.q3, 4);
  });

  test('rank: ties share a rank and the next rank skips; no index → no rank, last', () => {
    const row = (file, index) => ({ file, index, name: file, dims: {} });
    const ranked = rank([row('a', 3.3), row('b', 3.42), row('c', null), row('d', 3.5), row('e', 3.42)]);
    assert.deepEqual(ranked.map((r) => [r.file, r.rank]), [['d', 1], ['b', 2], ['e', 2], ['a', 4], ['c', null]]);
    assert.deepEqual(sortRows(ranked, 'index', 'asc').map((r) => r.file), ['a', 'b', 'e', 'd', 'c']);
    assert.deepEqual(sortRows(ranked, 'rank', 'asc').map((r) => r.file), ['d', 'b', 'e', 'a', 'c']);
  });

  test('rankingCsv: BOM, separators, decimals, formula texts defused', () => {
    const r = { kind: 'kota', rank: 1, name: '=HYPERLINK("x")', province: 'Bali; Timur', code: '', year: 2024, index: 3.7, estimate: false, improvement: -0.12, dims: { baseline: 3.4, output: 4, outcome: 3.71, impact: null, quick_win: 3.67 }, implementation: 90, quickWins: 100, method: 'kominfo-2022', methodVersion: '1.0.0', engineVersion: '0.1.0', file: 'a.json', sha256: 'ab' };
    const dims = api.vocabularies().dimensions.map((d) => d.id);
    const id = rankingCsv({ kota: [r] }, 'id', dims);
    assert.ok(id.startsWith('\ufeffkind;rank;region;'));
    assert.match(id, /\r\nkota;1;"'=HYPERLINK\(""x""\)";"Bali; Timur";;2024;3,7;false;-0,12;3,4;4;3,71;;3,67;90;100;kominfo-2022;1\.0\.0;0\.1\.0;a\.json;ab\r\n$/);
    const en = rankingCsv({ kota: [r] }, 'en', dims);
    assert.match(en, /\r\nkota,1,"'=HYPERLINK\(""x""\)",Bali; Timur,,2024,3\.7,false,-0\.12,3\.4,/);
  });
});

describe('the batch page', () => {
  test(`${N} files + 2 broken: two rankings, failures listed, engine numbers, sorting, CSV, method switch`, async () => {
    const record = await open();
    const { page } = record;
    assert.equal(await page.getAttribute('html', 'lang'), 'id');
    assert.equal(await page.locator('[style]').count(), 0, 'no style attributes (CSP)');
    const label = page.locator('label[for="batch-files"]');
    assert.ok(await label.isVisible());
    assert.equal(await page.getAttribute('#batch-files', 'multiple'), '');

    const timing = await runBatch(page);
    console.log(`# batch of ${timing.files} files (${N} valid + 2 broken): ${timing.ms} ms, ${(timing.ms / timing.files).toFixed(2)} ms per file — page says: ${timing.text}`);
    assert.equal(timing.files, N + 2);
    assert.match(timing.text, /302 berkas dalam [\d.]+ milidetik \([\d,]+ milidetik per berkas/);

    // Counts: every valid file in exactly one of the two tables, as its kind says.
    const kab = await page.locator('table.ranking[data-kind="kabupaten"] tbody tr').count();
    const kota = await page.locator('table.ranking[data-kind="kota"] tbody tr').count();
    assert.equal(kab + kota, N);
    assert.equal(kab, files.filter((f) => f.kind === 'kabupaten').length);
    assert.equal(kota, files.filter((f) => f.kind === 'kota').length);
    assert.match(await page.locator('#batch-status').innerText(), new RegExp(`${N} dari ${N + 2} berkas dinilai, 2 gagal`));

    // The two failures, with their file names and first problem.
    const failures = await page.locator('#batch-failures-list li').allInnerTexts();
    assert.equal(failures.length, 2);
    const [notJson, pillar] = brokenFiles().map((b) => b.name);
    assert.ok(failures.some((x) => x.includes(notJson) && /bukan JSON yang sah/.test(x)), failures.join('\n'));
    assert.ok(failures.some((x) => x.includes(pillar) && /Pilar "smartness" tidak dikenal/.test(x)), failures.join('\n'));
    assert.match(await page.locator('#batch-failures-h').innerText(), /\(2\)/);

    // The top-ranked kabupaten and kota: the index shown is the engine's for that file.
    for (const kind of ['kabupaten', 'kota']) {
      const top = page.locator(`table.ranking[data-kind="${kind}"] tbody tr`).first();
      assert.equal(await top.locator('td.rank').innerText(), '1');
      const file = bySha.get(await top.getAttribute('data-sha'));
      assert.ok(file, 'the row carries the file hash');
      const a = api.assessText(file.text, { method: 'kominfo-2022' });
      const value = a.evaluation.index ?? a.evaluation.index_estimate;
      assert.equal(num(await top.locator('td.idx').innerText()), value);
      assert.match(await top.locator('th').innerText(), new RegExp(file.name.replace(/\./g, '\\.')));
      // Nobody in the group has a higher index.
      const all = (await column(page, kind, 2)).map(num).filter((v) => v !== null);
      assert.equal(Math.max(...all), value);
    }
    // Ranks: non-decreasing, ties share a rank ("1, 2, 2, 4").
    const ranks = (await column(page, 'kabupaten', 0)).map(Number);
    const idx = (await column(page, 'kabupaten', 2)).map(num);
    for (let i = 1; i < ranks.length; i++) {
      if (idx[i] === idx[i - 1]) assert.equal(ranks[i], ranks[i - 1]);
      else assert.equal(ranks[i], i + 1);
    }
    assert.ok(idx.some((v, i) => i > 0 && v === idx[i - 1]), 'the data has ties');

    // The distribution: chart with a text alternative, and its table, numbers from the rows.
    assert.equal(await page.getAttribute('#batch-distribution svg', 'role'), 'img');
    assert.match(await page.locator('#dist-desc').textContent(), /Kabupaten \(\d+ daerah\): minimum [\d,]+, kuartil 1/);
    const stat = (name, kind) => page.locator(`#dist-table tr[data-stat="${name}"] td[data-kind="${kind}"]`).innerText();
    assert.equal(Number(await stat('n', 'kabupaten')), kab);
    assert.equal(Number(await stat('n', 'kota')), kota);
    assert.equal(num(await stat('max', 'kabupaten')), Math.max(...idx.filter((v) => v !== null)));
    assert.equal(num(await stat('min', 'kabupaten')), Math.min(...idx.filter((v) => v !== null)));

    // Sorting by a column: Impact, descending then ascending; aria-sort follows.
    await page.click('#sort-kota-impact');
    assert.equal(await page.getAttribute('table.ranking[data-kind="kota"] th[data-key="impact"]', 'aria-sort'), 'descending');
    let impact = (await column(page, 'kota', 7)).map(num).filter((v) => v !== null);
    assert.deepEqual(impact, [...impact].sort((a, b) => b - a));
    await page.click('#sort-kota-impact');
    assert.equal(await page.getAttribute('table.ranking[data-kind="kota"] th[data-key="impact"]', 'aria-sort'), 'ascending');
    impact = (await column(page, 'kota', 7)).map(num).filter((v) => v !== null);
    assert.deepEqual(impact, [...impact].sort((a, b) => a - b));
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'sort-kota-impact', 'focus stays on the sort button');
    await page.click('#sort-kota-name');
    const names = await page.$$eval('table.ranking[data-kind="kota"] tbody th .region-name', (els) => els.map((e) => e.textContent));
    assert.deepEqual(names, [...names].sort(new Intl.Collator('id').compare));
    await page.click('#sort-kota-rank');

    await screenshot(page, 'batch-desktop');

    // CSV (Indonesian): BOM, ';', header, one row per region with its hash and file name.
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#batch-csv-id')]);
    assert.match(dl.suggestedFilename(), /^kota-cerdas_peringkat_kominfo-2022_\d{4}-\d\d-\d\d_id\.csv$/);
    const csv = readFileSync(await dl.path());
    assert.deepEqual([...csv.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
    const lines = csv.toString('utf8').slice(1).trimEnd().split('\r\n');
    assert.equal(lines.length, N + 1);
    const header = lines[0].split(';');
    assert.deepEqual(header.slice(0, 3), ['kind', 'rank', 'region']);
    assert.ok(header.includes('input_sha256') && header.includes('engine_version') && header.includes('method') && header.includes('file'));
    const sample = files[17];
    const line = lines.find((l) => l.includes(sha256(sample.text)));
    assert.ok(line, 'a row with the file hash');
    const cells = line.split(';');
    const a = api.assessText(sample.text, { method: 'kominfo-2022' });
    assert.equal(cells[header.indexOf('file')], sample.name);
    assert.equal(cells[header.indexOf('engine_version')], cargoVersion);
    assert.equal(cells[header.indexOf('method')], 'kominfo-2022');
    assert.equal(cells[header.indexOf('index')], String(a.evaluation.index ?? a.evaluation.index_estimate).replace('.', ','));
    assert.equal(cells[header.indexOf('implementation_percent')], String(a.implementation.overall.percent).replace('.', ','));

    // Method switch: everything reassessed with the other preset; the top index is the engine's.
    await page.selectOption('#batch-method', 'kominfo-sleman');
    await page.waitForFunction(() => document.body.dataset.state === 'assessing' || document.body.dataset.state === 'done');
    await page.waitForSelector('body[data-state="done"]', { timeout: 120_000 });
    const top = page.locator('table.ranking[data-kind="kota"] tbody tr').first();
    const topFile = bySha.get(await top.getAttribute('data-sha'));
    const sleman = api.assessText(topFile.text, { method: 'kominfo-sleman' });
    assert.equal(num(await top.locator('td.idx').innerText()), sleman.evaluation.index ?? sleman.evaluation.index_estimate);
    assert.match(await page.locator('#batch-ranking .lead').innerText(), /kominfo-sleman/);

    // English: labels, number format, and the English CSV.
    await page.click('#lang');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.match(await page.locator('#batch-ranking-h').innerText(), /Ranking per group/);
    assert.match(await page.locator('#batch-time').innerText(), /302 files in [\d,]+ ms/);
    assert.match(await page.locator('#batch-failures-list').innerText(), /Unknown pillar "smartness"/);
    const [enDl] = await Promise.all([page.waitForEvent('download'), page.click('#batch-csv-en')]);
    const en = readFileSync(await enDl.path(), 'utf8').replace(/^\ufeff/, '');
    assert.match(en.split('\r\n')[0], /^kind,rank,region,province,/);
    assert.match(en, /,kominfo-sleman,1\.1\.0,/);

    await page.click('#lang');
    await page.waitForFunction(() => document.documentElement.lang === 'id');
    assert.ok(record.requests.some((r) => r.url.endsWith('/engine-worker.js')), 'assessed in module workers');
    await page.setViewportSize(PHONE);
    await screenshot(page, 'batch-phone');
    await finish(record);
  });

  test('drop: many files dropped on the page are assessed; the index page links here', async () => {
    const record = await open();
    const { page } = record;
    const some = files.slice(0, 12).map((f) => ({ name: f.name, text: f.text }));
    await page.evaluate((list) => {
      const dt = new DataTransfer();
      for (const f of list) dt.items.add(new File([f.text], f.name, { type: 'application/json' }));
      document.querySelector('main').dispatchEvent(new DragEvent('dragenter', { bubbles: true, dataTransfer: dt }));
      document.querySelector('main').dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: dt }));
    }, some);
    await page.waitForSelector('body[data-state="done"]');
    assert.equal(await page.locator('table.ranking tbody tr').count(), 12);
    assert.ok(await page.locator('#drop-overlay').isHidden());
    assert.ok(await page.locator('#batch-failures').isHidden());
    await page.goto(`${server.url}/`);
    await page.waitForSelector('body[data-ready="true"]');
    await page.click('a[href="batch.html"]');
    await page.waitForSelector('body[data-ready="true"]');
    assert.match(page.url(), /batch\.html$/);
    await screenshot(page, 'batch-empty-desktop');
    await finish(record);
  });

  test('a file far over any masterplan size is listed as a failure, unread; the rest rank', async () => {
    const record = await open();
    const { page } = record;
    const big = path.join(dir, 'arsip-foto.json');
    writeFileSync(big, '');
    truncateSync(big, 70 * 1024 * 1024); // sparse: 70 MB of nothing
    await runBatch(page, [paths[0], paths[1], big]);
    assert.equal(await page.locator('table.ranking tbody tr').count(), 2);
    const failures = await page.locator('#batch-failures-list li').allInnerTexts();
    assert.equal(failures.length, 1);
    assert.match(failures[0], /arsip-foto\.json/);
    assert.match(failures[0], /70 MB.*tidak dibaca/);
    await finish(record);
  });

  test('workbooks rank beside JSON files; a workbook with errors is a failure located by sheet and cell', async () => {
    const record = await open();
    const { page } = record;
    await runBatch(page, [
      paths[0],
      path.join(repoRoot, 'tests/e2e/fixtures/workbook-uji.ods'),
      path.join(repoRoot, 'crates/workbook/tests/data/bad.xlsx'),
    ]);
    assert.equal(await page.locator('table.ranking tbody tr').count(), 2);
    // The hand-derived index of the filled template (workbook.test.mjs).
    const uji = page.locator('table.ranking tbody tr', { hasText: 'Kabupaten Uji Excel' });
    assert.match(await uji.innerText(), /3,40/);
    const failures = await page.locator('#batch-failures-list li').allInnerTexts();
    assert.equal(failures.length, 1);
    assert.match(failures[0], /bad\.xlsx/);
    assert.match(failures[0], /Program, baris 5, kolom Tahun mulai \(F5\)/);
    assert.match(failures[0], /lembar Program, sel F5 · dan 2 masalah lain/);
    await finish(record);
  });

  test('accessibility: axe-core finds no serious or critical violations', async () => {
    const axe = readFileSync(path.join(repoRoot, 'tests/e2e/node_modules/axe-core/axe.min.js'), 'utf8');
    const record = await open({ contextOptions: { bypassCSP: true } });
    const { page } = record;
    const audit = async (label) => {
      await page.addScriptTag({ content: axe });
      const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
      const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      assert.deepEqual(bad.map((v) => `${label}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`), []);
    };
    await audit('empty');
    await runBatch(page, paths.slice(0, 40).concat(paths.slice(-2)));
    await audit('results');
    await finish(record);
  });
});
