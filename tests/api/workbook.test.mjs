// The workbook module through its real JavaScript API (www/pkg-workbook, built by
// `make build-workbook`): template, read, write. Node's built-in test runner.

import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import init, * as wb from '../../www/pkg-workbook/kota_cerdas_workbook_wasm.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

before(async () => {
  await init({ module_or_path: readFileSync(root + 'www/pkg-workbook/kota_cerdas_workbook_wasm_bg.wasm') });
});

test('the template reads as the empty masterplan: its three required fields, located', () => {
  for (const locale of ['id', 'en', undefined]) {
    const bytes = wb.templateWorkbook(locale);
    assert.ok(bytes instanceof Uint8Array);
    assert.deepEqual([...bytes.subarray(0, 2)], [0x50, 0x4b]); // a zip: "PK"
    const r = wb.readWorkbook(bytes);
    assert.equal(r.masterplan, null);
    assert.equal(r.text, null);
    assert.deepEqual(
      r.problems.map((p) => [p.path, p.sheet, p.cell, p.row, p.column]),
      [
        ['/region/name', 'Wilayah', 'B3', 3, 2],
        ['/region/kind', 'Wilayah', 'B4', 4, 2],
        ['/evaluation/year', 'Wilayah', 'B12', 12, 2],
      ],
    );
    assert.match(r.problems[0].message.id, /^Wilayah, baris 3, kolom Nama daerah \(B3\): /);
    assert.match(r.problems[0].message.en, /^Region, row 3, column Region name \(B3\): /);
  }
});

test('a fixture written and read back is the same object', () => {
  for (const path of ['tests/fixtures/kebumen-2022.json', 'tests/fixtures/kediri-2022.json']) {
    const fixture = JSON.parse(readFileSync(root + path, 'utf8'));
    const { bytes, warnings } = wb.writeWorkbook(fixture, 'id');
    assert.deepEqual(warnings, []);
    const r = wb.readWorkbook(bytes);
    assert.deepEqual(r.problems.filter((p) => p.severity === 'error'), []);
    assert.deepEqual(r.masterplan, fixture, path);
    assert.deepEqual(JSON.parse(r.text), fixture);
  }
});

test('bad data never throws: one clear problem', () => {
  for (const bytes of [new Uint8Array([]), new TextEncoder().encode('{"a":1}'), new Uint8Array([0x50, 0x4b, 3, 4, 9])]) {
    const r = wb.readWorkbook(bytes);
    assert.equal(r.masterplan, null);
    assert.equal(r.problems.length, 1);
    assert.match(r.problems[0].code, /^(not_a_workbook|corrupt_workbook)$/);
    assert.ok(r.problems[0].message.id && r.problems[0].message.en);
  }
});

test('what a workbook cannot carry comes back as warnings', () => {
  const m = {
    format: 'kota-cerdas/masterplan', format_version: 1, extra: true,
    region: { name: 'Kota Uji', kind: 'kota' }, evaluation: { year: 2022 }, programs: [],
  };
  const { warnings } = wb.writeWorkbook(m);
  assert.deepEqual(warnings.map((w) => [w.severity, w.code, w.path]), [['warning', 'not_carried', '/extra']]);
  assert.throws(() => wb.writeWorkbook([1, 2]), (e) => e.problems?.[0]?.code === 'not_a_masterplan');
});

test('the page tells a workbook by its bytes, never by its name alone (www/lib/workbook-client.js)', async () => {
  const { isWorkbook } = await import('../../www/lib/workbook-client.js');
  const bytes = (s) => new TextEncoder().encode(s);
  const template = wb.templateWorkbook('id');
  const cfb = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
  const json = bytes('\uFEFF  {"format": "kota-cerdas/masterplan"}');
  const cases = [
    [template, 'templat.xlsx', true],
    [template, 'dari-email', true], // a zip, whatever its name
    [template, 'masterplan.json', true],
    [cfb, 'lama.xls', true], // an old .xls or a password-protected workbook: the reader says which
    [cfb, 'x.json', true],
    [json, 'masterplan.json', false],
    [json, 'masterplan.xlsx', false], // JSON named .xlsx: read as JSON
    [bytes('[1, 2]'), 'angka.ods', false],
    [bytes('Nama;Status\nMal;Berjalan'), 'laporan.xlsx', true], // named a workbook, not JSON: the reader's message
    [bytes('Nama;Status\nMal;Berjalan'), 'laporan.csv', false],
    [bytes('{"a":1}'), 'tanpa-nama', false],
    [new Uint8Array([]), 'kosong.xlsx', true],
    [new Uint8Array([]), 'kosong.json', false],
  ];
  for (const [data, name, expected] of cases) assert.equal(isWorkbook(data, name), expected, name);
  // What the reader then says about the ones that only claim to be workbooks.
  const named = wb.readWorkbook(bytes('Nama;Status\nMal;Berjalan'));
  assert.equal(named.problems[0].code, 'not_a_workbook');
});

test('writeAssessment: the results of what assessText returned, as a workbook; anything else throws one problem', async () => {
  const engine = await import('../../www/pkg/kota_cerdas_mandiri.js');
  engine.initSync({ module: readFileSync(root + 'www/pkg/kota_cerdas_mandiri_bg.wasm') });
  const text = readFileSync(root + 'www/samples/kabupaten-sukamaju-2024.json', 'utf8');
  const assessment = engine.assessText(text);
  for (const [masterplan, locale, sheet] of [[JSON.parse(text), 'id', 'Ringkasan'], [null, 'en', 'Summary']]) {
    const bytes = wb.writeAssessment(assessment, masterplan, locale);
    assert.ok(bytes instanceof Uint8Array);
    assert.deepEqual([...bytes.subarray(0, 2)], [0x50, 0x4b]);
    const { sheetCells } = await import('../e2e/xlsx.mjs');
    const summary = sheetCells(bytes, sheet);
    assert.equal(summary.get('B2'), 'Kabupaten Sukamaju');
    assert.equal(summary.get('B7'), assessment.evaluation.index); // 3.37, a number
    const programs = sheetCells(bytes, locale === 'id' ? 'Program' : 'Programs');
    // Without the masterplan, the programs' details are missing, but how each counts is there.
    assert.equal(programs.get('A2'), masterplan ? masterplan.programs[0].id : undefined);
    assert.equal(programs.get('K2'), locale === 'id' ? 'Ya' : 'Yes');
  }
  assert.throws(() => wb.writeAssessment({ format: 'kota-cerdas/masterplan' }, null, 'id'), (e) => e.problems?.[0]?.code === 'not_an_assessment' && / \/ /.test(e.message));
});

test('readPastedPrograms: rows pasted from a spreadsheet become the programs; problems by row and column', async () => {
  const { isTable } = await import('../../www/lib/workbook-client.js');
  const base = JSON.parse(readFileSync(root + 'www/samples/kota-pelita-2024.json', 'utf8'));
  const table = 'ID program\tNama program\tPilar\tHorizon\tTahun mulai\tStatus\nA-1\tMal\tSmart Governance\tJangka pendek\t2023\tBerjalan\nA-2\tPasar\teconomy\tshort\t2023\tJalan\n';
  assert.equal(isTable(table), true);
  assert.equal(isTable('{"a":\t1}'), false);
  assert.equal(isTable('satu baris tanpa tab'), false);
  const ok = wb.readPastedPrograms(table.replace('Jalan', 'Selesai'), base);
  assert.deepEqual(ok.masterplan.programs.map((p) => [p.id, p.pillar, p.status]), [['A-1', 'governance', 'running'], ['A-2', 'economy', 'completed']]);
  assert.deepEqual(ok.masterplan.region, base.region);
  assert.deepEqual(JSON.parse(ok.text), ok.masterplan);
  const bad = wb.readPastedPrograms(table, base);
  assert.equal(bad.text, null);
  assert.deepEqual(bad.problems.map((p) => [p.code, p.sheet, p.cell, p.row, p.column]), [['unknown_status', 'Tabel tempelan', 'F3', 3, 6]]);
  assert.equal(wb.readPastedPrograms(table, null).problems[0].code, 'not_a_masterplan');
});
