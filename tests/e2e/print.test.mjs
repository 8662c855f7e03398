// The official report (issue 12): the printed PDF of a sample read back as text (pdftotext,
// Debian poppler-utils) and its pages rendered to PNG for a look (tests/e2e/artifacts/); the
// layout after a sample loads (the index card in view and focused) at phone and laptop sizes;
// findings that name programs, never a JSON location; "Lupakan data" asking first and saying
// truthfully what it removed; OPDs in Indonesian order; distinct accessible names.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { artifactsDir, repoRoot, screenshot, useTool } from './harness.mjs';

const SUKAMAJU = 'kabupaten-sukamaju-2024.json';

// The engine in Node: how many findings each group must hold (the grouping is the page's; the
// findings are the engine's, and may be regrouped by it).
const pkg = await import(path.join(repoRoot, 'www/pkg/kota_cerdas_mandiri.js'));
pkg.initSync({ module: readFileSync(path.join(repoRoot, 'www/pkg/kota_cerdas_mandiri_bg.wasm')) });
const ENGINE = pkg.assessText(readFileSync(path.join(repoRoot, 'www/samples', SUKAMAJU), 'utf8'), {});
const DISKOMINFO = ENGINE.agencies.findIndex((g) => g.name === 'Diskominfo');
const count = (pred) => ENGINE.findings.filter(pred).length;
const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1366, height: 768 };
const SMALL_LAPTOP = { width: 1280, height: 800 };
const SIGNER = {
  place: 'Sukamaju',
  position: 'Kepala Dinas Komunikasi dan Informatika',
  name: 'Dr. Rina Wulandari, S.Kom., M.T.',
  rank: 'Pembina Tingkat I (IV/b)',
  nip: '19750101 200003 2 001',
  unit: 'Dinas Komunikasi dan Informatika',
};
/** JSON Pointers into a masterplan, and field names of the format, that no reader should see. */
const MACHINE = /\/(programs|readiness|institutions|evaluation|impact|national_indices)\b|\b(evaluation\.previous|lead_agency|quick_win|input_sha256|unknown_pillar|claim_without_evidence)\b/;

// One browser and one server for the file; finish() asserts no console error and no remote
// request, then closes.
const tool = useTool();
const { finish } = tool;
const open = (viewport = LAPTOP) => tool.open({ viewport });

async function loadSample(page, name = SUKAMAJU) {
  await page.click(`button[data-sample="${name}"]`);
  await page.waitForSelector('#summary');
  await page.waitForFunction(() => document.body.dataset.busy === 'false');
}

/** The page printed to PDF as Chromium's print dialog would, then read back as text per page. */
async function printed(page, name) {
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ preferCSSPageSize: true });
  await page.emulateMedia({ media: 'screen' });
  const dir = path.join(artifactsDir, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))[1]);
  // Reading order (not -layout): a table cell's wrapped lines stay together; spaces collapsed.
  const raw = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  const flat = (s) => s.replace(/\s+/g, ' ');
  // Each page as a PNG, to look at (the paths go in the report of the change).
  execFileSync('pdftoppm', ['-png', '-r', '60', file, path.join(dir, 'page')]);
  const pngs = readdirSync(dir).filter((f) => f.endsWith('.png'));
  return { pages, text: flat(raw), byPage: raw.split('\f').slice(0, pages).map(flat), lines: raw.split('\f').slice(0, pages), pngs, dir };
}

const longDate = (locale) => new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'id-ID', { dateStyle: 'long' }).format(new Date());

describe('the official report', () => {
  test('printed (Indonesian): letterhead, long date, page numbers, signature, findings by program code, no JSON location', async () => {
    const record = await open();
    const { page } = record;
    await loadSample(page);
    for (const [key, value] of Object.entries(SIGNER)) await page.fill(`#letter-${key}`, value);
    await page.setInputFiles('#letter-logo', path.join(repoRoot, 'www/favicon.svg'));
    await page.waitForSelector('#print-report .kop-logo', { state: 'attached' });
    const pdf = await printed(page, 'report-id');
    const { text, pages, byPage } = pdf;
    assert.ok(pages >= 5, `${pages} pages`);
    assert.equal(pdf.pngs.length, pages);
    // Letterhead, title and the long date ("3 Desember 2026").
    assert.match(byPage[0], /PEMERINTAH KABUPATEN SUKAMAJU/);
    assert.match(byPage[0], /DINAS KOMUNIKASI DAN INFORMATIKA/);
    assert.match(byPage[0], /LAPORAN PENILAIAN MANDIRI SMART CITY/);
    assert.ok(byPage[0].includes(longDate('id')), `the date ${longDate('id')} on page 1`);
    assert.match(longDate('id'), /^\d{1,2} (Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember) \d{4}$/);
    // The one-page summary is page 1 (the index and its dimensions), contents follow.
    assert.match(byPage[0], /1\. Ringkasan/);
    assert.match(byPage[0], /3,37/);
    assert.match(byPage[1], /Daftar isi/);
    // Page numbers on every page: "Halaman n dari N".
    byPage.forEach((p, i) => assert.ok(p.includes(`Halaman ${i + 1} dari ${pages}`), `page ${i + 1} numbered`));
    // No page holds only its footer: every page has more than the running footer.
    pdf.lines.forEach((p, i) => {
      const body = p.split('\n').filter((l) => l.trim() && !/Halaman \d+ dari \d+|Laporan penilaian mandiri smart city/.test(l));
      assert.ok(body.length >= 3, `page ${i + 1} has content: ${JSON.stringify(body)}`);
    });
    // Findings as a to-do table per OPD, naming programs by code and name.
    const findings = text.slice(text.lastIndexOf('5. Temuan dan tindak lanjut per OPD'), text.lastIndexOf('6. Kesiapan daerah'));
    assert.match(findings, /Tindak\s+lanjut/);
    assert.match(findings, /GOV-08 · Portal Satu Data/);
    assert.match(findings, /SOC-08 · Tombol/);
    assert.ok(findings.includes(`Diskominfo (${count((x) => x.agency_index === DISKOMINFO)} temuan)`), 'Diskominfo has its own table');
    // A readiness finding names its question, not the item's id alone.
    assert.match(findings, /Apakah tata kelola dan pembagian peran/);
    // The signature block: place and date, position, name, rank, NIP.
    assert.ok(text.includes(`Sukamaju, ${longDate('id')}`));
    for (const line of [`${SIGNER.position},`, SIGNER.name, SIGNER.rank, `NIP ${SIGNER.nip}`]) assert.ok(text.includes(line), line);
    // The annex after the signature: every program.
    assert.ok(text.lastIndexOf('Lampiran: Daftar program') > text.indexOf(SIGNER.name));
    assert.match(text.slice(text.lastIndexOf('Lampiran: Daftar program')), /ENV-05/);
    // Method and sources in Indonesian; the method note in Indonesian.
    assert.match(text, /7\. Metode dan sumber/);
    assert.match(text, /Bobot mereproduksi hasil resmi/);
    assert.match(text, /Kategori SAKIP, PermenPANRB 88\/2021/);
    assert.doesNotMatch(text, /SAKIP grades|predicates|programmes running/);
    // Nothing screen-only, no JSON location or field name.
    assert.doesNotMatch(text, MACHINE);
    assert.doesNotMatch(text, /Bagaimana|Unduh|Cetak \/|Pilih berkas|Kelompokkan|lokasi/);
    await finish(record);
  });

  test('printed in English when the page is in English; the signature is remembered on the device', async () => {
    const record = await open();
    const { page } = record;
    await loadSample(page);
    await page.fill('#letter-name', SIGNER.name);
    await page.fill('#letter-nip', SIGNER.nip);
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    await page.waitForSelector('#letter-name');
    assert.equal(await page.inputValue('#letter-name'), SIGNER.name, 'kept on the device');
    await page.click('#lang');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    const { text, pages, byPage } = await printed(page, 'report-en');
    assert.match(byPage[0], /GOVERNMENT OF KABUPATEN SUKAMAJU/);
    assert.ok(byPage[0].includes(longDate('en')), longDate('en'));
    byPage.forEach((p, i) => assert.ok(p.includes(`Page ${i + 1} of ${pages}`), `page ${i + 1}`));
    assert.doesNotMatch(text, /Halaman \d/);
    assert.match(text, /7\. Method and sources/);
    assert.match(text, /The weights reproduce the published/);
    assert.match(text, /SAKIP grades, PermenPANRB 88\/2021/);
    assert.match(text, /Findings and follow-up per agency/);
    assert.ok(text.includes(`NIP ${SIGNER.nip}`));
    assert.doesNotMatch(text, MACHINE);
    await finish(record);
  });

  for (const [label, viewport] of [['phone 390 px', PHONE], ['1366×768', LAPTOP]]) {
    test(`${label}: after choosing a sample the index is in view and focused`, async () => {
      const record = await open(viewport);
      const { page } = record;
      await loadSample(page);
      const where = await page.evaluate(() => {
        const card = document.getElementById('index-card');
        const r = card.getBoundingClientRect();
        return { focused: document.activeElement === card, top: r.top, bottom: r.bottom, left: r.left, right: r.right, h: innerHeight, w: innerWidth, name: card.textContent };
      });
      assert.ok(where.focused, 'the index card has focus');
      assert.ok(where.top >= 0 && where.bottom <= where.h && where.left >= 0 && where.right <= where.w, `index card fully in view: ${JSON.stringify(where)}`);
      assert.match(await page.locator('#status').innerText(), /selesai dinilai.*milidetik/);
      await screenshot(page, `layout-${viewport.width}-after-sample`);
      await finish(record);
    });
  }

  test('phone: wide tables stack, each value under its column name; the page never scrolls sideways', async () => {
    const record = await open(PHONE);
    const { page } = record;
    await loadSample(page);
    const overflow = await page.evaluate(() => document.scrollingElement.scrollWidth - innerWidth);
    assert.ok(overflow <= 0, `page wider than the screen by ${overflow} px`);
    const tables = await page.evaluate(() =>
      [...document.querySelectorAll('#results table.stack')].filter((t) => t.checkVisibility()).map((t) => {
        const wrap = t.closest('.table-wrap');
        const row = t.querySelector('tbody tr');
        const key = row?.firstElementChild?.getBoundingClientRect();
        return { id: t.id || t.className, clipped: wrap.scrollWidth > wrap.clientWidth + 1, keyLeft: key?.left ?? 0, keyRight: key?.right ?? 0 };
      }));
    assert.ok(tables.length >= 4, JSON.stringify(tables));
    for (const t of tables) {
      assert.ok(!t.clipped, `${t.id}: columns cut off`);
      assert.ok(t.keyLeft >= 0 && t.keyRight <= 390, `${t.id}: key column in view`);
    }
    // The column names travel with the values.
    assert.equal(await page.locator('#pillars tbody tr[data-pillar="economy"] td').nth(2).getAttribute('data-label'), 'Capaian');
    await page.locator('#pillars').screenshot({ path: path.join(artifactsDir, 'pillars-phone.png') });
    await page.locator('#programs').screenshot({ path: path.join(artifactsDir, 'programs-phone.png') });
    await finish(record);
  });

  for (const viewport of [SMALL_LAPTOP, LAPTOP]) {
    test(`${viewport.width} px: nothing clips (no table scrolls sideways, the page does not either)`, async () => {
      const record = await open(viewport);
      const { page } = record;
      await loadSample(page);
      const clipped = await page.evaluate(() =>
        [...document.querySelectorAll('#results .table-wrap')].filter((w) => w.checkVisibility() && w.scrollWidth > w.clientWidth + 1).map((w) => w.getAttribute('aria-label')));
      assert.deepEqual(clipped, []);
      assert.ok((await page.evaluate(() => document.scrollingElement.scrollWidth - innerWidth)) <= 0);
      // Program codes are never broken at the hyphen.
      const codes = await page.evaluate(() => [...document.querySelectorAll('#results .code')].filter((c) => c.checkVisibility()).map((c) => {
        const range = document.createRange();
        range.selectNodeContents(c);
        return { code: c.textContent, lines: new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size };
      }));
      assert.ok(codes.length >= 45, `${codes.length} codes shown`);
      assert.deepEqual(codes.filter((c) => c.lines > 1), []);
      await screenshot(page, `layout-${viewport.width}-results`);
      await finish(record);
    });
  }

  test('findings name their program or question, grouped by OPD or pillar, and no visible text is a JSON location', async () => {
    const record = await open();
    const { page } = record;
    await loadSample(page);
    const all = await page.locator('#findings').innerText();
    assert.match(all, /GOV-08 · Portal Satu Data Sukamaju/);
    assert.match(all, /Apakah tata kelola dan pembagian peran antar-OPD/);
    await page.selectOption('#findings-group', 'agency');
    const groups = await page.locator('#findings-groups h3').allInnerTexts();
    assert.equal(groups[0], `Tingkat daerah (lintas OPD) (${count((x) => typeof x.agency_index !== 'number')})`);
    assert.ok(groups.includes(`Diskominfo (${count((x) => x.agency_index === DISKOMINFO)})`), groups.join(' | '));
    assert.match(await page.locator(`#findings-agency-${DISKOMINFO}`).innerText(), /GOV-08 · Portal Satu Data Sukamaju/);
    // SOC-02 (Diskominfo) and SOC-07 (Satpol PP) are both running without evidence: the engine
    // gives one finding for the pillar listing both, with no single OPD, so region-wide.
    assert.match(await page.locator('#findings-agency-none').innerText(), /SOC-02 · Gerakan Desa Cakap Digital[\s\S]*SOC-07 · Patroli Ketertiban/);
    await page.selectOption('#findings-group', 'pillar');
    assert.ok((await page.locator('#findings-groups h3').allInnerTexts()).includes(`Smart Economy (${count((x) => x.pillar === 'economy')})`));
    await page.selectOption('#findings-severity', 'warning');
    assert.equal(await page.locator('#findings-groups li.finding').count(), ENGINE.finding_counts.warning);
    // Nowhere on the page (every section, every language) a pointer or a field name.
    for (const sample of ['kabupaten-sukamaju-2024.json', 'kabupaten-early-stage-2023.json', 'kota-pelita-2024.json']) {
      await loadSample(page, sample);
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
      assert.doesNotMatch(await page.locator('body').innerText(), MACHINE, sample);
    }
    await page.locator('#findings').screenshot({ path: path.join(artifactsDir, 'findings-desktop.png') });
    await finish(record);
  });

  test('OPDs in Indonesian order (Bapenda before BPBD); distinct names for the "how" controls and the program lists', async () => {
    const record = await open();
    const { page } = record;
    await loadSample(page);
    const options = await page.locator('#agency-select option').allInnerTexts();
    assert.ok(options.indexOf('Bapenda') < options.indexOf('BPBD'), options.join(' | '));
    assert.ok(options.indexOf('Bappeda') < options.indexOf('BPBD'));
    const rows = await page.locator('#agency-table tbody th').allInnerTexts();
    assert.deepEqual(rows, options.slice(1));
    const hows = await page.locator('#dimensions .dim summary').allInnerTexts();
    assert.equal(new Set(hows).size, hows.length, hows.join(' | '));
    assert.equal(hows[0], 'Bagaimana skor Baseline dihitung?');
    await page.selectOption('#agency-select', { label: 'Diskominfo' });
    const regions = await page.locator('[role="region"]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    assert.equal(new Set(regions).size, regions.length, regions.join(' | '));
    // The method switcher sits below the five dimensions and marks disputed methods.
    const order = await page.evaluate(() => [...document.querySelectorAll('#results > section')].map((s) => s.id));
    assert.ok(order.indexOf('method') > order.indexOf('dimensions'), order.join(' '));
    await finish(record);
  });

  test('"Lupakan data" asks first, says what it removed, and says so when nothing was stored', async () => {
    const record = await open();
    const { page } = record;
    // Nothing stored yet: nothing to ask, and it says so.
    await page.click('#forget');
    await page.waitForFunction(() => /Tidak ada data/.test(document.getElementById('status').textContent));
    await loadSample(page);
    await page.fill('#letter-name', SIGNER.name);
    await page.click('#forget');
    const dialog = page.locator('dialog[open]');
    await dialog.waitFor();
    assert.match(await dialog.innerText(), /berkas dan hasil terakhir dan kop surat dan tanda tangan laporan/);
    await dialog.locator('button[value="no"]').click();
    assert.ok(await page.locator('#summary').isVisible(), 'cancel keeps everything');
    await page.click('#forget');
    await page.locator('dialog[open] button[value="yes"]').click();
    await page.waitForFunction(() => document.body.dataset.state === 'empty');
    assert.match(await page.locator('#status').innerText(), /^Dihapus dari perangkat ini: berkas dan hasil terakhir dan kop surat/);
    assert.equal(await page.evaluate(() => localStorage.getItem('kcm.letter')), null);
    await finish(record);
  });

  test('a Word document renamed .json is called a Word document, with what to choose instead', async () => {
    const record = await open();
    const { page } = record;
    // A minimal .docx: a zip whose first entries are [Content_Types].xml and word/document.xml.
    const docx = Buffer.from(execFileSync('python3', ['-c', `
import io, sys, zipfile
b = io.BytesIO()
with zipfile.ZipFile(b, 'w') as z:
    z.writestr('[Content_Types].xml', '<Types/>')
    z.writestr('word/document.xml', '<w:document/>')
sys.stdout.buffer.write(b.getvalue())`]));
    await page.setInputFiles('#file', { name: 'laporan.json', mimeType: 'application/json', buffer: docx });
    await page.waitForSelector('#problems:not([hidden])');
    const shown = await page.locator('#problems').innerText();
    assert.match(shown, /laporan\.json adalah dokumen Word, bukan masterplan\. Pilih berkas masterplan/);
    assert.doesNotMatch(shown, /Excel gagal|berkas Excel atau berkas biner/);
    await finish(record);
  });
});

// The read-back needs poppler-utils (scripts/setup.sh installs it).
try {
  execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
} catch {
  throw new Error('pdftotext missing: run make setup (poppler-utils)');
}
