// The workbook the e2e tests fill in: the page's template, filled the way a regency officer
// would (region, evaluation, official scores, six programs) by tests/e2e/xlsx.mjs, a writer
// other than ours. The numbers it must give are derived by hand in workbook.test.mjs.
//
// As a script it writes the filled workbook from a template file, for the LibreOffice fixture
// (fixtures/README.md):  node tests/e2e/workbooks.mjs TEMPLATE.xlsx OUT.xlsx

import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fillXlsx, sheetTexts } from './xlsx.mjs';

/** Column letter of each header of a table sheet (row 1), by the header's Indonesian part. */
export function columns(template, sheet) {
  const out = {};
  for (const [ref, value] of sheetTexts(template, sheet)) {
    const m = ref.match(/^([A-Z]+)1$/);
    if (m) out[value.split(' / ')[0].replace(/ \*$/, '')] = m[1];
  }
  return out;
}

/** Row of each form field (column A), by the field's Indonesian part. */
export function fieldRows(template, sheet) {
  const out = {};
  for (const [ref, value] of sheetTexts(template, sheet)) {
    const m = ref.match(/^A(\d+)$/);
    if (m && m[1] !== '1') out[value.split(' / ')[0].replace(/ \*$/, '')] = Number(m[1]);
  }
  return out;
}

export const PROGRAMS = [
  // id, name, pillar, horizon, start, status, agency, quick win due, its status, launched
  ['GOV-01', 'Mal Pelayanan Publik', 'Smart Governance', 'Quick win', 2023, 'Berjalan', 'DPMPTSP', 2024, 'Diluncurkan', 2024],
  ['GOV-02', 'Satu Data Kabupaten', 'Smart Governance', 'Jangka pendek', 2023, 'Selesai', 'Diskominfo'],
  ['GOV-03', 'Perizinan Daring', 'Smart Governance', 'Jangka menengah', 2024, 'Direncanakan', 'DPMPTSP'],
  ['ECO-01', 'Pasar Digital', 'Smart Economy', 'Jangka pendek', 2022, 'Berjalan', 'Disperindag'],
  ['ECO-02', 'UMKM Go Digital', 'Smart Economy', 'Jangka menengah', 2023, 'Selesai', 'Dinkop UKM'],
  ['LIV-01', 'Kota Sehat', 'Smart Living', 'Jangka panjang', 2026, 'Direncanakan', 'Dinkes'],
];

/**
 * The template filled the way a regency officer would: region, evaluation, scores and the
 * programs above, from row 3 (row 2 is the example); `status` replaces the status of the
 * programs at the given indices.
 */
export function fill(template, { status = {} } = {}) {
  const w = fieldRows(template, 'Wilayah');
  const wc = columns(template, 'Wilayah');
  const p = columns(template, 'Program');
  const value = (field, v) => [`B${w[field]}`, v];
  const wilayah = Object.fromEntries([
    value('Nama daerah', 'Kabupaten Uji Excel'),
    value('Jenis daerah', 'Kabupaten'),
    value('Provinsi', 'Jawa Tengah'),
    value('Tahun evaluasi', 2024),
    value('Skor dimensi Baseline (1–4)', 3),
    value('Skor dimensi Output (1–4)', 3.25),
    value('Skor dimensi Impact (1–4)', 3),
    value('Skor dimensi Quick Win (1–4)', 4),
    [`${wc['Tahun indeks sebelumnya']}3`, 2023],
    [`${wc['Indeks sebelumnya (1–4)']}3`, 3.1],
  ]);
  const program = {};
  PROGRAMS.forEach(([id, name, pillar, horizon, start, st, agency, due, qw, launched], i) => {
    const row = 3 + i;
    const put = (header, v) => {
      if (v !== undefined) program[`${p[header]}${row}`] = v;
    };
    put('ID program', id);
    put('Nama program', name);
    put('Pilar', pillar);
    put('Jangka waktu', horizon);
    put('Tahun mulai', start);
    put('Status', status[i] ?? st);
    put('OPD penanggung jawab', agency);
    put('Quick win: tahun target', due);
    put('Quick win: status', qw);
    put('Quick win: tahun diluncurkan', launched);
  });
  return fillXlsx(template, { Wilayah: wilayah, Program: program });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [templatePath, out] = process.argv.slice(2);
  writeFileSync(out, fill(readFileSync(templatePath)));
}
