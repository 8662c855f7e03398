// The golden files of tests/golden (written by the native engine, checked byte for byte by
// tests/golden.rs) against the wasm module: assessText gives the same JSON values and
// exportCsv the same CSV text, for every fixture and sample. One serializer, one output.
// `make build`, then `node --test tests/api/`.

import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import init, * as api from '../../www/pkg/kota_cerdas_mandiri.js';
// exportCsv lives in the comparison module (`make build-compare`), not the core one.
import initCompare, * as cmp from '../../www/pkg-compare/kota_cerdas_compare_wasm.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Every input with golden files: tests/fixtures/*.json and www/samples/*.json but index.json. */
const inputs = ['tests/fixtures', 'www/samples'].flatMap((dir) =>
  readdirSync(root + dir)
    .filter((f) => f.endsWith('.json') && f !== 'index.json')
    .map((f) => ({ name: f.slice(0, -'.json'.length), path: `${dir}/${f}` })),
);

/** A file's text as the page reads it: UTF-8, a BOM (if any) kept, so the hash covers it. */
const text = (path) => readFileSync(root + path, 'utf8');

before(async () => {
  await init({ module_or_path: readFileSync(root + 'www/pkg/kota_cerdas_mandiri_bg.wasm') });
  await initCompare({ module_or_path: readFileSync(`${root}www/pkg-compare/kota_cerdas_compare_wasm_bg.wasm`) });
});

test('there are golden files to compare (fixtures and samples)', () => {
  const names = inputs.map((i) => i.name);
  assert.ok(names.includes('kebumen-2022') && names.includes('kabupaten-sukamaju-2024'), names.join(', '));
  assert.ok(inputs.length >= 5, names.join(', '));
});

for (const { name, path } of inputs) {
  test(`${name}: assessText equals the golden assessment; exportCsv the golden CSVs`, () => {
    const a = api.assessText(text(path));
    const golden = JSON.parse(text(`tests/golden/${name}.assessment.json`));
    assert.deepEqual(a, golden);
    assert.equal(cmp.exportCsv(a, { locale: 'id' }), text(`tests/golden/${name}.id.csv`));
    assert.equal(cmp.exportCsv(a, { locale: 'en' }), text(`tests/golden/${name}.en.csv`));
    // The Indonesian CSV starts with its BOM, as the file on disk does.
    assert.ok(text(`tests/golden/${name}.id.csv`).startsWith('\uFEFF'));
  });
}
