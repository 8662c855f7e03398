// The masterplan editor (issue 11) in real Chromium, driven the way a person finds things: by
// visible labels and button names. Every number asserted is derived by hand below from the
// spec (§3) and the default method's preset, never read back from the engine.
//
// Hand derivation for "Kabupaten Uji Coba", evaluation year 2024, method kominfo-2022 (the
// default: weights baseline 0.1, output 0.2, outcome 0.3, impact 0.2, quick win 0.2; Outcome =
// 1 + 3 × mean of pillar rates ÷ 100, the linear mapping of the preset), official scores 3 for
// baseline, output, impact and quick win (evaluation.dimension_scores replace computed ones):
//
//   program                 pillar      horizon  start  status     planned?  implemented?
//   1 Mal Pelayanan Publik  governance  short    2024   running    yes       yes
//   2 Sistem Arsip Digital  governance  short    2024   planned    yes       no
//   3 Puskesmas Online      living      short    2024   completed  yes       yes
//   4 Bus Sekolah Pintar    living      long     2024   running    no (horizon long)
//
//   Planned = horizon quick_win/short/medium, start_year ≤ 2024, not cancelled; implemented =
//   planned and running or completed (spec §3).
//   governance 1/2 = 50 %, living 1/1 = 100 %, the other four pillars plan nothing (left out of
//   the mean). Pooled 2/3 = 66.666… → 66,67 %. Mean of pillars (50 + 100) ÷ 2 = 75 %.
//   Outcome = 1 + 3 × 75 ÷ 100 = 3.25.
//   Index = 0.1·3 + 0.2·3 + 0.3·3.25 + 0.2·3 + 0.2·3 = 3.075 exactly → 3,08 (rounded half away
//   from zero, once, at output).
//
// With program 2 running as well: governance 2/2 = 100 %, pooled 3/3 = 100 %, mean 100 %,
// Outcome = 1 + 3 × 100 ÷ 100 = 4, index = 2.1 + 0.3·4 = 3.30.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot, screenshot, useTool } from './harness.mjs';
import { columns, fill } from './workbooks.mjs';
import { sheetTexts } from './xlsx.mjs';

const pkg = await import(path.join(repoRoot, 'www/pkg/kota_cerdas_mandiri.js'));
pkg.initSync({ module: readFileSync(path.join(repoRoot, 'www/pkg/kota_cerdas_mandiri_bg.wasm')) });

const LAPTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };
const SUKAMAJU = path.join(repoRoot, 'www/samples/kabupaten-sukamaju-2024.json');
const AXE = readFileSync(path.join(repoRoot, 'tests/e2e/node_modules/axe-core/axe.min.js'), 'utf8');

const { open, finish } = useTool();

const squash = (s) => s.replace(/\s+/g, ' ').trim();
/**
 * What a person reads there: scrolled into view first (while editing, report sections out of
 * view are not laid out: content-visibility), then its text.
 */
const textOf = async (locator) => {
  await locator.scrollIntoViewIfNeeded();
  return squash(await locator.innerText());
};

/** Waits until the editor shows the engine's answer to what was typed (or its problems). */
async function settled(page, state = 'ok') {
  await page.waitForFunction((want) => {
    const editor = document.getElementById('editor');
    return editor?.dataset.live === want && (want !== 'ok' || editor.dataset.report === 'current');
  }, state);
}

/** The live index once the engine's answer is on screen. */
async function index(page) {
  await settled(page);
  return page.locator('#ed-index').innerText();
}

const textbox = (page, name) => page.getByRole('textbox', { name, exact: true });
const combo = (page, name) => page.getByRole('combobox', { name, exact: true });

async function startNew(page, { name = 'Kabupaten Uji Coba', year = '2024' } = {}) {
  await page.getByRole('button', { name: 'Mulai baru' }).click();
  await textbox(page, 'Nama daerah').fill(name);
  await combo(page, 'Jenis daerah').selectOption({ label: 'Kabupaten' });
  await textbox(page, 'Provinsi').fill('Jawa Tengah');
  await textbox(page, 'Kode wilayah Kemendagri').fill('33.99');
  await textbox(page, 'Tahun evaluasi').fill(year);
  await page.getByRole('button', { name: /Lanjut ke program/ }).click();
  await page.getByRole('button', { name: 'Tambah program' }).waitFor();
}

async function addProgram(page, n, name, { pillar, horizon, status } = {}) {
  await page.getByRole('button', { name: 'Tambah program' }).click();
  await textbox(page, `Program ${n} Nama program`).fill(name);
  if (pillar) await combo(page, `Program ${n} Pilar`).selectOption({ label: pillar });
  if (horizon) await combo(page, `Program ${n} Jangka`).selectOption({ label: horizon });
  if (status) await combo(page, `Program ${n} Status`).selectOption({ label: status });
}

/** The plan of the hand derivation above, entered through the forms. */
async function enterPlan(page) {
  await startNew(page);
  await addProgram(page, 1, 'Mal Pelayanan Publik', { status: 'Berjalan' });
  await addProgram(page, 2, 'Sistem Arsip Digital');
  await addProgram(page, 3, 'Puskesmas Online', { pillar: 'Smart Living', status: 'Selesai' });
  await addProgram(page, 4, 'Bus Sekolah Pintar', { pillar: 'Smart Living', horizon: 'Jangka panjang', status: 'Berjalan' });
  await page.locator('#ed-sec-region > summary').click();
  for (const dim of ['Baseline', 'Output', 'Impact', 'Quick Win']) await textbox(page, dim).fill('3');
}

async function download(page, action) {
  const [dl] = await Promise.all([page.waitForEvent('download'), action()]);
  const file = await dl.path();
  return { file, name: dl.suggestedFilename(), json: JSON.parse(readFileSync(file, 'utf8')) };
}

/** Opens a downloaded file again, under the name it was saved as. */
async function reopen(page, saved) {
  await openFile(page, saved.file, saved.name);
}

/** Chooses a file in the page's file input, under its own name. */
async function openFile(page, file, name = path.basename(file)) {
  await page.setInputFiles('#file', { name, mimeType: 'application/json', buffer: readFileSync(file) });
}

async function audit(page, label) {
  await page.addScriptTag({ content: AXE });
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad.map((v) => `${label}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`), []);
}

describe('the editor', () => {
  test('a new masterplan through the forms: rates and index as derived by hand; the JSON re-opens with the same numbers', async () => {
    const record = await open();
    const { page } = record;
    await enterPlan(page);
    assert.equal(await index(page), '3,08');
    assert.equal(await page.locator('#ed-overall').innerText(), '66,67%');
    // The report below is the engine's answer to the plan in the forms.
    assert.equal(await textOf(page.locator('#index-value')), '3,08');
    assert.match(await textOf(page.locator('#pillars tr[data-pillar="governance"]')), /^Smart Governance 2 1 50% ↓ di bawah target/);
    assert.match(await textOf(page.locator('#pillars tr[data-pillar="living"]')), /^Smart Living 1 1 100%/);
    assert.equal(await textOf(page.locator('#overall-percent')), '66,67%');
    assert.match(await textOf(page.locator('#pillars tfoot')), /Rata-rata pilar 75%/);
    assert.equal(await textOf(page.locator('#dimensions [data-dimension="outcome"] .dim-score')), '3,25 / 4');

    // One status changed: the report says what moved, and by how much.
    await combo(page, 'Program 2 Status').selectOption({ label: 'Berjalan' });
    assert.equal(await index(page), '3,30');
    const changed = await textOf(page.locator('#ed-changes'));
    assert.match(changed, /Indeks Pencapaian 3,08 → 3,30 ▲/);
    assert.match(changed, /Smart Governance 50% → 100% ▲/);
    assert.match(changed, /Outcome 3,25 → 4,00 ▲/);
    assert.match(changed, /Capaian program 66,67% → 100% ▲/);
    assert.doesNotMatch(changed, /Smart Living/, 'only what changed is listed');
    await combo(page, 'Program 2 Status').selectOption({ label: 'Direncanakan' });
    assert.equal(await index(page), '3,08');

    // Saved as JSON: the assessment with its masterplan and input text.
    const saved = await download(page, () => page.getByRole('button', { name: 'Simpan JSON' }).click());
    assert.match(saved.name, /^kota-cerdas_kabupaten-uji-coba_2024_\d{4}-\d\d-\d\d\.json$/);
    assert.equal(saved.json.evaluation.index, 3.08);
    assert.equal(saved.json.implementation.pillars.governance.percent, 50);
    assert.equal(saved.json.implementation.overall.percent, 66.67);
    assert.deepEqual(saved.json.masterplan.region, { name: 'Kabupaten Uji Coba', kind: 'kabupaten', province: 'Jawa Tengah', code: '33.99' });
    assert.deepEqual(saved.json.masterplan.programs.map((p) => [p.name, p.pillar, p.horizon, p.start_year, p.status]), [
      ['Mal Pelayanan Publik', 'governance', 'short', 2024, 'running'],
      ['Sistem Arsip Digital', 'governance', 'short', 2024, 'planned'],
      ['Puskesmas Online', 'living', 'short', 2024, 'completed'],
      ['Bus Sekolah Pintar', 'living', 'long', 2024, 'running'],
    ]);
    // The download starts before the page has marked the plan saved (it then stores the draft):
    // wait for the note, as the workbook test below does, then read it.
    await page.waitForFunction(() => /Semua perubahan sudah disimpan ke berkas/.test(document.getElementById('ed-save-note')?.textContent ?? ''));
    assert.match(await page.locator('#ed-save-note').innerText(), /Semua perubahan sudah disimpan ke berkas/);

    // Re-opened as a file (nothing unsaved: no question asked): the same numbers.
    await page.getByRole('button', { name: 'Tutup editor' }).click();
    await reopen(page, saved);
    await page.waitForFunction((name) => document.getElementById('meta-file')?.textContent === name, saved.name);
    assert.equal(await textOf(page.locator('#index-value')), '3,08');
    assert.match(await textOf(page.locator('#pillars tr[data-pillar="governance"]')), /^Smart Governance 2 1 50%/);
    assert.equal(await textOf(page.locator('#overall-percent')), '66,67%');
    assert.equal(await page.locator('[role="dialog"]').count(), 0);
    await screenshot(page, 'editor-reopened-desktop');
    await finish(record);
  });

  // The workbook of tests/e2e/workbooks.mjs, derived by hand in workbook.test.mjs: index 3,40
  // (Outcome 3,50 from governance 2 of 3 and economy 2 of 2). With GOV-03 (medium term, starts
  // 2024) running as well: governance 3 of 3, economy 2 of 2, mean of pillars 100 % → Outcome
  // 1 + 3 × 100 ÷ 100 = 4; index = 0,1 × 3 + 0,2 × 3,25 + 0,3 × 4 + 0,2 × 3 + 0,2 × 4
  // = 0,30 + 0,65 + 1,20 + 0,60 + 0,80 = 3,55.
  test('a workbook edited in the page: undo survives a reload; Ctrl+S saves a workbook that opens again with the edit', async () => {
    const record = await open();
    const { page } = record;
    const dialogs = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.type());
      dialog.accept();
    });
    const [tpl] = await Promise.all([page.waitForEvent('download'), page.click('#dl-template')]);
    const template = readFileSync(await tpl.path());
    await page.setInputFiles('#file', { name: 'uji-excel.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: fill(template) });
    await page.waitForFunction(() => document.getElementById('summary-h')?.textContent === 'Kabupaten Uji Excel');
    assert.equal(await textOf(page.locator('#index-value')), '3,40');

    await page.getByRole('button', { name: 'Ubah masterplan ini' }).click();
    assert.equal(await index(page), '3,40');
    // A plan from a workbook is saved as one by default; JSON is the other button.
    assert.equal(await page.locator('#ed-save').innerText(), '⬇ Simpan Excel');
    assert.equal(await page.locator('#ed-save').getAttribute('aria-keyshortcuts'), 'Control+S Meta+S');
    assert.equal(await page.locator('#ed-save-other').innerText(), '⬇ Simpan JSON');
    assert.match(await page.locator('.ed-keys').innerText(), /Ctrl\+S \(⌘S\) simpan Excel/);

    assert.equal(await textbox(page, 'Program 3 Nama program').inputValue(), 'Perizinan Daring');
    await combo(page, 'Program 3 Status').selectOption({ label: 'Berjalan' });
    assert.equal(await index(page), '3,55');
    await page.waitForSelector('#editor[data-draft="saved"]');

    // Reloaded: the draft comes back with its history; undo and redo still work.
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    assert.deepEqual(dialogs, ['beforeunload'], 'unsaved changes: leaving warns');
    assert.equal(await index(page), '3,55');
    assert.equal(await page.locator('#ed-undo').isDisabled(), false, 'the history came back with the draft');
    await page.getByRole('button', { name: 'Urungkan' }).click();
    assert.equal(await index(page), '3,40');
    assert.equal(await combo(page, 'Program 3 Status').inputValue(), 'planned');
    await page.getByRole('button', { name: 'Ulangi' }).click();
    assert.equal(await index(page), '3,55');
    assert.equal(await combo(page, 'Program 3 Status').inputValue(), 'running');

    // Ctrl+S: a workbook, with the edit, that opens again with the same numbers.
    await combo(page, 'Program 3 Status').focus();
    const [dl] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Control+s')]);
    assert.match(dl.suggestedFilename(), /^kota-cerdas_kabupaten-uji-excel_2024_\d{4}-\d\d-\d\d_masterplan\.xlsx$/);
    const bytes = readFileSync(await dl.path());
    assert.deepEqual([...bytes.subarray(0, 2)], [0x50, 0x4b]);
    const cols = columns(bytes, 'Program');
    const cells = sheetTexts(bytes, 'Program');
    const row = [...cells].find(([ref, v]) => v === 'GOV-03' && ref.startsWith(cols['ID program']))?.[0].slice(cols['ID program'].length);
    assert.ok(row, 'GOV-03 is in the saved workbook');
    assert.equal(cells.get(`${cols.Status}${row}`), 'Berjalan');
    await page.waitForFunction(() => /Semua perubahan sudah disimpan ke berkas/.test(document.getElementById('ed-save-note')?.textContent ?? ''));

    // The other form, one click away: the JSON carries the same edit and index.
    const json = await download(page, () => page.locator('#ed-save-other').click());
    assert.equal(json.json.masterplan.programs[2].status, 'running');
    assert.equal(json.json.evaluation.index, 3.55);

    // Nothing unsaved: the saved workbook opens over the draft without a question.
    await page.setInputFiles('#file', { name: dl.suggestedFilename(), mimeType: '', buffer: bytes });
    await page.waitForFunction((name) => document.getElementById('meta-file')?.textContent === name, dl.suggestedFilename());
    assert.equal(await page.locator('[role="dialog"]').count(), 0);
    assert.equal(await textOf(page.locator('#index-value')), '3,55');
    assert.match(await textOf(page.locator('#pillars tr[data-pillar="governance"]')), /^Smart Governance 3 3 100%/);
    assert.deepEqual(dialogs, ['beforeunload']);
    await finish(record);
  });

  test('what if and undo: a candidate tried, reverted, kept, undone and redone; the saved plan never moves during the trial', async () => {
    const record = await open();
    const { page } = record;
    await enterPlan(page);
    assert.equal(await index(page), '3,08');
    // The hint under "Menuju target" offers the governance program counted but not running.
    const gap = page.locator('.ed-gap[data-pillar="governance"]');
    assert.match(await textOf(gap), /Smart Governance: 50% — 1 program Smart Governance lagi yang berjalan membawa pilar ini ke 75%/);
    const candidate = gap.getByRole('button', { name: /^Coba .*Sistem Arsip Digital sebagai Berjalan$/ });
    assert.equal(await gap.locator('.ed-try').count(), 1, 'only program 2 is counted and not implemented there');
    await candidate.click();
    assert.ok(await page.getByRole('heading', { name: 'Mode bagaimana jika' }).isVisible());
    assert.equal(await index(page), '3,30');
    assert.match(await textOf(page.locator('#ed-changes-h')), /dibandingkan rencana tersimpan/);
    assert.match(await textOf(page.locator('#ed-changes')), /Smart Governance 50% → 100% ▲/);
    assert.equal(await page.locator('#ed-whatif-count').innerText(), '1 perubahan dicoba.');
    // Focus went to the status that was tried; other fields are locked during the trial.
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-labelledby')), 'ed-p-1-label ed-col-status');
    assert.ok(await textbox(page, 'Program 2 Nama program').isDisabled());
    // Saving now saves the plan, not the trial.
    const during = await download(page, () => page.keyboard.press('Control+s'));
    assert.equal(during.json.evaluation.index, 3.08);
    assert.equal(during.json.masterplan.programs[1].status, 'planned');

    await page.getByRole('button', { name: 'Kembali ke rencana' }).click();
    assert.equal(await index(page), '3,08');
    assert.equal(await combo(page, 'Program 2 Status').inputValue(), 'planned');

    // The same by hand: what-if mode from the toolbar, the status picked in the table.
    await page.getByRole('button', { name: 'Coba "bagaimana jika"' }).click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'ed-whatif-h');
    assert.ok(await page.getByRole('button', { name: 'Pakai perubahan ini' }).isDisabled(), 'nothing tried yet');
    await combo(page, 'Program 2 Status').selectOption({ label: 'Selesai' });
    assert.equal(await index(page), '3,30');
    assert.equal(await page.locator('#ed-whatif-count').innerText(), '1 perubahan dicoba.');
    await page.getByRole('button', { name: 'Kembali ke rencana' }).click();
    assert.equal(await index(page), '3,08');

    await page.locator('.ed-gap[data-pillar="governance"] .ed-try').click();
    assert.equal(await index(page), '3,30');
    await page.getByRole('button', { name: 'Pakai perubahan ini' }).click();
    assert.equal(await index(page), '3,30');
    assert.match(await textOf(page.locator('#ed-changes')), /Indeks Pencapaian 3,08 → 3,30 ▲/);
    assert.equal(await combo(page, 'Program 2 Status').inputValue(), 'running');

    // Undo and redo, by keyboard: the kept trial is one change.
    await page.keyboard.press('Control+z');
    assert.equal(await index(page), '3,08');
    assert.equal(await combo(page, 'Program 2 Status').inputValue(), 'planned');
    await page.keyboard.press('Control+Shift+z');
    assert.equal(await index(page), '3,30');
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+y');
    assert.equal(await index(page), '3,30');
    // Undo reaches back through every change, to the empty plan's first program.
    await page.getByRole('button', { name: 'Urungkan' }).click();
    assert.equal(await index(page), '3,08');

    await page.keyboard.press('Control+Shift+z');
    const saved = await download(page, () => page.keyboard.press('Control+s'));
    assert.equal(saved.json.evaluation.index, 3.3);
    assert.equal(saved.json.implementation.pillars.governance.percent, 100);
    await page.getByRole('button', { name: 'Tutup editor' }).click();
    await reopen(page, saved);
    await page.waitForFunction((name) => document.getElementById('meta-file')?.textContent === name, saved.name);
    assert.equal(await textOf(page.locator('#index-value')), '3,30');
    assert.match(await textOf(page.locator('#pillars tr[data-pillar="governance"]')), /^Smart Governance 2 2 100%/);
    assert.equal(await textOf(page.locator('#overall-percent')), '100%');
    await finish(record);
  });

  test('the form cannot produce a shape the engine rejects: sub-dimensions follow the pillar, the quick-win details the horizon and the launch year the status', async () => {
    const record = await open();
    const { page } = record;
    await startNew(page, { name: 'Kota Bentuk', year: '2024' });
    await addProgram(page, 1, 'Layanan Cepat');
    const subs = async () => page.locator('#ed-programs-0-sub-dimension option').allInnerTexts();
    assert.deepEqual(await subs(), ['— belum diisi —', ...pkg.vocabularies().pillars[0].sub_dimensions.map((s) => s.label.id)]);
    await combo(page, 'Program 1 Sub-dimensi').selectOption({ label: 'Pelayanan Publik' });
    // Another pillar: its own sub-dimensions, and the old choice (not one of them) is dropped.
    await combo(page, 'Program 1 Pilar').selectOption({ label: 'Smart Living' });
    assert.deepEqual(await subs(), ['— belum diisi —', 'Harmonisasi Tata Ruang', 'Kesehatan', 'Mobilitas']);
    assert.equal(await combo(page, 'Program 1 Sub-dimensi').inputValue(), '');

    await combo(page, 'Program 1 Jangka').selectOption({ label: 'Quick win' });
    await page.getByRole('button', { name: 'Rincian program 1', exact: true }).click();
    assert.equal(await textbox(page, 'Tahun target quick win').inputValue(), '2024');
    assert.equal(await combo(page, 'Status quick win').inputValue(), 'planned');
    assert.equal(await textbox(page, 'Tahun diluncurkan').count(), 0);
    await combo(page, 'Program 1 Status').selectOption({ label: 'Berjalan' });
    await combo(page, 'Status quick win').selectOption({ label: 'Berkelanjutan' });
    assert.equal(await textbox(page, 'Tahun diluncurkan').inputValue(), '2024');
    await settled(page);
    assert.equal(await page.locator('#ed-qw').innerText(), '100%', 'due 2024, achieved (sustained): 1 of 1');
    let saved = await download(page, () => page.keyboard.press('Control+s'));
    assert.deepEqual(saved.json.masterplan.programs[0].quick_win, { year: 2024, status: 'sustained', launched_year: 2024 });
    // Back to "planned": no launch year; another horizon: no quick-win object at all.
    await combo(page, 'Status quick win').selectOption({ label: 'Direncanakan' });
    assert.equal(await textbox(page, 'Tahun diluncurkan').count(), 0);
    await combo(page, 'Program 1 Jangka').selectOption({ label: 'Jangka menengah' });
    assert.equal(await combo(page, 'Status quick win').count(), 0);
    await settled(page);
    saved = await download(page, () => page.keyboard.press('Control+s'));
    assert.equal('quick_win' in saved.json.masterplan.programs[0], false);
    assert.equal(saved.json.masterplan.programs[0].horizon, 'medium');
    assert.equal(pkg.validate(saved.json.masterplan).filter((p) => p.severity === 'error').length, 0);
    await finish(record);
  });

  test('every part of format v1 is edited through its form; nothing else in the file changes, unknown keys are kept', async () => {
    const sample = JSON.parse(readFileSync(SUKAMAJU, 'utf8'));
    const mp = structuredClone(sample);
    mp.catatan_internal = 'untuk rapat koordinasi';
    mp.programs[0].catatan = 'cek ulang';
    const record = await open();
    const { page } = record;
    await page.setInputFiles('#file', { name: 'sukamaju-catatan.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(mp, null, 2)) });
    await page.waitForSelector('#summary');
    await page.getByRole('button', { name: 'Ubah masterplan ini' }).click();
    await settled(page);
    const group = (name) => page.getByRole('group', { name, exact: true });
    const section = async (name) => {
      const summary = page.locator('#editor summary', { hasText: name });
      if ((await summary.locator('xpath=..').getAttribute('open')) === null) await summary.click();
    };

    await textbox(page, 'Kode wilayah Kemendagri').fill('32.99');
    await page.getByRole('button', { name: 'Tambah indeks tahun sebelumnya' }).click();
    await group('Indeks sebelumnya 3').getByRole('textbox', { name: 'Tahun', exact: true }).fill('2021');
    await group('Indeks sebelumnya 3').getByRole('textbox', { name: 'Indeks Pencapaian', exact: true }).fill('2,5');
    await textbox(page, 'Baseline').fill('3,5');
    await section('Dokumen masterplan');
    await combo(page, 'Dasar hukum masterplan').selectOption({ label: 'Belum ditetapkan' });
    await section('Kelembagaan dan anggaran');
    await group('Forum Smart City').getByRole('combobox', { name: 'Aktif pada tahun evaluasi' }).selectOption({ label: 'Ya' });
    await textbox(page, 'Dari APBD (rupiah)').fill('3.500.000.000');
    await section('Kesiapan daerah');
    await group('Butir 1').getByRole('textbox', { name: 'Nilai (1–4)' }).fill('3');
    await page.getByRole('button', { name: 'Rincian program 1', exact: true }).click();
    const evidence = page.locator('#ed-p-0-detail').getByRole('textbox', { name: 'Data dukung (satu per baris)' });
    await evidence.fill(`${await evidence.inputValue()}\nFoto peluncuran 2024\n`);
    await section('Dampak');
    await group('Survei 1').getByRole('textbox', { name: 'Rata-rata jawaban (1–4)' }).fill('3,4');
    await page.getByRole('button', { name: 'Tambah indikator' }).click();
    const added = group(`Indikator ${sample.impact.indicators.length + 1}`);
    await added.getByLabel('Kode indikator').fill('education_quality'); // a combobox: it suggests the method's codes
    await added.getByRole('textbox', { name: 'Nilai', exact: true }).fill('81,5');
    await added.getByRole('textbox', { name: 'Tahun data' }).fill('2023');
    await section('Indeks nasional');
    await textbox(page, 'Indeks SPBE').fill('3,1');
    await combo(page, 'Opini BPK').selectOption({ label: 'WDP · Wajar Dengan Pengecualian' });
    await settled(page);
    assert.equal(await page.locator('#ed-problems-count').count(), 0, 'every edit is a valid file');

    const expected = structuredClone(mp);
    expected.region.code = '32.99';
    expected.evaluation.previous.push({ year: 2021, index: 2.5 });
    expected.evaluation.dimension_scores = { baseline: 3.5 };
    expected.masterplan.legal_basis = null;
    expected.institutions.forum.active = true;
    expected.institutions.budget.apbd = 3500000000;
    expected.readiness.items[0].score = 3;
    expected.programs[0].evidence = [...sample.programs[0].evidence, 'Foto peluncuran 2024'];
    expected.impact.surveys[0].mean = 3.4;
    expected.impact.indicators.push({ code: 'education_quality', value: 81.5, year: 2023 });
    expected.national_indices.spbe = 3.1;
    expected.national_indices.bpk_opinion = 'WDP';
    const saved = await download(page, () => page.keyboard.press('Control+s'));
    assert.deepEqual(saved.json.masterplan, expected);
    // The engine took every edit: the official Baseline replaces the computed one, the
    // previous index of 2023 is still the latest before 2024, the BPK opinion is WDP.
    assert.equal(saved.json.evaluation.dimensions.baseline.score, 3.5);
    assert.equal(saved.json.evaluation.dimensions.baseline.source, 'provided');
    assert.equal(saved.json.national_indices.bpk_opinion.value, 'WDP');
    assert.equal(saved.json.national_indices.spbe.value, 3.1);
    await finish(record);
  });

  test('a draft survives a reload; a file opened over unsaved changes asks first; "Lupakan data" asks before clearing drafts', async () => {
    const record = await open({ contextOptions: { bypassCSP: true } }); // for axe on the dialog
    const { page } = record;
    const dialogs = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.type());
      dialog.accept();
    });
    await startNew(page, { name: 'Kabupaten Draf', year: '2025' });
    await addProgram(page, 1, 'Layanan Draf', { status: 'Berjalan' });
    await settled(page);
    await page.waitForSelector('#editor[data-draft="saved"]');
    assert.match(await page.locator('#ed-save-note').innerText(), /Draf tersimpan otomatis di perangkat ini \(\d\d\.\d\d\)\. Ada perubahan yang belum disimpan ke berkas\./);
    const before = await page.locator('#ed-index').innerText();
    // Unsaved (never written to a file): leaving warns.
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    assert.deepEqual(dialogs, ['beforeunload']);
    await settled(page);
    assert.equal(await page.getByRole('heading', { level: 2, name: 'Ubah masterplan: Kabupaten Draf 2025' }).count(), 1);
    assert.equal(await textbox(page, 'Program 1 Nama program').inputValue(), 'Layanan Draf');
    assert.equal(await combo(page, 'Program 1 Status').inputValue(), 'running');
    assert.equal(await page.locator('#ed-index').innerText(), before);
    assert.match(await textOf(page.locator('.ed-drafts')), /Kabupaten Draf · 2025 .*belum disimpan ke berkas · sedang dibuka/);

    // A file over the unsaved draft: asked; "Batal" keeps the draft on screen.
    await openFile(page, SUKAMAJU);
    const dialog = page.getByRole('dialog', { name: 'Konfirmasi' });
    await dialog.waitFor();
    assert.match(await dialog.innerText(), /Draf Kabupaten Draf 2025 punya perubahan yang belum disimpan ke berkas/);
    await audit(page, 'dialog');
    await dialog.getByRole('button', { name: 'Batal' }).click();
    assert.equal(await dialog.count(), 0);
    assert.ok(await page.locator('#editor').isVisible());
    assert.equal(await textbox(page, 'Program 1 Nama program').inputValue(), 'Layanan Draf');
    assert.notEqual(await page.locator('#summary-h').innerText(), 'Kabupaten Sukamaju');
    // Asked again; this time opened. The draft stays in the list and comes back.
    await openFile(page, SUKAMAJU);
    await page.getByRole('dialog').getByRole('button', { name: 'Buka berkas lain' }).click();
    await page.waitForFunction(() => document.getElementById('summary-h')?.textContent === 'Kabupaten Sukamaju');
    assert.ok(await page.locator('#editor').isHidden());
    assert.equal(await textOf(page.locator('#index-value')), '3,37');
    await page.getByRole('button', { name: 'Lanjutkan Kabupaten Draf 2025' }).click();
    await settled(page);
    assert.equal(await textbox(page, 'Program 1 Nama program').inputValue(), 'Layanan Draf');

    // A second draft, from the loaded sample: both listed, by region.
    await page.getByRole('button', { name: 'Tutup editor' }).click();
    await page.click('button[data-sample="kabupaten-sukamaju-2024.json"]');
    await page.waitForFunction(() => document.getElementById('summary-h')?.textContent === 'Kabupaten Sukamaju');
    await page.getByRole('button', { name: 'Ubah masterplan ini' }).click();
    await settled(page);
    assert.equal(await page.locator('#ed-index').innerText(), '3,37');
    await page.waitForFunction(() => document.querySelectorAll('.ed-draft').length === 2); // listed once saved
    assert.deepEqual((await page.locator('.ed-draft-name').allInnerTexts()).map(squash), ['Kabupaten Draf · 2025', 'Kabupaten Sukamaju · 2024']);

    // "Lupakan data" asks first when drafts exist; "Batal" keeps everything.
    await page.getByRole('button', { name: 'Lupakan data di perangkat ini' }).click();
    const forget = page.getByRole('dialog');
    assert.match(await forget.innerText(), /Hapus juga 2 draf/);
    await forget.getByRole('button', { name: 'Batal' }).click();
    assert.equal(await page.locator('.ed-draft').count(), 2);
    await page.getByRole('button', { name: 'Lupakan data di perangkat ini' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Hapus semuanya' }).click();
    await page.waitForFunction(() => document.body.dataset.state === 'empty');
    assert.equal(await page.locator('.ed-draft').count(), 0);
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    assert.equal(await page.locator('.ed-draft').count(), 0);
    assert.ok(await page.locator('#editor').isHidden());
    assert.deepEqual(dialogs, ['beforeunload'], 'no warning once nothing is unsaved');
    await finish(record);
  });

  test('problems sit beside their fields and the list jumps to them, across pages and filters; English; delete and undo', async () => {
    const big = execFileSync(process.execPath, [path.join(repoRoot, 'benches/generate.mjs'), '120'], { maxBuffer: 1 << 24 });
    const mp = JSON.parse(big.toString('utf8'));
    const record = await open();
    const { page } = record;
    await page.setInputFiles('#file', { name: 'besar-120.json', mimeType: 'application/json', buffer: big });
    await page.waitForSelector('#summary');
    await page.getByRole('button', { name: 'Ubah masterplan ini' }).click();
    await settled(page);
    assert.equal(await page.locator('#ed-programs-count').innerText(), '120 dari 120 program');
    assert.equal(await page.locator('#ed-page-now').innerText(), 'Halaman 1 dari 3');
    assert.equal(await page.locator('#ed-programs-table tr.ed-row-main').count(), 50);
    // Filters: pillar and status as the file has them.
    const filter = (name) => page.getByRole('group', { name: 'Saring program' }).getByRole('combobox', { name, exact: true });
    await filter('Pilar').selectOption({ label: 'Smart Economy' });
    const economy = mp.programs.filter((p) => p.pillar === 'economy').length;
    assert.equal(await page.locator('#ed-programs-count').innerText(), `${economy} dari 120 program`);
    await filter('Status').selectOption({ label: 'Berjalan' });
    const running = mp.programs.filter((p) => p.pillar === 'economy' && p.status === 'running').length;
    assert.equal(await page.locator('#ed-programs-count').innerText(), `${running} dari 120 program`);
    await filter('Pilar').selectOption({ label: 'Semua' });
    await filter('Status').selectOption({ label: 'Semua' });

    // Program 101 (page 3) loses its name: the engine's message beside the field.
    await page.getByRole('button', { name: /Berikutnya/ }).click();
    await page.getByRole('button', { name: /Berikutnya/ }).click();
    const name101 = textbox(page, 'Program 101 Nama program');
    await name101.fill('');
    await settled(page, 'stale');
    const expected = pkg.validate(JSON.stringify({ ...mp, programs: mp.programs.map((p, i) => (i === 100 ? { ...p, name: '' } : p)) })).filter((p) => p.severity === 'error');
    assert.equal(expected.length, 1);
    assert.equal(expected[0].path, '/programs/100/name');
    assert.equal(await name101.getAttribute('aria-invalid'), 'true');
    assert.equal(await page.locator('#ed-programs-100-name-msg').innerText(), expected[0].message.id);
    assert.equal(await page.locator('#ed-problems-count').innerText(), '1 masalah');
    assert.match(await page.locator('#ed-bar-note').innerText(), /Belum bisa dinilai/);
    // The report below keeps the last result that could be assessed.
    assert.ok(await page.locator('#summary').isVisible());
    const item = page.locator('#ed-problem-list li').first();
    assert.equal(squash(await item.locator('.ed-where').innerText()), `Program 101 (${mp.programs[100].id}) · Nama program`);
    // From page 1, the list brings the field back into view and focus.
    await page.getByRole('button', { name: /Sebelumnya/ }).click();
    await page.getByRole('button', { name: /Sebelumnya/ }).click();
    assert.equal(await page.locator('#ed-page-now').innerText(), 'Halaman 1 dari 3');
    await item.getByRole('button').click();
    assert.equal(await page.locator('#ed-page-now').innerText(), 'Halaman 3 dari 3');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'ed-programs-100-name');

    // In English: the labels, and the engine's message in English.
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.equal(await page.locator('#ed-programs-100-name-msg').innerText(), expected[0].message.en);
    assert.equal(await page.getByRole('textbox', { name: 'Program 101 Program name', exact: true }).count(), 1);
    assert.equal(await page.locator('#ed-problems-count').innerText(), '1 problems');
    await page.getByRole('button', { name: 'Bahasa Indonesia', exact: true }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'id');

    // Undo brings the name back, and the score.
    await page.keyboard.press('Control+z');
    await settled(page);
    assert.equal(await textbox(page, 'Program 101 Nama program').inputValue(), mp.programs[100].name);
    assert.equal(await page.locator('#ed-problems-count').count(), 0);

    // Delete program 1, then undo: it is back, first.
    await page.getByRole('button', { name: /Sebelumnya/ }).click();
    await page.getByRole('button', { name: /Sebelumnya/ }).click();
    await page.getByRole('button', { name: 'Rincian program 1', exact: true }).click();
    await page.getByRole('button', { name: 'Hapus program' }).click();
    await settled(page);
    assert.equal(await page.locator('#ed-programs-count').innerText(), '119 dari 119 program');
    await page.keyboard.press('Control+z');
    await settled(page);
    assert.equal(await page.locator('#ed-programs-count').innerText(), '120 dari 120 program');
    assert.equal(await textbox(page, 'Program 1 ID').inputValue(), mp.programs[0].id);
    // It comes back as it was, its details still open. Duplicate gets a fresh id, right below.
    assert.equal(await page.getByRole('button', { name: 'Rincian program 1', exact: true }).getAttribute('aria-expanded'), 'true');
    await page.getByRole('button', { name: 'Gandakan' }).click();
    assert.equal(await textbox(page, 'Program 2 ID').inputValue(), `${mp.programs[0].id}-2`);
    assert.equal(await textbox(page, 'Program 2 Nama program').inputValue(), mp.programs[0].name);
    await settled(page);
    await finish(record);
  });

  test('keyboard only, from "Mulai baru" to the download', async () => {
    const record = await open();
    const { page } = record;
    const focused = () => page.evaluate(() => document.activeElement?.id ?? '');
    for (let i = 0; i < 40 && (await focused()) !== 'ed-new'; i++) await page.keyboard.press('Tab');
    assert.equal(await focused(), 'ed-new');
    await page.keyboard.press('Enter');
    assert.equal(await focused(), 'ed-region-name');
    await page.keyboard.type('Kota Papan Ketik');
    await page.keyboard.press('Tab');
    assert.equal(await focused(), 'ed-region-kind');
    await page.keyboard.press('ArrowDown'); // the first kind
    await page.keyboard.press('ArrowDown'); // "Kota"
    assert.equal(await page.inputValue('#ed-region-kind'), 'kota');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    assert.equal(await focused(), 'ed-evaluation-year');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('2024');
    await page.keyboard.press('Enter'); // submits the first step
    await page.waitForFunction(() => document.activeElement?.id === 'ed-add-program');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'ed-programs-0-name');
    await page.keyboard.type('Layanan Papan Ketik');
    for (let i = 0; i < 5; i++) await page.keyboard.press('Tab');
    assert.equal(await focused(), 'ed-programs-0-status');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown'); // Direncanakan → Dalam persiapan → Berjalan
    assert.equal(await page.inputValue('#ed-programs-0-status'), 'running');
    await settled(page);
    // Governance 1/1 = 100 %; the index is an estimate from Outcome alone: 1 + 3 × 100 ÷ 100 = 4.
    assert.equal(await page.locator('#ed-index').innerText(), '4,00');
    assert.equal(await page.locator('#ed-overall').innerText(), '100%');
    const saved = await download(page, () => page.keyboard.press('Control+s'));
    assert.equal(saved.json.masterplan.region.kind, 'kota');
    assert.equal(saved.json.evaluation.index_estimate, 4);
    await finish(record);
  });

  test('accessibility and small screens: axe in every editor state, 390 px without sideways scrolling, screenshots', async () => {
    const record = await open({ contextOptions: { bypassCSP: true } });
    const { page } = record;
    await page.getByRole('button', { name: 'Mulai baru' }).click();
    await audit(page, 'guide');
    await screenshot(page, 'editor-guide-desktop');
    // The first step refuses an empty name, beside the field.
    await page.getByRole('button', { name: /Lanjut ke program/ }).click();
    await page.waitForFunction(() => document.getElementById('ed-region-name')?.getAttribute('aria-invalid') === 'true');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'ed-region-name');
    await audit(page, 'guide with a problem');
    await page.getByRole('button', { name: 'Batal' }).click();
    await enterPlan(page);
    await index(page);
    await audit(page, 'editor');
    await screenshot(page, 'editor-desktop');
    await page.getByRole('button', { name: 'Rincian program 2', exact: true }).click();
    await textbox(page, 'Program 2 Nama program').fill('');
    await settled(page, 'stale');
    await audit(page, 'editor with a problem');
    await page.setViewportSize(LAPTOP);
    await page.locator('#editor').scrollIntoViewIfNeeded();
    await screenshot(page, 'editor-problem-1366');
    await page.keyboard.press('Control+z');
    await settled(page);
    await page.locator('.ed-try').first().click();
    await settled(page);
    await audit(page, 'what-if');
    await screenshot(page, 'editor-whatif-1366');
    await page.getByRole('button', { name: 'Kembali ke rencana' }).click();
    await settled(page);

    await page.setViewportSize(PHONE);
    const width = () => page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok((await width()) <= PHONE.width, `page is ${await width()} px wide at 390 px`);
    await audit(page, 'editor at 390 px');
    await screenshot(page, 'editor-phone');
    // The programs as cards: each field keeps a visible label.
    const label = await page.locator('#ed-programs-table td.ed-c-status').first().evaluate((td) => getComputedStyle(td, '::before').content);
    assert.equal(label, '"Status"');
    await page.locator('.ed-try').first().click();
    await settled(page);
    assert.ok((await width()) <= PHONE.width);
    await screenshot(page, 'editor-whatif-phone');
    await finish(record);
  });
});
