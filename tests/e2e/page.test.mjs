// The product page (www/index.html) in real Chromium: every way of getting a file in, the
// numbers shown against the engine's (formatted the Indonesian way), the method switch,
// downloads, bad and hostile files, restore/forget, privacy (no remote requests, CSP), and an
// accessibility audit. Screenshots of the main states go to tests/e2e/artifacts/.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { agencyPlan, boundaryPlan } from './plans.mjs';
import { cargoVersion, giveFile as give, openPage, repoRoot, screenshot, useTool } from './harness.mjs';

// The engine in Node: the facts and labels the page must show.
const pkg = await import(path.join(repoRoot, 'www/pkg/kota_cerdas_mandiri.js'));
pkg.initSync({ module: readFileSync(path.join(repoRoot, 'www/pkg/kota_cerdas_mandiri_bg.wasm')) });
const VOCAB = pkg.vocabularies();

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
const file = (rel) => path.join(repoRoot, rel);
const bytes = (rel) => readFileSync(file(rel));
const sha256 = (buf) => createHash('sha256').update(buf).digest('hex');
const SUKAMAJU = 'www/samples/kabupaten-sukamaju-2024.json';
const KEBUMEN = 'tests/fixtures/kebumen-2022.json';
const PELITA = 'www/samples/kota-pelita-2024.json';

// One browser and one server for the file; open() shows the page (DESKTOP, downloads through
// <a download>), finish() asserts no console error and no remote request, then closes.
const tool = useTool();
const { open, finish } = tool;

const text = (page, selector) => page.locator(selector).first().innerText();

async function loadSample(page, name) {
  await page.click(`button[data-sample="${name}"]`);
  await page.waitForSelector('#summary');
}

/** harness.giveFile with Playwright's default wait (30 s): these files are small. */
const giveFile = (page, name, buffer) => give(page, name, buffer, { timeout: 30_000 });

describe('the page', () => {

  test('a large file: the program table shows 50 rows a page, with a pager', async () => {
    const record = await open();
    const { page } = record;
    const { execFileSync } = await import('node:child_process');
    const big = execFileSync(process.execPath, [file('benches/generate.mjs'), '450'], { maxBuffer: 1 << 26 });
    const plan = JSON.parse(big);
    await giveFile(page, 'besar.json', big);
    const rows = () => page.locator('#programs tbody tr').count();
    const firstId = () => text(page, '#programs tbody tr td.mono');
    assert.equal(await rows(), 50);
    assert.match(await text(page, '#programs-count'), /450/);
    assert.equal(await text(page, '#programs-pager-range'), '1–50 dari 450');
    assert.equal(await firstId(), plan.programs[0].id);
    await page.click('#programs-pager-next');
    assert.equal(await text(page, '#programs-pager-range'), '51–100 dari 450');
    assert.equal(await firstId(), plan.programs[50].id);
    await page.click('#programs-pager-last');
    assert.equal(await rows(), 50);
    assert.equal(await text(page, '#programs-pager-range'), '401–450 dari 450');
    assert.equal(await page.getAttribute('#programs-pager-next', 'aria-disabled'), 'true');
    // A filter starts the paging over.
    await page.selectOption('#filter-pillar', 'governance');
    assert.ok((await rows()) <= 50);
    assert.match(await text(page, '#programs-pager-range'), /^1–/);
    await finish(record);
  });

  test('empty state: CSP, language, no requests beyond the page', async () => {
    const record = await open();
    const { page } = record;
    const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    assert.match(csp, /default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'/);
    assert.match(csp, /object-src 'none'; base-uri 'none'; form-action 'none'/);
    assert.equal(await page.getAttribute('html', 'lang'), 'id');
    assert.match(await text(page, '#empty'), /Belum ada hasil/);
    assert.equal(await page.locator('[style]').count(), 0, 'no style attributes (CSP)');
    assert.equal(await page.locator('button[data-sample]').count(), 4, 'the four samples of www/samples/index.json');
    await screenshot(page, 'empty-desktop');
    await page.setViewportSize(PHONE);
    await screenshot(page, 'empty-phone');
    await finish(record);
  });

  test('file input: Kebumen 2022 numbers match the engine; the hash matches the file bytes', async () => {
    const record = await open();
    const { page } = record;
    await giveFile(page, 'kebumen-2022.json', bytes(KEBUMEN));
    await page.waitForSelector('#summary');
    const branding = await text(page, '#pillars tr[data-pillar="branding"]');
    assert.match(branding, /85,71%/);
    assert.equal(await text(page, '#overall-percent'), '92,16%');
    assert.match(await text(page, '#stat-qw'), /83,33%/);
    assert.match(await text(page, '#summary'), /5 dari 6 jatuh tempo tercapai/);
    // Kebumen's file lacks evidence for three dimensions: an estimate, labelled, with the reason.
    assert.match(await text(page, '#index-value'), /^3,51 \(perkiraan\)$/);
    assert.match(await text(page, '#estimate-why'), /Baseline, Output, Impact/);
    assert.equal(await text(page, '#input-hash'), sha256(bytes(KEBUMEN)));
    await finish(record);
  });

  test('sample: Sukamaju 2026 quotes the Indeks Pemerintah Digital (issue 15)', async () => {
    const record = await open();
    const { page } = record;
    await page.click('button[data-sample="kabupaten-sukamaju-2026.json"]');
    await page.waitForSelector('#national tr[data-index="pemdi"]');
    // Pemdi 2,55: Baik under PermenPANRB 8/2026 (2,50 ≤ x < 3,50); SPBE's table would say Cukup.
    const row = await text(page, '#national tr[data-index="pemdi"]');
    assert.match(row, /Indeks Pemerintah Digital \(Pemdi\)/);
    assert.match(row, /2,55/);
    assert.match(row, /Baik/);
    assert.doesNotMatch(row, /Cukup/);
    assert.equal(await page.locator('#national tr[data-index="spbe"]').count(), 0);
    await page.click('#lang');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.match(await text(page, '#national tr[data-index="pemdi"]'), /Digital government index \(Pemdi\).*Good/s);
    await finish(record);
  });

  test('sample: Sukamaju 2024 index 3,37, +0,35; time to results; method switch recomputes', async () => {
    const record = await open();
    const { page } = record;
    const ms = await page.evaluate(async () => {
      const t0 = performance.now();
      document.querySelector('button[data-sample="kabupaten-sukamaju-2024.json"]').click();
      await new Promise((resolve) => {
        const check = () => (document.getElementById('summary') ? requestAnimationFrame(() => resolve()) : requestAnimationFrame(check));
        check();
      });
      return performance.now() - t0;
    });
    console.log(`# time from clicking a sample to results painted: ${ms.toFixed(1)} ms (first click, includes wasm init)`);
    assert.equal(await text(page, '#index-value'), '3,37');
    assert.match(await text(page, '#improvement'), /\+0,35 dibanding 2023/);
    assert.match(await text(page, '#summary'), /bukan hasil resmi/);
    assert.equal(await text(page, '#input-hash'), sha256(bytes(SUKAMAJU)));
    assert.match(await text(page, '#pillar-gaps'), /1 program Smart Economy lagi yang berjalan membawa pilar ini ke 75%/);
    assert.equal(await text(page, '#weights-sum'), '1');
    // The formula with the actual numbers, from the engine.
    await page.click('#dimensions details.how >> nth=1 >> summary');
    assert.match(await text(page, '#dimensions'), /Output = rata-rata\(4; 4; 4; 2; 4; 4; 4; 3\) = 3,63/);
    // Method switch: kominfo-sleman (engine: 3.39, improvement 0.37; a disputed preset).
    await page.selectOption('#method-select', 'kominfo-sleman');
    await page.waitForFunction(() => document.getElementById('index-value')?.textContent === '3,39');
    assert.match(await text(page, '#improvement'), /\+0,37/);
    assert.ok(await page.locator('#method-disputed').isVisible());
    assert.equal(await page.inputValue('#method-select'), 'kominfo-sleman');
    // A second sample click, engine warm.
    const warm = await page.evaluate(async () => {
      const t0 = performance.now();
      document.querySelector('button[data-sample="kota-pelita-2024.json"]').click();
      await new Promise((resolve) => {
        const check = () => (document.getElementById('summary-h')?.textContent === 'Kota Pelita' ? requestAnimationFrame(() => resolve()) : requestAnimationFrame(check));
        check();
      });
      return performance.now() - t0;
    });
    console.log(`# time from clicking a sample to results painted: ${warm.toFixed(1)} ms (engine warm)`);
    await finish(record);
  });

  test('drop: a file dropped on the page is assessed', async () => {
    const record = await open();
    const { page } = record;
    const content = readFileSync(file(PELITA), 'utf8');
    await page.evaluate((json) => {
      const dt = new DataTransfer();
      dt.items.add(new File([json], 'kota-pelita-2024.json', { type: 'application/json' }));
      document.querySelector('main').dispatchEvent(new DragEvent('dragenter', { bubbles: true, dataTransfer: dt }));
      document.querySelector('main').dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: dt }));
    }, content);
    await page.waitForSelector('#summary');
    assert.equal(await text(page, '#summary-h'), 'Kota Pelita');
    assert.equal(await text(page, '#index-value'), '3,70');
    assert.ok(await page.locator('#drop-overlay').isHidden());
    await finish(record);
  });

  test('paste: JSON pasted on the page is assessed; the textarea works too', async () => {
    const record = await open();
    const { page } = record;
    const content = readFileSync(file(SUKAMAJU), 'utf8');
    await page.evaluate((json) => {
      const dt = new DataTransfer();
      dt.setData('text/plain', json);
      document.body.dispatchEvent(new ClipboardEvent('paste', { bubbles: true, cancelable: true, clipboardData: dt }));
    }, content);
    await page.waitForSelector('#summary');
    assert.equal(await text(page, '#index-value'), '3,37');
    // The same text through the textarea and its button.
    await page.fill('#paste', readFileSync(file(PELITA), 'utf8'));
    await page.click('#paste-go');
    await page.waitForFunction(() => document.getElementById('summary-h')?.textContent === 'Kota Pelita');
    await finish(record);
  });

  test('downloads: JSON (round-trips), CSV id/en, Ctrl+S; all carry version, method, hash', async () => {
    const record = await open();
    const { page } = record;
    await loadSample(page, 'kabupaten-sukamaju-2024.json');
    const date = new Date();
    const today = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

    const [jsonDl] = await Promise.all([page.waitForEvent('download'), page.click('#dl-json')]);
    assert.equal(jsonDl.suggestedFilename(), `kota-cerdas_kabupaten-sukamaju_2024_${today}.json`);
    const jsonBytes = readFileSync(await jsonDl.path());
    const saved = JSON.parse(jsonBytes.toString('utf8'));
    assert.equal(saved.engine.version, cargoVersion);
    assert.equal(saved.method.id, 'kominfo-2022');
    assert.equal(saved.input_sha256, sha256(bytes(SUKAMAJU)));
    assert.equal(saved.evaluation.index, 3.37);
    assert.equal(saved.masterplan.region.name, 'Kabupaten Sukamaju');
    assert.equal(saved.input_text, readFileSync(file(SUKAMAJU), 'utf8'));

    const [csvDl] = await Promise.all([page.waitForEvent('download'), page.click('#dl-csv-id')]);
    assert.match(csvDl.suggestedFilename(), /^kota-cerdas_kabupaten-sukamaju_2024_\d{4}-\d\d-\d\d_id\.csv$/);
    const csv = readFileSync(await csvDl.path());
    assert.deepEqual([...csv.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
    const csvText = csv.toString('utf8');
    // Written by the comparison module (loaded on this first CSV): the summary names the engine,
    // the method and the page's input hash; the index 0,1 × 3,02 + 0,2 × 3,63 + 0,3 × 3,62 +
    // 0,2 × 3,23 + 0,2 × 3,07 = 3,374 → 3,37.
    const hash = sha256(bytes(SUKAMAJU));
    const lines = csvText.slice(1).split('\r\n');
    assert.deepEqual(lines.slice(0, 7), [
      'Ringkasan',
      'Butir;Nilai;Keterangan',
      `Mesin penilai;kota-cerdas-mandiri;${cargoVersion}`,
      'Metode;kominfo-2022;Kominfo 2022 (bobot 10/20/30/20/20)',
      `Versi metode;${saved.method.version};`,
      `Sidik SHA-256 berkas masukan;${hash};`,
      'Daerah;Kabupaten Sukamaju;',
    ]);
    assert.ok(lines.includes('Indeks Pencapaian;3,37;Indeks = 0,1 × 3,02 + 0,2 × 3,63 + 0,3 × 3,62 + 0,2 × 3,23 + 0,2 × 3,07 = 3,37'));
    // The rest is the engine's golden file, byte for byte (the hash row is the page's).
    const golden = (locale) => readFileSync(file(`tests/golden/kabupaten-sukamaju-2024.${locale}.csv`), 'utf8');
    assert.equal(csvText.replace(`Sidik SHA-256 berkas masukan;${hash};\r\n`, ''), golden('id'));

    const [enDl] = await Promise.all([page.waitForEvent('download'), page.click('#dl-csv-en')]);
    const en = readFileSync(await enDl.path(), 'utf8');
    assert.deepEqual(en.split('\r\n').slice(0, 2), ['Summary', 'Item,Value,Note']);
    assert.ok(en.includes(`\r\nMethod version,${saved.method.version},\r\nInput file SHA-256,${hash},\r\nRegion,Kabupaten Sukamaju,\r\n`));
    assert.ok(en.includes('\r\nAchievement index,3.37,Index = 0.1 × 3.02 + 0.2 × 3.63 + 0.3 × 3.62 + 0.2 × 3.23 + 0.2 × 3.07 = 3.37\r\n'));
    assert.equal(en.replace(`Input file SHA-256,${hash},\r\n`, ''), golden('en'));

    const [keyDl] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Control+s')]);
    assert.match(keyDl.suggestedFilename(), /\.json$/);

    // The downloaded assessment opens again, reproducing the same input hash and method.
    await page.selectOption('#method-select', 'kominfo-sleman');
    await page.waitForFunction(() => document.getElementById('index-value')?.textContent === '3,39');
    await giveFile(page, jsonDl.suggestedFilename(), jsonBytes);
    assert.equal(await text(page, '#index-value'), '3,37');
    assert.equal(await page.inputValue('#method-select'), 'kominfo-2022');
    assert.equal(await text(page, '#input-hash'), sha256(bytes(SUKAMAJU)));
    await finish(record);
  });

  test('downloads through the save picker where the browser has one; cancel saves nothing; a refused picker falls back', async () => {
    const record = await openPage(tool.browser, null, { contextOptions: { viewport: DESKTOP, acceptDownloads: true } });
    const { page } = record;
    // A stand-in for the File System Access picker: records what it was asked and what was
    // written; `window.pickerMode` makes it save, be cancelled, or be refused.
    await page.addInitScript(() => {
      window.pickerCalls = [];
      window.pickerMode = 'save';
      window.showSaveFilePicker = async (options) => {
        const call = { options, written: null, closed: false };
        window.pickerCalls.push(call);
        if (window.pickerMode === 'cancel') throw new DOMException('The user aborted a request.', 'AbortError');
        if (window.pickerMode === 'refuse') throw new DOMException('Not allowed here.', 'SecurityError');
        return {
          createWritable: async () => ({
            write: async (blob) => {
              call.written = await blob.text();
            },
            close: async () => {
              call.closed = true;
            },
          }),
        };
      };
    });
    await page.goto(`${tool.server.url}/`);
    await page.waitForSelector('body[data-ready="true"]');
    await loadSample(page, 'kabupaten-sukamaju-2024.json');
    let downloads = 0;
    page.on('download', () => downloads++);

    await page.click('#dl-json');
    await page.waitForFunction(() => window.pickerCalls.length === 1 && window.pickerCalls[0].closed);
    const [json] = await page.evaluate(() => window.pickerCalls);
    assert.match(json.options.suggestedName, /^kota-cerdas_kabupaten-sukamaju_2024_\d{4}-\d\d-\d\d\.json$/);
    assert.deepEqual(json.options.types, [{ description: 'JSON', accept: { 'application/json': ['.json'] } }]);
    const saved = JSON.parse(json.written);
    assert.equal(saved.input_sha256, sha256(bytes(SUKAMAJU)));
    assert.equal(saved.evaluation.index, 3.37);
    assert.match(await text(page, '#status'), /disimpan/i);

    await page.click('#dl-csv-en');
    await page.waitForFunction(() => window.pickerCalls.length === 2 && window.pickerCalls[1].closed);
    const csv = await page.evaluate(() => window.pickerCalls[1]);
    assert.match(csv.options.suggestedName, /_en\.csv$/);
    assert.deepEqual(csv.options.types[0].accept, { 'text/csv': ['.csv'] });
    assert.match(csv.written, /^Summary\r\nItem,Value,Note\r\nEngine,kota-cerdas-mandiri,/);

    // Cancelled in the picker: nothing is saved and no download starts instead.
    await page.evaluate(() => {
      window.pickerMode = 'cancel';
    });
    await page.click('#dl-json');
    await page.waitForFunction(() => window.pickerCalls.length === 3);
    await page.waitForTimeout(300);
    assert.equal(downloads, 0);
    assert.equal(await page.evaluate(() => window.pickerCalls[2].written), null);

    // Refused (e.g. inside a sandboxed frame): the plain download takes over.
    await page.evaluate(() => {
      window.pickerMode = 'refuse';
    });
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#dl-json')]);
    assert.match(dl.suggestedFilename(), /^kota-cerdas_kabupaten-sukamaju_2024_.*\.json$/);
    assert.equal(JSON.parse(readFileSync(await dl.path(), 'utf8')).input_sha256, sha256(bytes(SUKAMAJU)));
    await finish(record);
  });

  test('a byte-order mark is kept: the hash shown equals sha256sum of the file', async () => {
    const record = await open();
    const { page } = record;
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes(PELITA)]);
    await giveFile(page, 'bom.json', withBom);
    assert.equal(await text(page, '#input-hash'), sha256(withBom));
    assert.notEqual(sha256(withBom), sha256(bytes(PELITA)));
    await finish(record);
  });

  test('bad files: every problem located, bilingual, and the old results stay', async () => {
    const record = await open();
    const { page } = record;
    await loadSample(page, 'kabupaten-sukamaju-2024.json');

    await giveFile(page, 'rusak.json', Buffer.from('{"format": "kota-cerdas/masterplan",\n "format_version": 1, oops}'));
    assert.ok(await page.locator('#problems').isVisible());
    const notJson = await text(page, '#problems');
    assert.match(notJson, /bukan JSON yang sah/);
    assert.match(notJson, /baris 2, kolom 23/);
    assert.match(notJson, /Hasil sebelumnya tetap ditampilkan/);
    assert.equal(await text(page, '#index-value'), '3,37', 'previous results kept');
    await screenshot(page, 'error-desktop');

    const plan = JSON.parse(readFileSync(file(SUKAMAJU), 'utf8'));
    plan.programs[3].pillar = 'smartness';
    await giveFile(page, 'pilar.json', Buffer.from(JSON.stringify(plan, null, 2)));
    const unknown = await text(page, '#problems');
    assert.match(unknown, /Pilar "smartness" tidak dikenal/);
    assert.match(unknown, /baris \d+, kolom \d+/);
    // The JSON location stays in the data for tools, never as text to read (issue 12).
    assert.doesNotMatch(unknown, /\/programs\/3|unknown_pillar/);
    assert.equal(await page.locator('#problems li.problem').first().getAttribute('data-path'), '/programs/3/pillar');

    await page.click('#lang');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.match(await text(page, '#problems'), /Unknown pillar "smartness"/);
    assert.match(await text(page, '#problems'), /line \d+, column \d+/);
    assert.match(await text(page, '#status'), /problems, the file cannot be assessed yet/);
    assert.equal(await text(page, '#index-value'), '3.37');
    await page.setViewportSize(PHONE);
    await screenshot(page, 'error-phone');
    await finish(record);
  });

  test('hostile file name and program name run no script and show literally', async () => {
    const record = await open();
    const { page } = record;
    const evil = '<img src=x onerror=window.__pwned=1>';
    const plan = JSON.parse(readFileSync(file(SUKAMAJU), 'utf8'));
    plan.programs[0].name = evil;
    plan.programs[0].lead_agency = evil;
    plan.region.name = `${evil} Kabupaten`;
    await giveFile(page, `${evil}.json`, Buffer.from(JSON.stringify(plan)));
    await page.waitForSelector('#summary');
    await page.selectOption('#agency-select', evil);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.equal(await page.locator('#results img[src]').count(), 0, 'no picture but a logo the person picked');
    assert.equal(await text(page, '#meta-file'), `${evil}.json`);
    assert.equal(await text(page, '#summary-h'), `${evil} Kabupaten`);
    assert.ok((await text(page, '#programs')).includes(evil));
    assert.ok((await text(page, '#agency-detail')).includes(evil));
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#dl-json')]);
    assert.match(dl.suggestedFilename(), /^kota-cerdas_img-src-x-onerror-window-pwned-1-kabupaten_2024_[\d-]+\.json$/);
    await giveFile(page, 'bad<script>.json', Buffer.from('<script>window.__pwned=1</script>'));
    assert.ok((await text(page, '#problems')).includes('bad<script>.json'));
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    await finish(record);
  });

  test('reload restores the last file; "forget" clears it', async () => {
    const record = await open();
    const { page } = record;
    await loadSample(page, 'kabupaten-sukamaju-2024.json');
    await page.selectOption('#method-select', 'kominfo-sleman');
    await page.waitForFunction(() => document.getElementById('index-value')?.textContent === '3,39');
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    assert.equal(await text(page, '#index-value'), '3,39');
    assert.equal(await page.inputValue('#method-select'), 'kominfo-sleman');
    assert.match(await text(page, '#status'), /dipulihkan/);

    await page.click('#forget');
    await page.locator('dialog[open] button[value="yes"]').click();
    await page.waitForFunction(() => document.body.dataset.state === 'empty');
    assert.equal(await page.locator('#summary').count(), 0);
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    assert.equal(await page.locator('#summary').count(), 0);
    assert.ok(await page.locator('#empty').isVisible());
    await finish(record);
  });

  test('a large file (> 1 MB) is assessed in the worker, with the same numbers', async () => {
    const record = await open();
    const { page } = record;
    const plan = JSON.parse(readFileSync(file(SUKAMAJU), 'utf8'));
    // Long-horizon copies do not count in the rates, so the numbers stay those of the sample.
    const extra = [];
    for (let i = 0; extra.length * 400 < 1_300_000; i++) {
      extra.push({ ...plan.programs[0], id: `X-${i}`, horizon: 'long', start_year: 2030, end_year: 2032, quick_win: undefined, evidence: ['x'.repeat(200)] });
    }
    plan.programs.push(...extra);
    const big = Buffer.from(JSON.stringify(plan));
    assert.ok(big.length > 1_000_000);
    await giveFile(page, 'besar.json', big);
    await page.waitForSelector('#summary');
    assert.equal(await page.evaluate(() => document.body.dataset.where), 'worker');
    assert.equal(await text(page, '#overall-percent'), '86,84%');
    assert.equal(await text(page, '#input-hash'), sha256(big));
    assert.ok(record.requests.some((r) => r.url.endsWith('/engine-worker.js')));
    await finish(record);
  });

  test('agency view and English, screenshots at desktop and phone widths', async () => {
    const record = await open();
    const { page } = record;
    await loadSample(page, 'kabupaten-sukamaju-2024.json');
    await screenshot(page, 'results-desktop');
    await page.selectOption('#agency-select', 'Distan');
    const agency = await text(page, '#agency-detail');
    assert.match(agency, /Pasar Tani Daring/);
    assert.match(agency, /1 program lagi yang berjalan membawa capaian ke 75%/);
    assert.match(agency, /Dihentikan/);
    await page.locator('#agencies').screenshot({ path: path.join(repoRoot, 'tests/e2e/artifacts/agency-desktop.png') });
    // The pillar chart's names stay readable on screen: at least 12 px at both widths (the
    // names sit beside the bars on a desktop and above them on a phone).
    const chartText = () => page.evaluate(() => {
      const svg = [...document.querySelectorAll('svg.chart')].find((c) => c.checkVisibility());
      const label = svg.querySelector('.chart-label');
      return { layout: svg.classList.contains('chart-narrow') ? 'narrow' : 'wide', px: label.getBoundingClientRect().height };
    });
    const desktopChart = await chartText();
    assert.equal(desktopChart.layout, 'wide');
    assert.ok(desktopChart.px >= 12, `chart names ${desktopChart.px} px high on a desktop`);
    await page.setViewportSize(PHONE);
    const phoneChart = await chartText();
    assert.equal(phoneChart.layout, 'narrow');
    assert.ok(phoneChart.px >= 12, `chart names ${phoneChart.px} px high on a phone`);
    await screenshot(page, 'results-phone');
    await page.locator('#agencies').screenshot({ path: path.join(repoRoot, 'tests/e2e/artifacts/agency-phone.png') });
    await page.locator('#summary').screenshot({ path: path.join(repoRoot, 'tests/e2e/artifacts/summary-phone.png') });

    await page.click('#lang');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.equal(await text(page, '#index-value'), '3.37');
    assert.match(await text(page, '#pillar-gaps'), /1 more Smart Economy programs running bring the pillar to 75%/);
    // Filters on the program list.
    await page.selectOption('#filter-pillar', 'economy');
    assert.match(await text(page, '#programs-count'), /Showing 7 of 45 programs/);
    await page.selectOption('#filter-status', 'stopped');
    assert.match(await text(page, '#programs-count'), /Showing \d+ of 45 programs/);
    await finish(record);
  });

  test('print stylesheet: only the official report prints (the screen report, forms and buttons do not)', async () => {
    const record = await open();
    const { page } = record;
    await loadSample(page, 'kabupaten-sukamaju-2024.json');
    assert.ok(await page.locator('#print-report').isHidden(), 'not on screen');
    await page.emulateMedia({ media: 'print' });
    for (const hidden of ['#input', '.downloads', '#summary', '#findings', '#letter', 'header.site', 'footer.site']) {
      assert.ok(await page.locator(hidden).isHidden(), `${hidden} does not print`);
    }
    assert.ok(await page.locator('#print-report').isVisible());
    assert.match(await page.locator('#print-report .doc-title').innerText(), /Laporan Penilaian Mandiri Smart City/i);
    // The method as a sentence, not a dropdown (see tests/e2e/print.test.mjs for the PDF).
    assert.match(await page.locator('#print-report').innerText(), /Metode \(bobot dimensi\): Kominfo 2022/);
    const pdf = await page.pdf({ preferCSSPageSize: true });
    assert.ok(pdf.length > 10_000);
    await screenshot(page, 'print-desktop');
    await finish(record);
  });

  test('leaving warns only while pasted text is not yet assessed', async () => {
    const record = await open();
    const { page } = record;
    const dialogs = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.type());
      dialog.dismiss();
    });
    await loadSample(page, 'kabupaten-sukamaju-2024.json');
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    assert.deepEqual(dialogs, [], 'no warning with nothing unsaved');
    await page.fill('#paste', '{ "format": "kota-cerdas/masterplan" ');
    await page.close({ runBeforeUnload: true });
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.deepEqual(dialogs, ['beforeunload']);
    await finish(record);
  });

  test('accessibility: axe-core finds no serious or critical violations', async () => {
    const axe = readFileSync(path.join(repoRoot, 'tests/e2e/node_modules/axe-core/axe.min.js'), 'utf8');
    // The page's CSP forbids injected scripts; this audit-only context bypasses it.
    const record = await open({ contextOptions: { bypassCSP: true } });
    const { page } = record;
    const audit = async (label) => {
      await page.addScriptTag({ content: axe });
      const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
      const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      assert.deepEqual(bad.map((v) => `${label}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`), []);
    };
    await audit('empty');
    await loadSample(page, 'kabupaten-sukamaju-2024.json');
    await page.selectOption('#agency-select', 'Distan');
    await audit('results');
    await giveFile(page, 'rusak.json', Buffer.from('nope'));
    await audit('error');
    await finish(record);
  });
});

// ---------- issue 9: the page shows the engine's facts, and only the newest result ----------

const EARLY = 'www/samples/kabupaten-early-stage-2023.json';
const options = (page, selector) => page.$$eval(`${selector} option`, (os) => os.map((o) => ({ value: o.value, text: o.textContent })));

describe('issue 9: the engine owns every fact the page shows', () => {
  test('per OPD: "Dinas A " and "Dinas A" are one agency whose header counts equal its lists; no-agency programs have a labelled group', async () => {
    const mp = agencyPlan();
    const a = pkg.assessText(JSON.stringify(mp), {});
    const record = await open();
    const { page } = record;
    await giveFile(page, 'opd.json', Buffer.from(JSON.stringify(mp, null, 2)));
    await page.waitForSelector('#agencies');

    const opts = await options(page, '#agency-select');
    // The placeholder, then one option per engine group, each with a visible name.
    assert.equal(opts.length, a.agencies.length + 1);
    assert.ok(opts.every((o) => o.text.trim().length > 0), `a blank option: ${JSON.stringify(opts)}`);
    assert.equal(opts.filter((o) => o.text === 'Dinas A').length, 1, 'one "Dinas A" group');
    const noAgency = opts.at(-1);
    assert.equal(noAgency.text, VOCAB.no_agency.id, 'the group without an agency is last, with the engine\'s label');
    // The table of all agencies: every button named.
    const buttons = await page.$$eval('#agency-table tbody th button', (bs) => bs.map((b) => b.textContent));
    assert.equal(buttons.length, a.agencies.length);
    assert.ok(buttons.every((b) => b.trim().length > 0));
    assert.equal(buttons.at(-1), VOCAB.no_agency.id);

    // "Dinas A": 2 programs, 1 quick win (ECO-04, stopped), its findings; header == lists.
    await page.selectOption('#agency-select', { label: 'Dinas A' });
    await page.waitForSelector('#agency-h');
    const group = a.agencies.find((g) => g.name === 'Dinas A');
    assert.deepEqual(group.program_indices.map((i) => mp.programs[i].id), ['ECO-04', 'ECO-05']);
    assert.equal(group.quick_win_indices.length, 1);
    assert.ok(group.findings >= 2, `the stopped quick win and the missing evidence: ${group.findings}`);
    assert.equal(await text(page, '#agency-h'), 'Dinas A');
    assert.equal(await page.locator('#agency-detail table.programs tbody tr').count(), 2);
    const qwItems = await page.locator('#agency-qws li').allInnerTexts();
    assert.equal(qwItems.length, 1);
    assert.match(qwItems[0], new RegExp(mp.programs.find((p) => p.id === 'ECO-04').name));
    assert.match(await text(page, '#agency-qw + dd'), /^1 quick win/, 'the header counts the one quick win');
    const findingItems = await page.locator('#agency-findings li').count();
    assert.equal(findingItems, group.findings);
    assert.equal(await text(page, '#agency-findings-count'), String(group.findings));
    for (const i of group.finding_indices) assert.equal(a.findings[i].agency_index, a.agencies.indexOf(group));
    await page.locator('#agencies').screenshot({ path: path.join(repoRoot, 'tests/e2e/artifacts/agency-dinas-a.png') });

    // The group without an agency: chosen by its label, shows both programs.
    await page.click(`#agency-table tbody tr:last-child button`);
    await page.waitForFunction((label) => document.getElementById('agency-h')?.textContent === label, VOCAB.no_agency.id);
    assert.equal(await page.inputValue('#agency-select'), String(a.agencies.length - 1));
    const ids = await page.$$eval('#agency-detail table.programs tbody tr td.mono', (tds) => tds.map((td) => td.textContent));
    assert.deepEqual(ids, ['SOC-01', 'SOC-03']);
    // In the program list their agency reads the same label, in English too.
    await page.click('#lang');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.equal(await text(page, '#agency-h'), VOCAB.no_agency.en);
    assert.ok((await text(page, '#programs')).includes(VOCAB.no_agency.en));
    await finish(record);
  });

  test('a pillar or agency with nothing planned never reads "target reached" (Kabupaten tahap awal 2023)', async () => {
    const a = pkg.assessText(readFileSync(file(EARLY), 'utf8'), {});
    const record = await open();
    const { page } = record;
    await loadSample(page, 'kabupaten-early-stage-2023.json');
    for (const pillar of ['branding', 'environment']) {
      assert.equal(a.implementation.pillars[pillar].planned, 0);
      assert.equal(a.implementation.pillars[pillar].below_target, null);
      const rowText = await text(page, `#pillars tr[data-pillar="${pillar}"]`);
      assert.doesNotMatch(rowText, /tercapai/, rowText);
      assert.match(rowText, /Belum ada program yang direncanakan/);
      assert.doesNotMatch(rowText, /di bawah target/);
    }
    // Agencies with nothing planned (Disparbud here): no "reached" in the table or the detail.
    const none = a.agencies.map((g, i) => [g, i]).filter(([g]) => g.rate.below_target === null);
    assert.ok(none.some(([g]) => g.name === 'Disparbud'));
    for (const [g, i] of none) {
      assert.equal(g.rate.planned, 0);
      assert.doesNotMatch(await text(page, `#agency-table tr[data-agency="${i}"]`), /tercapai/, g.name);
    }
    await page.selectOption('#agency-select', { label: 'Disparbud' });
    assert.doesNotMatch(await text(page, '#agency-gap'), /tercapai/);
    assert.match(await text(page, '#agency-gap'), /Belum ada program yang direncanakan/);
    // Where something is planned, the page says exactly what the engine decided.
    for (const [id, d] of Object.entries(a.implementation.pillars)) {
      if (d.below_target === null) continue;
      const rowText = await text(page, `#pillars tr[data-pillar="${id}"]`);
      assert.equal(/di bawah target/.test(rowText), d.below_target, `${id}: ${rowText}`);
      assert.equal(/tercapai/.test(rowText), !d.below_target, `${id}: ${rowText}`);
    }
    await screenshot(page, 'early-stage-desktop');
    // RSUD Sukamaju (one long-term program, nothing planned) in the Sukamaju sample.
    const suk = pkg.assessText(readFileSync(file(SUKAMAJU), 'utf8'), {});
    const rsud = suk.agencies.findIndex((g) => g.name === 'RSUD Sukamaju');
    assert.ok(rsud >= 0 && suk.agencies[rsud].rate.planned === 0 && suk.agencies[rsud].rate.below_target === null);
    await loadSample(page, 'kabupaten-sukamaju-2024.json');
    await page.waitForFunction(() => document.getElementById('summary-h')?.textContent === 'Kabupaten Sukamaju');
    await page.selectOption('#agency-select', { label: 'RSUD Sukamaju' });
    assert.doesNotMatch(await text(page, '#agency-gap'), /tercapai/);
    assert.doesNotMatch(await text(page, `#agency-table tr[data-agency="${rsud}"]`), /tercapai/);
    await finish(record);
  });

  test('74.995 % (rounds to 75,00): the page flags exactly the pillars the engine flags, and no finding says otherwise', async () => {
    const mp = boundaryPlan();
    const a = pkg.assessText(JSON.stringify(mp), {});
    const gov = a.implementation.pillars.governance;
    assert.deepEqual([gov.planned, gov.implemented, gov.percent, gov.below_target, gov.needed_for_target], [5003, 3752, 75, false, 0]);
    assert.ok(!a.findings.some((x) => x.code === 'pillar_below_target' && x.pillar === 'governance'));
    const record = await open();
    const { page } = record;
    await giveFile(page, 'batas.json', Buffer.from(JSON.stringify(mp)));
    await page.waitForSelector('#pillars');
    const row = await text(page, '#pillars tr[data-pillar="governance"]');
    assert.match(row, /75%/);
    assert.doesNotMatch(row, /di bawah target/);
    assert.match(row, /Target 75% tercapai/);
    for (const [id, d] of Object.entries(a.implementation.pillars)) {
      const flagged = /di bawah target/.test(await text(page, `#pillars tr[data-pillar="${id}"]`));
      assert.equal(flagged, d.below_target === true, id);
    }
    // The chart's bars and the "next steps" list follow the same flag.
    assert.equal(await page.locator('svg.chart-wide rect.chart-bar.below').count(), Object.values(a.implementation.pillars).filter((d) => d.below_target === true).length);
    assert.doesNotMatch(await text(page, '#pillar-gaps'), /Smart Governance/);
    assert.doesNotMatch(await text(page, '#findings'), /Smart Governance: .* di bawah/);
    await finish(record);
  });

  test('status labels are the engine\'s: in_progress reads as vocabularies() says, in both languages', async () => {
    const label = VOCAB.program_statuses.find((s) => s.id === 'in_progress').label;
    const record = await open();
    const { page } = record;
    await loadSample(page, 'kabupaten-sukamaju-2024.json');
    const opts = await options(page, '#filter-status');
    assert.deepEqual(opts.slice(1), VOCAB.program_statuses.map((s) => ({ value: s.id, text: s.label.id })));
    await page.selectOption('#filter-status', 'in_progress');
    const cells = await page.$$eval('#programs tbody tr td:nth-child(5)', (tds) => tds.map((td) => td.textContent.trim()));
    assert.ok(cells.length > 0);
    assert.deepEqual([...new Set(cells)], [label.id]);
    assert.equal(label.id, 'Dalam persiapan');
    // The running badge follows implementation.programs[i].implemented.
    const a = pkg.assessText(readFileSync(file(SUKAMAJU), 'utf8'), {});
    await page.selectOption('#filter-status', '');
    const filled = await page.$$eval('#programs tbody tr', (rows) => rows.map((r) => [Number(r.dataset.program), r.querySelector('.badge').classList.contains('st-impl')]));
    assert.deepEqual(filled, a.implementation.programs.map((p, i) => [i, p.implemented]));
    // Region kinds and pillar names, too.
    assert.match(await text(page, '#region-meta'), new RegExp(`^${VOCAB.region_kinds.find((k) => k.id === 'kabupaten').label.id} · `));
    await page.click('#lang');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await page.selectOption('#filter-status', 'in_progress');
    const en = await page.$$eval('#programs tbody tr td:nth-child(5)', (tds) => tds.map((td) => td.textContent.trim()));
    assert.deepEqual([...new Set(en)], [label.en]);
    assert.match(await text(page, '#region-meta'), new RegExp(`^${VOCAB.region_kinds.find((k) => k.id === 'kabupaten').label.en} · `));
    await finish(record);
  });

  test('latest wins: a 10 MB file and at once a small one: the small one stays on screen and in IndexedDB', async () => {
    const { execFileSync } = await import('node:child_process');
    const big = execFileSync(process.execPath, [file('benches/generate.mjs'), '28000'], { maxBuffer: 1 << 26 });
    assert.ok(big.length > 10_000_000, `${big.length} bytes`);
    const record = await open();
    const { page } = record;
    // Both files at once: the big one starts reading (in chunks) and is still busy when the
    // small one is chosen.
    await page.setInputFiles('#file', { name: 'besar-10mb.json', mimeType: 'application/json', buffer: big });
    await page.setInputFiles('#file', { name: 'kota-pelita-2024.json', mimeType: 'application/json', buffer: bytes(PELITA) });
    await page.waitForFunction(() => document.getElementById('summary-h')?.textContent === 'Kota Pelita');
    // Everything settles (the page is busy as long as any request runs); the old code showed
    // the big file here, about a second later.
    await page.waitForFunction(() => document.body.dataset.busy === 'false', null, { timeout: 60_000 });
    await page.waitForTimeout(1500);
    assert.equal(await text(page, '#summary-h'), 'Kota Pelita');
    assert.equal(await text(page, '#meta-file'), 'kota-pelita-2024.json');
    assert.equal(await text(page, '#input-hash'), sha256(bytes(PELITA)));
    const saved = await page.evaluate(() => new Promise((resolve, reject) => {
      const open = indexedDB.open('kota-cerdas-mandiri', 1);
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const get = open.result.transaction('session').objectStore('session').get('last');
        get.onsuccess = () => resolve({ fileName: get.result?.fileName, length: get.result?.text?.length });
        get.onerror = () => reject(get.error);
      };
    }));
    assert.deepEqual(saved, { fileName: 'kota-pelita-2024.json', length: readFileSync(file(PELITA), 'utf8').length });
    // And a reload restores the small one.
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    assert.equal(await text(page, '#summary-h'), 'Kota Pelita');
    await finish(record);
  });
});
