// The batch view (www/batch.html) in real Chromium: ~300 generated region files of 2022–2024
// plus 2 broken ones through the multi-file input, assessed in module workers and ranked by the
// engine's rank() per evaluation year and region kind; counts, failures listed, the top-ranked
// index against the engine in Node, sorting, the method switch, CSV downloads (failed files and
// duplicates in them, Indonesian headers), duplicates flagged and counted once, a mixed-year
// notice, the heat map, opening a row's full report, the timing out of the main view, layout at
// 1280 and 390 px, drop (an unreadable folder entry listed, never the drop lost), privacy,
// axe-core, and screenshots. Also the display sort of batch.js in Node.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cargoVersion, repoRoot, screenshot, useTool } from './harness.mjs';
import { brokenFiles, regionFiles, writeRegionFiles } from './regions.mjs';
import init, * as api from '../../www/pkg/kota_cerdas_mandiri.js';
import { sha256Hex, sortRows } from '../../www/batch.js';

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
const N = 300;
const sha256 = (text) => createHash('sha256').update(text).digest('hex');
/** "3,37" / "≈ 3,37" / "+0,35" / "85,71 %" / "—" → number (or null). */
const num = (text) => {
  const clean = text.replace(/[≈%\s]|\(.*\)/g, '').replace(/\./g, '').replace(',', '.').replace('−', '-');
  return clean === '—' || clean === '' ? null : Number(clean);
};

// One browser and one server for the file; finish() asserts no console error and no remote
// request, then closes.
const tool = useTool();
const { finish } = tool;
const open = ({ viewport = DESKTOP, contextOptions = {} } = {}) => tool.open({ viewport, contextOptions, at: '/batch.html' });
let dir;
let paths;
const files = regionFiles(N);
const bySha = new Map(files.map((f) => [sha256(f.text), f]));

before(async () => {
  await init({ module_or_path: readFileSync(path.join(repoRoot, 'www/pkg/kota_cerdas_mandiri_bg.wasm')) });
  dir = mkdtempSync(path.join(tmpdir(), 'kcm-batch-'));
  paths = writeRegionFiles(dir, N, { broken: true });
});

after(async () => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Sets all files on the input and waits for the batch to finish; returns the page's timing. */
async function runBatch(page, list = paths) {
  await page.setInputFiles('#batch-files', list);
  await page.waitForSelector('body[data-state="done"]', { timeout: 120_000 });
  return page.evaluate(() => ({ ms: Number(document.getElementById('batch-timing').dataset.ms), files: Number(document.getElementById('batch-timing').dataset.files), text: document.getElementById('batch-time').textContent }));
}

const table = (year, kind) => `table.ranking[data-year="${year}"][data-kind="${kind}"]`;
const column = (page, year, kind, index) =>
  page.$$eval(`${table(year, kind)} tbody tr`, (rows, i) => rows.map((r) => r.children[i].textContent), index);
const yearOf = (f) => JSON.parse(f.text).evaluation.year;

describe('batch.js helpers (Node)', () => {
  test('sortRows: a display sort of the engine rows; nulls last; rank order kept as given', () => {
    const row = (file, index, rank) => ({ file, index, rank, region: file, dimensions: {} });
    const ranked = [row('d', 3.5, 1), row('b', 3.42, 2), row('e', 3.42, 2), row('a', 3.3, 4), row('c', null, null)];
    assert.deepEqual(sortRows(ranked, 'index', 'asc').map((r) => r.file), ['a', 'b', 'e', 'd', 'c']);
    assert.deepEqual(sortRows(ranked, 'rank', 'asc').map((r) => r.file), ['d', 'b', 'e', 'a', 'c']);
    assert.deepEqual(sortRows(ranked, 'rank', 'desc').map((r) => r.file), ['a', 'b', 'e', 'd', 'c']);
  });
  test('sha256Hex: the platform digest of the bytes', async () => {
    assert.equal(await sha256Hex(new TextEncoder().encode('abc')), sha256('abc'));
  });
});

describe('the batch page', () => {
  test(`${N} files of 2022–2024 + 2 broken: one ranking per year and kind, failures, engine numbers, sorting, CSV, method switch`, async () => {
    const record = await open();
    const { page } = record;
    assert.equal(await page.getAttribute('html', 'lang'), 'id');
    assert.equal(await page.locator('[style]').count(), 0, 'no style attributes (CSP)');
    assert.ok(await page.locator('label[for="batch-files"]').isVisible());
    assert.equal(await page.getAttribute('#batch-files', 'multiple'), '');

    const timing = await runBatch(page);
    console.log(`# batch of ${timing.files} files (${N} valid + 2 broken): ${timing.ms} ms, ${(timing.ms / timing.files).toFixed(2)} ms per file — page says: ${timing.text}`);
    assert.equal(timing.files, N + 2);
    assert.match(timing.text, /302 berkas dalam [\d.]+ milidetik \([\d,]+ milidetik per berkas/);
    // The timing line is out of the main view: a closed details in the footer.
    assert.equal(await page.locator('footer #batch-timing').count(), 1);
    assert.equal(await page.locator('#batch-time').isVisible(), false);

    // A mixed drop says so, and each year × kind is its own table.
    assert.match(await page.locator('#batch-ranking .notice.mixed-years').innerText(), /beberapa tahun evaluasi \(2022, 2023, 2024\): setiap tahun diperingkat terpisah/);
    for (const year of [2022, 2023, 2024]) {
      for (const kind of ['kabupaten', 'kota']) {
        const expected = files.filter((f) => f.kind === kind && yearOf(f) === year).length;
        assert.equal(await page.locator(`${table(year, kind)} tbody tr`).count(), expected, `${kind} ${year}`);
        assert.ok(expected > 0);
      }
    }
    assert.equal(await page.locator('table.ranking tbody tr').count(), N);
    assert.deepEqual(await page.$$eval('table.ranking', (ts) => ts.map((t) => t.dataset.year)), ['2024', '2024', '2023', '2023', '2022', '2022'], 'newest year first');
    assert.match(await page.locator('#batch-status').innerText(), new RegExp(`${N} daerah diperingkat dari ${N + 2} berkas; 2 gagal, 0 ganda`));

    const failures = await page.locator('#batch-failures-list li').allInnerTexts();
    assert.equal(failures.length, 2);
    const [notJson, pillar] = brokenFiles().map((b) => b.name);
    assert.ok(failures.some((x) => x.includes(notJson) && /bukan JSON yang sah/.test(x)), failures.join('\n'));
    assert.ok(failures.some((x) => x.includes(pillar) && /Pilar "smartness" tidak dikenal/.test(x)), failures.join('\n'));
    assert.match(await page.locator('#batch-failures-h').innerText(), /2 gagal, 0 ganda/);

    // The top-ranked of each 2024 group: the index shown is the engine's for that file.
    for (const kind of ['kabupaten', 'kota']) {
      const top = page.locator(`${table(2024, kind)} tbody tr`).first();
      assert.equal(await top.locator('td.rank').innerText(), '1');
      const file = bySha.get(await top.getAttribute('data-sha'));
      assert.ok(file, 'the row carries the SHA-256 of the file bytes (crypto.subtle)');
      const a = api.assessText(file.text, { method: 'kominfo-2022' });
      const value = a.evaluation.index ?? a.evaluation.index_estimate;
      assert.equal(num(await top.locator('td.idx').innerText()), value);
      const all = (await column(page, 2024, kind, 2)).map(num).filter((v) => v !== null);
      assert.equal(Math.max(...all), value);
    }
    // Ranks from the engine: ties share a rank ("1, 2, 2, 4").
    let ties = 0;
    for (const year of [2022, 2023, 2024]) {
      const ranks = (await column(page, year, 'kabupaten', 0)).map(Number);
      const idx = (await column(page, year, 'kabupaten', 2)).map(num);
      for (let i = 1; i < ranks.length; i++) {
        if (idx[i] === idx[i - 1]) { assert.equal(ranks[i], ranks[i - 1]); ties++; } else assert.equal(ranks[i], i + 1);
      }
    }
    assert.ok(ties > 0, 'the data has ties');

    // The distribution: one row per group, numbers from that group's rows.
    assert.equal(await page.getAttribute('#batch-distribution svg', 'role'), 'img');
    const stat = (name, year, kind) => page.locator(`#dist-table tr[data-group="${year}-${kind}"] td[data-stat="${name}"]`).innerText();
    const idx24 = (await column(page, 2024, 'kabupaten', 2)).map(num).filter((v) => v !== null);
    assert.equal(Number(await stat('n', 2024, 'kabupaten')), idx24.length);
    assert.equal(num(await stat('max', 2024, 'kabupaten')), Math.max(...idx24));
    assert.equal(num(await stat('min', 2024, 'kabupaten')), Math.min(...idx24));

    // Heat map: a table per group, one row per region, the engine's pillar rates.
    const heatRow = page.locator('table.heat[data-group="2024-kota"] tbody tr').first();
    const entry = Number(await heatRow.getAttribute('data-entry'));
    assert.equal(await page.locator('table.heat[data-group="2024-kota"] tbody tr').count(), files.filter((f) => f.kind === 'kota' && yearOf(f) === 2024).length);
    const heatTexts = await heatRow.locator('td').allInnerTexts();
    assert.equal(heatTexts.length, 6);
    const row = page.locator(`table.ranking tbody tr[data-entry="${entry}"]`);
    const heatFile = bySha.get(await row.getAttribute('data-sha'));
    const ha = api.assessText(heatFile.text, { method: 'kominfo-2022' });
    assert.deepEqual(heatTexts.map(num), Object.values(ha.implementation.pillars).map((p) => p.percent));

    // Sorting by a column: Impact, descending then ascending; aria-sort follows.
    await page.click('#sort-2024-kota-impact');
    assert.equal(await page.getAttribute(`${table(2024, 'kota')} th[data-key="impact"]`, 'aria-sort'), 'descending');
    let impact = (await column(page, 2024, 'kota', 7)).map(num).filter((v) => v !== null);
    assert.deepEqual(impact, [...impact].sort((a, b) => b - a));
    await page.click('#sort-2024-kota-impact');
    impact = (await column(page, 2024, 'kota', 7)).map(num).filter((v) => v !== null);
    assert.deepEqual(impact, [...impact].sort((a, b) => a - b));
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'sort-2024-kota-impact', 'focus stays on the sort button');
    await page.click('#sort-2024-kota-rank');

    // No clipping at 1280 px: the page never scrolls sideways, tables scroll in their own box.
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth));
    await page.setViewportSize({ width: 1366, height: 900 });
    await screenshot(page, 'batch-1366');
    await page.setViewportSize(DESKTOP);

    // CSV (Indonesian, written by the engine): BOM, ';', Indonesian header, a row per region
    // with its hash and file name, then the two failed files with their reason.
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#batch-csv-id')]);
    assert.match(dl.suggestedFilename(), /^kota-cerdas_peringkat_kominfo-2022_\d{4}-\d\d-\d\d_id\.csv$/);
    const csv = readFileSync(await dl.path());
    assert.deepEqual([...csv.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
    const lines = csv.toString('utf8').slice(1).trimEnd().split('\r\n');
    assert.equal(lines.length, 1 + N + 2);
    const header = lines[0].split(';');
    assert.deepEqual(header.slice(0, 5), ['status', 'tahun', 'jenis', 'peringkat', 'daerah']);
    const sample = files[17];
    const line = lines.find((l) => l.includes(sha256(sample.text)));
    assert.ok(line, 'a row with the file hash');
    const cells = line.split(';');
    const a = api.assessText(sample.text, { method: 'kominfo-2022' });
    assert.equal(cells[header.indexOf('berkas')], sample.name);
    assert.equal(cells[header.indexOf('versi_mesin')], cargoVersion);
    assert.equal(cells[header.indexOf('metode')], 'kominfo-2022');
    assert.equal(cells[header.indexOf('tahun')], String(yearOf(sample)));
    assert.equal(cells[header.indexOf('indeks')], String(a.evaluation.index ?? a.evaluation.index_estimate).replace('.', ','));
    assert.equal(cells[header.indexOf('implementasi_persen')], String(a.implementation.overall.percent).replace('.', ','));
    const failedLines = lines.filter((l) => l.startsWith('gagal;'));
    assert.equal(failedLines.length, 2);
    assert.ok(failedLines.some((l) => l.includes(notJson) && /bukan JSON yang sah/.test(l)), failedLines.join('\n'));

    // Method switch: everything reassessed with the other preset; the top index is the engine's.
    await page.selectOption('#batch-method', 'kominfo-sleman');
    await page.waitForFunction(() => document.body.dataset.state === 'assessing' || document.body.dataset.state === 'done');
    await page.waitForSelector('body[data-state="done"]', { timeout: 120_000 });
    const top = page.locator(`${table(2024, 'kota')} tbody tr`).first();
    const topFile = bySha.get(await top.getAttribute('data-sha'));
    const sleman = api.assessText(topFile.text, { method: 'kominfo-sleman' });
    assert.equal(num(await top.locator('td.idx').innerText()), sleman.evaluation.index ?? sleman.evaluation.index_estimate);
    assert.match(await page.locator('#batch-ranking .lead').innerText(), /kominfo-sleman/);

    // English: labels, the engine's notices, and the English CSV.
    await page.click('#lang');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.match(await page.locator('#batch-ranking .notice').innerText(), /several evaluation years \(2022, 2023, 2024\): each year is ranked apart/);
    assert.match(await page.locator('#batch-failures-list').innerText(), /Unknown pillar "smartness"/);
    const [enDl] = await Promise.all([page.waitForEvent('download'), page.click('#batch-csv-en')]);
    const en = readFileSync(await enDl.path(), 'utf8');
    assert.match(en.split('\r\n')[0], /^status,year,kind,rank,region,province,/);
    assert.match(en, /,kominfo-sleman,1\.1\.0,/);
    assert.match(en, /\r\nfailed,/);

    await page.click('#lang');
    await page.waitForFunction(() => document.documentElement.lang === 'id');
    assert.ok(record.requests.some((r) => r.url.endsWith('/engine-worker.js')), 'assessed in module workers');
    await page.setViewportSize(PHONE);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth), 'no sideways scroll at 390 px');
    await screenshot(page, 'batch-phone');
    await finish(record);
  });

  test('duplicates (same bytes, or same region and year) are flagged, counted once and in the CSV', async () => {
    const record = await open();
    const { page } = record;
    const f = files[3];
    const copy = path.join(dir, 'salinan-persis.json');
    writeFileSync(copy, f.text);
    const plan = JSON.parse(f.text);
    plan.programs[0].name = `${plan.programs[0].name} (revisi)`;
    const resaved = path.join(dir, 'revisi.json');
    writeFileSync(resaved, JSON.stringify(plan, null, 2));
    await runBatch(page, [paths[3], paths[4], copy, resaved]);
    const year = yearOf(f);
    assert.equal(await page.locator('table.ranking tbody tr').count(), 2, 'three files of one region count once');
    assert.match(await page.locator('#batch-status').innerText(), /2 daerah diperingkat dari 4 berkas; 0 gagal, 2 ganda/);
    const dups = await page.locator('#batch-failures-list li.batch-duplicate').allInnerTexts();
    assert.equal(dups.length, 2);
    assert.ok(dups.some((x) => x.includes('salinan-persis.json') && /Isi berkas sama persis dengan/.test(x)), dups.join('\n'));
    assert.ok(dups.some((x) => x.includes('revisi.json') && new RegExp(`Daerah dan tahun yang sama .*${year}\\); dihitung sekali`).test(x)), dups.join('\n'));
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#batch-csv-id')]);
    const lines = readFileSync(await dl.path(), 'utf8').trimEnd().split('\r\n');
    assert.equal(lines.filter((l) => l.startsWith('duplikat;')).length, 2);
    await finish(record);
  });

  test('open a row\'s full report: the single-file page shows that file', async () => {
    const record = await open();
    const { page } = record;
    await runBatch(page, [paths[5], paths[6]]);
    const row = page.locator('table.ranking tbody tr').first();
    const file = bySha.get(await row.getAttribute('data-sha'));
    const name = JSON.parse(file.text).region.name;
    const [report] = await Promise.all([page.context().waitForEvent('page'), row.locator('button.open-report').click()]);
    await report.waitForLoadState();
    await report.waitForFunction((n) => document.body.textContent.includes(n) && document.body.dataset.ready === 'true', name, { timeout: 30_000 });
    assert.match(await report.locator('main').innerText(), new RegExp(name));
    await finish(record);
  });

  test('drop: many files dropped on the page are assessed; an unreadable folder entry is listed, not the drop lost; the index page links here', async () => {
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

    // A folder whose second entry cannot be read (entry.file fails): the rest rank, it is listed.
    await page.evaluate((list) => {
      const fileEntry = (f) => ({ isFile: true, isDirectory: false, name: f.name, fullPath: `/dir/${f.name}`, file: (ok) => ok(new File([f.text], f.name)) });
      const broken = { isFile: true, isDirectory: false, name: 'terkunci.json', fullPath: '/dir/terkunci.json', file: (_ok, fail) => fail(new DOMException('A requested file or directory could not be found.', 'NotFoundError')) };
      const children = [fileEntry(list[0]), broken, fileEntry(list[1])];
      const folder = { isFile: false, isDirectory: true, name: 'dir', fullPath: '/dir', createReader: () => { let given = false; return { readEntries: (ok) => { ok(given ? [] : children); given = true; } }; } };
      const dt = { files: [], items: [{ webkitGetAsEntry: () => folder }], types: ['Files'] };
      const ev = new DragEvent('drop', { bubbles: true, cancelable: true });
      Object.defineProperty(ev, 'dataTransfer', { value: dt });
      const enter = new DragEvent('dragenter', { bubbles: true });
      Object.defineProperty(enter, 'dataTransfer', { value: dt });
      document.querySelector('main').dispatchEvent(enter);
      document.querySelector('main').dispatchEvent(ev);
    }, some);
    await page.waitForFunction(() => document.body.dataset.state === 'done' && document.querySelectorAll('table.ranking tbody tr').length === 2);
    const failures = await page.locator('#batch-failures-list li').allInnerTexts();
    assert.equal(failures.length, 1);
    assert.match(failures[0], /dir\/terkunci\.json[\s\S]*tidak dapat dibaca/);

    await page.goto(`${tool.server.url}/`);
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
    assert.match(failures[0], /\(Program F5\) \(\+2 masalah lain\)/);
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
