// The compare page (www/compare.html) in real Chromium: two files of one region (the Sukamaju
// samples, 2024 and 2026) chosen through the two file inputs, compared by the engine's
// compare() in the comparison module; the tables show the deltas derived by hand from the
// golden assessments (index 3,37 → 3,51 = +0,14; Baseline 3,02 → 3,41 = +0,39; branding
// 83,33 % → 100 % = +16,67; quick wins 71,43 % → 87,5 % = +16,07), the five status changes,
// the two quick wins gained, the trend 2022–2026 with its table; another region is a bilingual
// error; a downloaded assessment works as the earlier file; the workbook download; print
// media hides the inputs; screenshots at 1366 and 390 px.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { assertNoConsoleErrors, assertOnlyLocalRequests, launchBrowser, openPage, repoRoot, screenshot, serveWww } from './harness.mjs';

let server;
let browser;
let dir;
const sample = (name) => path.join(repoRoot, 'www/samples', `${name}.json`);

before(async () => {
  server = await serveWww();
  browser = await launchBrowser();
  dir = mkdtempSync(path.join(tmpdir(), 'kcm-compare-'));
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function open(viewport = { width: 1366, height: 900 }) {
  const record = await openPage(browser, null, { contextOptions: { viewport, acceptDownloads: true } });
  await record.page.addInitScript(() => {
    delete window.showSaveFilePicker;
  });
  await record.page.goto(`${server.url}/compare.html`);
  await record.page.waitForSelector('body[data-ready="true"]');
  return record;
}

const cells = (page, sel) => page.$$eval(sel, (rows) => rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent.trim())));

test('Sukamaju 2024 against 2026: hand-derived deltas, programs, quick wins, trend', async () => {
  const record = await open();
  const { page } = record;
  try {
    await page.setInputFiles('#file-before', sample('kabupaten-sukamaju-2024'));
    await page.setInputFiles('#file-after', sample('kabupaten-sukamaju-2026'));
    await page.waitForSelector('body[data-state="done"]');
    assert.match(await page.textContent('#compare-summary-h'), /Kabupaten Sukamaju: 2024 dibandingkan dengan 2026/);
    const summary = await cells(page, '#summary-table tbody tr');
    assert.deepEqual(summary[0], ['Indeks Pencapaian', '3,37', '3,51', '▲ +0,14 (naik)']);
    assert.deepEqual(summary[3], ['Capaian quick win', '71,43 %', '87,5 %', '▲ +16,07 pp (naik)']);
    const dims = await cells(page, '#dim-table tbody tr');
    assert.deepEqual(dims.map((r) => r[3]), ['▲ +0,39 (naik)', '= 0,00 (tetap)', '▲ +0,17 (naik)', '= 0,00 (tetap)', '▲ +0,24 (naik)']);
    const pillars = await cells(page, '#pillar-table tbody tr');
    assert.deepEqual(pillars[1], ['Smart Branding', '83,33 %', '100 %', '▲ +16,67 pp (naik)']);
    const programs = await cells(page, '#program-table tbody tr');
    assert.deepEqual(programs.map((r) => `${r[0].split(' · ')[0]} ${r[2]} → ${r[3]}`), [
      'GOV-07 Dalam persiapan → Berjalan', 'BRD-03 Tertunda → Berjalan', 'LIV-08 Direncanakan → Berjalan', 'SOC-08 Dalam persiapan → Berjalan', 'ENV-05 Direncanakan → Dalam persiapan',
    ]);
    const qw = await cells(page, '#qw-table tbody tr');
    assert.deepEqual(qw.map((r) => [r[0].split(' · ')[0], r[1], r[2], r[3]]), [
      ['LIV-08', 'Belum jatuh tempo', 'Tepat waktu', 'tercapai'], ['SOC-08', 'Belum diluncurkan', 'Terlambat', 'tercapai'],
    ]);
    const trend = await cells(page, '#trend-table tbody tr');
    assert.deepEqual(trend.map((r) => `${r[0]} ${r[1]}`), ['2022 2,78', '2023 3,02', '2024 3,37', '2025 3,41', '2026 3,51']);
    assert.equal(await page.locator('#compare-trend svg circle').count(), 5);
    assert.equal(await page.locator('#compare-dimensions svg rect.bar.after').count(), 5 + 1, 'five bars and the legend');
    const nat = await cells(page, '#national-table tbody tr');
    assert.deepEqual(nat.find((r) => r[0].startsWith('Nilai SAKIP')).slice(3), ['▲ +2,68 (naik)']);
    await screenshot(page, 'compare-1366');
    // The comparison as a workbook (the workbook module's writeComparison; its cells are
    // checked in crates/workbook/tests/comparison.rs).
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#compare-xlsx')]);
    assert.equal(dl.suggestedFilename(), 'kota-cerdas_perbandingan_kabupaten-sukamaju_2024-2026.xlsx');
    assert.deepEqual([...readFileSync(await dl.path()).subarray(0, 2)], [0x50, 0x4b], 'a zip (xlsx)');
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('#compare-input').isVisible(), false, 'the inputs are not printed');
    await page.emulateMedia({ media: 'screen' });
    // English labels come from the engine's vocabularies.
    await page.click('#lang');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.deepEqual((await cells(page, '#summary-table tbody tr'))[0], ['Achievement index', '3.37', '3.51', '▲ +0.14 (up)']);
    assertNoConsoleErrors(record);
    assertOnlyLocalRequests(record);
  } finally {
    await record.close();
  }
});

test('a downloaded assessment as the earlier file; another region is a bilingual error', async () => {
  const record = await open();
  const { page } = record;
  try {
    const text = readFileSync(sample('kabupaten-sukamaju-2024'), 'utf8');
    const golden = JSON.parse(readFileSync(path.join(repoRoot, 'tests/golden/kabupaten-sukamaju-2024.assessment.json'), 'utf8'));
    const downloaded = path.join(dir, 'hasil-2024.json');
    writeFileSync(downloaded, JSON.stringify({ ...golden, masterplan: JSON.parse(text), input_text: text }));
    await page.setInputFiles('#file-before', downloaded);
    await page.setInputFiles('#file-after', sample('kabupaten-sukamaju-2026'));
    await page.waitForSelector('body[data-state="done"]');
    assert.deepEqual((await cells(page, '#summary-table tbody tr'))[0], ['Indeks Pencapaian', '3,37', '3,51', '▲ +0,14 (naik)']);
    await page.setInputFiles('#file-after', sample('kota-pelita-2024'));
    await page.waitForSelector('body[data-state="error"]');
    assert.match(await page.textContent('#compare-error'), /bukan dari daerah yang sama: "Kabupaten Sukamaju" dan "Kota Pelita"/);
    assert.equal(await page.locator('#compare-summary').count(), 0);
    assertNoConsoleErrors(record);
  } finally {
    await record.close();
  }
});

test('phone (390 px): no horizontal overflow of the page', async () => {
  const record = await open({ width: 390, height: 844 });
  const { page } = record;
  try {
    await page.click('#compare-sample');
    await page.waitForSelector('body[data-state="done"]');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
    await screenshot(page, 'compare-390');
    assertNoConsoleErrors(record);
  } finally {
    await record.close();
  }
});

test('accessibility: axe-core finds no serious or critical violations (empty and with results)', async () => {
  const axe = readFileSync(path.join(repoRoot, 'tests/e2e/node_modules/axe-core/axe.min.js'), 'utf8');
  const record = await openPage(browser, `${server.url}/compare.html`, { contextOptions: { bypassCSP: true } });
  const { page } = record;
  try {
    await page.waitForSelector('body[data-ready="true"]');
    const audit = async (label) => {
      await page.addScriptTag({ content: axe });
      const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
      const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      assert.deepEqual(bad.map((v) => `${label}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`), []);
    };
    await audit('empty');
    await page.click('#compare-sample');
    await page.waitForSelector('body[data-state="done"]');
    await audit('results');
  } finally {
    await record.close();
  }
});
