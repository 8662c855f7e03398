// Excel workbooks on the page (issue 10), in real Chromium: the template downloaded from the
// page, filled by another writer (tests/e2e/xlsx.mjs: inline-string cells typed into its
// sheet XML, re-zipped by node:zlib; and LibreOffice's .ods of the same, committed), chosen,
// dropped, assessed with hand-derived numbers; an invalid label located by sheet and cell; a
// file that only claims to be a workbook; the masterplan on screen saved as a workbook. The
// workbook module is loaded only when one of these happens.
//
// The filled workbook, by hand (method kominfo-2022, weights 10/20/30/20/20; binary counting
// of programs with horizon quick win, short or medium that started by the evaluation year):
//   Smart Governance: GOV-01 Berjalan, GOV-02 Selesai, GOV-03 Direncanakan (starts 2024)
//                     → 2 of 3 = 66,67 %
//   Smart Economy:    ECO-01 Berjalan, ECO-02 Selesai → 2 of 2 = 100 %
//   Smart Living:     LIV-01 Jangka panjang → not counted: nothing planned
//   all pillars: 4 of 5 = 80,00 %; Outcome = 1 + 3 × mean(2/3, 1) = 1 + 3 × 5/6 = 3,50
//   Quick win: GOV-01 due 2024, Diluncurkan 2024 → 1 of 1 due achieved = 100 %
//   Index = 0,1 × 3 + 0,2 × 3,25 + 0,3 × 3,50 + 0,2 × 3 + 0,2 × 4 = 0,30 + 0,65 + 1,05 + 0,60 + 0,80 = 3,40
//   (Baseline 3, Output 3,25, Impact 3, Quick Win 4 typed as the official scores);
//   previous index 3,10 (2023) → +0,30.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fixturesDir, repoRoot, screenshot, useTool } from './harness.mjs';
import { columns, fill } from './workbooks.mjs';
import { fillXlsx, sheetCells, sheetTexts, unzip, zip } from './xlsx.mjs';

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
const sha256 = (buf) => createHash('sha256').update(buf).digest('hex');
const SUKAMAJU = path.join(repoRoot, 'www/samples/kabupaten-sukamaju-2024.json');
/** LibreOffice Calc's .ods of the filled template (see fixtures/README.md). */
const ODS = path.join(fixturesDir, 'workbook-uji.ods');
const WORKBOOK_MODULE = /pkg-workbook\//;

const tool = useTool();
const open = (viewport = DESKTOP) => tool.open({ viewport });
const { finish } = tool;

const text = (page, selector) => page.locator(selector).first().innerText();
const workbookRequests = (record) => record.requests.filter((r) => WORKBOOK_MODULE.test(r.url));

async function giveFile(page, name, buffer, mimeType) {
  const before = await page.evaluate(() => document.getElementById('status').textContent);
  await page.setInputFiles('#file', { name, mimeType, buffer });
  await page.waitForFunction((prev) => document.getElementById('status').textContent !== prev && document.body.dataset.busy === 'false', before);
}

async function drop(page, name, buffer) {
  await page.evaluate(
    ([fileName, b64]) => {
      const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([data], fileName));
      document.querySelector('main').dispatchEvent(new DragEvent('dragenter', { bubbles: true, dataTransfer: dt }));
      document.querySelector('main').dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: dt }));
    },
    [name, Buffer.from(buffer).toString('base64')],
  );
}

/** The template as the page offers it. */
async function downloadTemplate(page) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#dl-template')]);
  return { name: dl.suggestedFilename(), bytes: readFileSync(await dl.path()) };
}

/** The numbers derived by hand at the top of this file, on screen. */
async function assertHandDerived(page) {
  assert.equal(await text(page, '#summary-h'), 'Kabupaten Uji Excel');
  assert.equal(await text(page, '#index-value'), '3,40');
  assert.match(await text(page, '#improvement'), /\+0,30 dibanding 2023/);
  assert.equal(await text(page, '#overall-percent'), '80%');
  assert.match(await text(page, '#pillars tr[data-pillar="governance"]'), /66,67%/);
  assert.match(await text(page, '#pillars tr[data-pillar="economy"]'), /100%/);
  assert.match(await text(page, '#stat-qw'), /100%/);
  assert.match(await text(page, '#summary'), /1 dari 1 jatuh tempo tercapai/);
  assert.match(await text(page, '#dimensions'), /Outcome[\s\S]*3,50/);
  assert.equal(await page.locator('#programs tbody tr').count(), 6);
}

describe('workbooks on the page', () => {
  test('the first view and a JSON file load no workbook module; the template does, and is the template', async () => {
    const record = await open();
    const { page } = record;
    assert.deepEqual(workbookRequests(record), [], 'the first view requests nothing of pkg-workbook');
    assert.ok(record.requests.some((r) => /\/lib\/workbook-client\.js$/.test(r.url)), 'only the small client module');
    await page.click('button[data-sample="kabupaten-sukamaju-2024.json"]');
    await page.waitForSelector('#summary');
    await page.setInputFiles('#file', { name: 'sukamaju.json', mimeType: 'application/json', buffer: readFileSync(SUKAMAJU) });
    await page.waitForFunction(() => /sukamaju\.json/.test(document.getElementById('meta-file')?.textContent ?? ''));
    assert.deepEqual(workbookRequests(record), [], 'a JSON file does not load it either');

    assert.equal(await text(page, '#dl-template'), '⬇ Unduh templat Excel');
    const template = await downloadTemplate(page);
    assert.equal(template.name, 'kota-cerdas_templat-masterplan.xlsx');
    assert.deepEqual([...template.bytes.subarray(0, 4)], [0x50, 0x4b, 0x03, 0x04]);
    const sheets = [...unzip(template.bytes).get('xl/workbook.xml').toString('utf8').matchAll(/<sheet name="([^"]+)"/g)].map((m) => m[1]);
    assert.deepEqual(sheets, ['Petunjuk', 'Wilayah', 'Kelembagaan', 'Program', 'Kesiapan', 'Dampak', 'Indeks nasional', 'Daftar']);
    assert.equal(columns(template.bytes, 'Program').Status, 'H');
    assert.deepEqual(
      workbookRequests(record).map((r) => new URL(r.url).pathname).sort(),
      ['/pkg-workbook/kota_cerdas_workbook_wasm.js', '/pkg-workbook/kota_cerdas_workbook_wasm_bg.wasm'],
      'the module and its wasm, once',
    );
    assert.equal(await text(page, '#index-value'), '3,37', 'the results on screen stay');

    // In English the dropdowns carry English labels.
    await page.click('#lang');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    const english = await downloadTemplate(page);
    assert.equal(english.name, 'kota-cerdas_masterplan-template.xlsx');
    assert.equal(sheetTexts(english.bytes, 'Program').get('H2'), 'Running');
    assert.equal(sheetTexts(template.bytes, 'Program').get('H2'), 'Berjalan');
    await finish(record);
  });

  test('the template filled by another writer, chosen and dropped: the hand-derived numbers; the saved JSON re-opens with the same hash', async () => {
    const record = await open();
    const { page } = record;
    const template = await downloadTemplate(page);
    const filled = fill(template.bytes);
    await giveFile(page, 'uji-excel.xlsx', filled, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    await assertHandDerived(page);
    assert.ok(await page.locator('#problems').isHidden(), 'no notes: every sheet was read');
    assert.equal(await text(page, '#meta-file'), 'uji-excel.xlsx');
    await screenshot(page, 'workbook-desktop');

    // The input hash is the SHA-256 of the masterplan JSON text saved for the workbook.
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#dl-json')]);
    const saved = JSON.parse(readFileSync(await dl.path(), 'utf8'));
    assert.equal(typeof saved.input_text, 'string');
    assert.equal(saved.input_sha256, sha256(Buffer.from(saved.input_text, 'utf8')));
    assert.equal(await text(page, '#input-hash'), saved.input_sha256);
    assert.deepEqual(JSON.parse(saved.input_text), saved.masterplan);
    assert.equal(saved.masterplan.programs[0].status, 'running', 'labels became ids');
    assert.deepEqual(saved.masterplan.programs[0].quick_win, { year: 2024, status: 'launched', launched_year: 2024 });
    assert.equal(saved.masterplan.evaluation.dimension_scores.output, 3.25);

    // The store keeps that text: a reload restores the same assessment, same hash.
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    await page.waitForSelector('#summary');
    await assertHandDerived(page);
    assert.equal(await text(page, '#input-hash'), saved.input_sha256);
    assert.match(await text(page, '#status'), /dipulihkan/);

    // The saved JSON opens again as itself.
    await page.click('button[data-sample="kota-pelita-2024.json"]');
    await page.waitForFunction(() => document.getElementById('summary-h')?.textContent === 'Kota Pelita');
    await giveFile(page, dl.suggestedFilename(), readFileSync(await dl.path()), 'application/json');
    await assertHandDerived(page);

    // Dropped anywhere, with no type and a name without extension: read by its bytes.
    await page.click('button[data-sample="kota-pelita-2024.json"]');
    await page.waitForFunction(() => document.getElementById('summary-h')?.textContent === 'Kota Pelita');
    await drop(page, 'dari-email', filled);
    await page.waitForFunction(() => document.getElementById('summary-h')?.textContent === 'Kabupaten Uji Excel');
    await assertHandDerived(page);
    await page.setViewportSize(PHONE);
    await screenshot(page, 'workbook-phone');
    await finish(record);
  });

  test('what the reader skipped is listed beside the results (a field the template does not have)', async () => {
    const record = await open();
    const { page } = record;
    const template = await downloadTemplate(page);
    const extra = fillXlsx(fill(template.bytes), { Wilayah: { A20: 'Nama bupati', B20: 'Budi' } });
    await giveFile(page, 'uji-tambahan.xlsx', extra, '');
    await assertHandDerived(page);
    await page.waitForSelector('#problems[data-kind="read"]:not([hidden])');
    assert.match(await text(page, '#problems-h'), /Catatan dari workbook/);
    const item = page.locator('#problems li[data-sheet="Wilayah"][data-cell="A20"]');
    assert.equal(await item.count(), 1);
    assert.match(await item.innerText(), /isian "Nama bupati" tidak dikenal dan tidak dibaca/);
    assert.equal(await page.evaluate(() => document.body.dataset.state), 'results');
    assert.match(await text(page, '#status'), /selesai dinilai/);
    await finish(record);
  });

  test('the same workbook saved by LibreOffice as .ods reads the same', async () => {
    const record = await open();
    const { page } = record;
    await giveFile(page, 'uji-excel.ods', readFileSync(ODS), 'application/vnd.oasis.opendocument.spreadsheet');
    await assertHandDerived(page);
    await finish(record);
  });

  test('an invalid label is reported with its sheet and cell, in both languages, and the results on screen stay', async () => {
    const record = await open();
    const { page } = record;
    await page.click('button[data-sample="kabupaten-sukamaju-2024.json"]');
    await page.waitForSelector('#summary');
    const template = await downloadTemplate(page);
    // The fourth program (row 6) has the status "Jalan", which is no status.
    const bad = fill(template.bytes, { status: { 3: 'Jalan' } });
    await giveFile(page, 'uji-salah.xlsx', bad, '');
    assert.ok(await page.locator('#problems').isVisible());
    const status = columns(template.bytes, 'Program').Status;
    const item = page.locator(`#problems li[data-sheet="Program"][data-cell="${status}6"]`);
    assert.equal(await item.count(), 1);
    const shown = await item.innerText();
    assert.match(shown, new RegExp(`Program, baris 6, kolom Status \\(${status}6\\): "Jalan" bukan status program yang dikenal`));
    assert.match(shown, new RegExp(`lembar Program, sel ${status}6`));
    // Located for people by sheet and cell; the JSON Pointer is for tools, never shown (round 3).
    assert.doesNotMatch(shown, /\/programs\//);
    assert.equal(await page.locator('#problems li').count(), 1, 'one problem, not the engine\'s "missing" too');
    assert.match(await text(page, '#problems-lead'), /uji-salah\.xlsx: ada 1 masalah/);
    assert.match(await text(page, '#problems'), /Hasil sebelumnya tetap ditampilkan/);
    assert.equal(await text(page, '#index-value'), '3,37', 'previous results kept');
    assert.equal(await page.evaluate(() => document.body.dataset.state), 'error');
    await screenshot(page, 'workbook-problem-desktop');

    await page.click('#lang');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    const english = await text(page, '#problems');
    assert.match(english, new RegExp(`Programs, row 6, column Status \\(${status}6\\): "Jalan" is not a known program status`));
    assert.match(english, new RegExp(`sheet Program, cell ${status}6`));
    await page.setViewportSize(PHONE);
    await screenshot(page, 'workbook-problem-phone');

    // Fixed and opened again: assessed, the panel gone.
    await page.click('#lang');
    await page.waitForFunction(() => document.documentElement.lang === 'id');
    await giveFile(page, 'uji-benar.xlsx', fill(template.bytes), '');
    await assertHandDerived(page);
    assert.ok(await page.locator('#problems').isHidden());
    await finish(record);
  });

  test('a file that only claims to be a workbook gets a clear message; a JSON named .xlsx is read as JSON', async () => {
    const record = await open();
    const { page } = record;
    await page.click('button[data-sample="kabupaten-sukamaju-2024.json"]');
    await page.waitForSelector('#summary');

    await giveFile(page, 'laporan.xlsx', Buffer.from('Nama program;Status\nMal;Berjalan\n'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    let shown = await text(page, '#problems');
    assert.match(shown, /Berkas ini bukan workbook Excel \(\.xlsx\) atau LibreOffice \(\.ods\)/);
    assert.match(shown, /seluruh berkas/);
    assert.equal(await text(page, '#index-value'), '3,37');

    await giveFile(page, 'rusak.xlsx', Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(200, 7)]), '');
    shown = await text(page, '#problems');
    assert.match(shown, /tampaknya workbook, tetapi rusak atau tidak lengkap/);
    assert.equal(await text(page, '#index-value'), '3,37');

    // An old .xls or a password-protected workbook: the compound-file container.
    const cfb = Buffer.alloc(512);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(cfb);
    await giveFile(page, 'terkunci.xlsx', cfb, '');
    assert.match(await text(page, '#problems'), /dilindungi kata sandi \(terenkripsi\) atau berformat lama \.xls/);

    // A Word document is a zip too.
    await giveFile(page, 'surat.docx', zipOf('word/document.xml', '<w:document/>'), '');
    // The page recognises the Word document by its content before the workbook reader.
    assert.match(await text(page, '#problems'), /surat\.docx adalah dokumen Word, bukan masterplan/);
    assert.equal(await text(page, '#index-value'), '3,37');

    // Content wins over the name: a masterplan JSON named .xlsx is assessed as JSON.
    await giveFile(page, 'pelita.xlsx', readFileSync(path.join(repoRoot, 'www/samples/kota-pelita-2024.json')), '');
    assert.equal(await text(page, '#summary-h'), 'Kota Pelita');
    assert.ok(await page.locator('#problems').isHidden());
    await finish(record);
  });

  test('"Hasil (Excel)": the results on screen as a workbook, numbers as numbers, the findings as an action plan; the method chosen on the page', async () => {
    const record = await open();
    const { page } = record;
    const template = await downloadTemplate(page);
    await giveFile(page, 'uji-excel.xlsx', fill(template.bytes), '');
    await assertHandDerived(page);
    const results = async () => {
      const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#dl-results-xlsx')]);
      return { name: dl.suggestedFilename(), bytes: readFileSync(await dl.path()) };
    };
    const first = await results();
    assert.match(first.name, /^kota-cerdas_kabupaten-uji-excel_2024_\d{4}-\d\d-\d\d_hasil\.xlsx$/);
    const sheets = [...unzip(first.bytes).get('xl/workbook.xml').toString('utf8').matchAll(/<sheet name="([^"]+)"/g)].map((m) => m[1]);
    assert.deepEqual(sheets, ['Ringkasan', 'Pilar', 'Quick win', 'Temuan', 'Per OPD', 'Program']);
    /** Column B of the summary row whose column A reads `label`. */
    const summary = (bytes) => {
      const cells = sheetCells(bytes, 'Ringkasan');
      return (label) => {
        const ref = [...cells].find(([r, v]) => r.startsWith('A') && v === label)?.[0];
        assert.ok(ref, label);
        return cells.get(`B${ref.slice(1)}`);
      };
    };
    let s = summary(first.bytes);
    assert.equal(s('Daerah'), 'Kabupaten Uji Excel');
    assert.equal(s('Indeks Pencapaian (1–4)'), 3.4);
    assert.equal(s('Perubahan dibanding 2023'), 0.3);
    assert.equal(s('Capaian program (semua pilar)'), 80);
    assert.equal(s('Quick win tercapai'), 100);
    assert.equal(s('SHA-256 masukan'), await text(page, '#input-hash'));
    const pilar = sheetCells(first.bytes, 'Pilar');
    assert.deepEqual([pilar.get('A2'), pilar.get('B2'), pilar.get('C2'), pilar.get('D2')], ['Smart Governance', 3, 2, 66.67]);
    const temuan = sheetCells(first.bytes, 'Temuan');
    assert.deepEqual(['H1', 'I1', 'J1'].map((r) => temuan.get(r)), ['Tindak lanjut', 'Tenggat', 'Penanggung jawab']);
    const findings = await page.locator('#findings-list > li').count();
    assert.equal([...temuan.keys()].filter((r) => /^D\d+$/.test(r)).length - 1, findings, 'one row per finding on screen');
    const program = sheetCells(first.bytes, 'Program');
    assert.deepEqual(['A3', 'H3', 'K3', 'L3'].map((r) => program.get(r)), ['GOV-02', 'Selesai', 'Ya', 'Ya']);
    assert.deepEqual(['A7', 'K7', 'N7'].map((r) => program.get(r)), ['LIV-01', 'Tidak', 'Jangka di luar yang dihitung']);

    // Another method on the page: 0,1 × 3 + 0,2 × 3,25 + 0,3 × 3,50 + 0,3 × 3 + 0,1 × 4 = 3,30.
    await page.selectOption('#method-select', 'kominfo-sleman');
    await page.waitForFunction(() => document.getElementById('index-value')?.textContent === '3,30');
    s = summary((await results()).bytes);
    assert.equal(s('Indeks Pencapaian (1–4)'), 3.3);
    assert.match(s('Metode'), /kominfo-sleman/);

    // In English: English sheets and labels.
    await page.click('#lang');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    const english = await results();
    assert.match(english.name, /_results\.xlsx$/);
    assert.equal(sheetCells(english.bytes, 'Findings').get('H1'), 'Follow-up');
    assert.equal(sheetCells(english.bytes, 'Programs').get('H3'), 'Completed');
    await finish(record);
  });

  test('rows pasted from a spreadsheet replace the programs of the masterplan on screen; problems by row and column', async () => {
    const record = await open();
    const { page } = record;
    const paste = (text) =>
      page.evaluate((t) => {
        const dt = new DataTransfer();
        dt.setData('text/plain', t);
        document.body.dispatchEvent(new ClipboardEvent('paste', { bubbles: true, cancelable: true, clipboardData: dt }));
      }, text);
    // As Excel copies them: tabs, CRLF; columns in another order; labels in both languages and as ids.
    const table = [
      'Nama program\tID program\tStatus\tPilar\tHorizon\tStart year\tOPD penanggung jawab',
      'Mal Pelayanan Publik\tGOV-01\tBerjalan\tSmart Governance\tJangka menengah\t2022\tDPMPTSP',
      'Satu Data\tGOV-02\tcompleted\tgovernance\tShort term\t2023\tDiskominfo',
      'Pasar Digital\tECO-01\tDirencanakan\tSmart Economy\tshort\t2024\t',
      'Kota Sehat\tLIV-01\tRunning\tSmart Living\tJangka panjang\t2025\tDinkes',
    ].join('\r\n');

    // Nothing open yet: nowhere to put the programs.
    await paste(table);
    await page.waitForSelector('#problems:not([hidden])');
    assert.match(await text(page, '#problems'), /belum ada masterplan/);
    assert.deepEqual(workbookRequests(record), [], 'refused before the module is needed');

    await page.click('button[data-sample="kabupaten-sukamaju-2024.json"]');
    await page.waitForSelector('#summary');
    assert.equal(await text(page, '#index-value'), '3,37');
    await paste(table);
    await page.waitForFunction(() => /tabel program yang ditempel/.test(document.getElementById('meta-file')?.textContent ?? ''));
    // By hand (2024): counted GOV-01, GOV-02, ECO-01 (LIV-01 long-term); implemented GOV-01,
    // GOV-02: governance 2 of 2 = 100 %, economy 0 of 1 = 0 %, all 2 of 3 = 66,67 %.
    assert.equal(await text(page, '#summary-h'), 'Kabupaten Sukamaju', 'the rest of the masterplan stays');
    assert.equal(await text(page, '#meta-file'), 'kabupaten-sukamaju-2024.json + tabel program yang ditempel');
    assert.equal(await text(page, '#overall-percent'), '66,67%');
    assert.match(await text(page, '#pillars tr[data-pillar="governance"]'), /100%/);
    assert.match(await text(page, '#pillars tr[data-pillar="economy"]'), /0%/);
    assert.equal(await page.locator('#programs tbody tr').count(), 4);
    assert.ok(await page.locator('#problems').isHidden());

    // A wrong status on the third line, through the text box and its button.
    await page.fill('#paste', table.replace('\tcompleted\t', '\tJalan\t'));
    await page.click('#paste-go');
    await page.waitForSelector('#problems:not([hidden])');
    const item = page.locator('#problems li[data-cell="C3"]');
    assert.equal(await item.count(), 1);
    assert.match(await item.innerText(), /Tabel tempelan, baris 3, kolom Status \(C3\): "Jalan" bukan status program yang dikenal/);
    assert.equal(await text(page, '#overall-percent'), '66,67%', 'the results on screen stay');
    await page.setViewportSize(PHONE);
    await screenshot(page, 'paste-problem-phone');
    await finish(record);
  });

  test('"Masterplan (Excel)": the masterplan on screen as a workbook that opens again the same; what it cannot carry is listed', async () => {
    const record = await open();
    const { page } = record;
    await page.click('button[data-sample="kabupaten-sukamaju-2024.json"]');
    await page.waitForSelector('#summary');
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#dl-xlsx')]);
    assert.match(dl.suggestedFilename(), /^kota-cerdas_kabupaten-sukamaju_2024_\d{4}-\d\d-\d\d_masterplan\.xlsx$/);
    const bytes = readFileSync(await dl.path());
    assert.equal(sheetTexts(bytes, 'Wilayah').get('B3'), 'Kabupaten Sukamaju');
    assert.ok(await page.locator('#problems').isHidden(), 'a sample carries over whole');

    await page.click('button[data-sample="kota-pelita-2024.json"]');
    await page.waitForFunction(() => document.getElementById('summary-h')?.textContent === 'Kota Pelita');
    await giveFile(page, dl.suggestedFilename(), bytes, '');
    assert.equal(await text(page, '#summary-h'), 'Kabupaten Sukamaju');
    assert.equal(await text(page, '#index-value'), '3,37');

    // A key the format does not know stays in JSON only: the download says so.
    const plan = JSON.parse(readFileSync(SUKAMAJU, 'utf8'));
    plan.catatan_internal = 'rapat 3 Mei';
    await giveFile(page, 'dengan-catatan.json', Buffer.from(JSON.stringify(plan)), 'application/json');
    const [dl2] = await Promise.all([page.waitForEvent('download'), page.click('#dl-xlsx')]);
    assert.ok(readFileSync(await dl2.path()).length > 0);
    await page.waitForSelector('#problems[data-kind="write"]:not([hidden])');
    assert.match(await text(page, '#problems-h'), /Tidak semua isi masuk ke workbook/);
    const item = page.locator('#problems li');
    assert.equal(await item.count(), 1);
    assert.match(await item.innerText(), /\/catatan_internal/);
    assert.match(await text(page, '#status'), /1 bagian masterplan tidak terbawa/);
    assert.equal(await text(page, '#index-value'), '3,37');
    await finish(record);
  });
});

/** A one-entry zip (a stand-in for a Word document). */
function zipOf(name, content) {
  return zip(new Map([[name, Buffer.from(content)]]));
}
