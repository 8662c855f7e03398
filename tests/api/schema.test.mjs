// The published output contract, www/assessment.schema.json, checked by a validator nobody
// here wrote (ajv, pinned exactly in tests/api/package.json) in strict mode: every fixture's
// and sample's assessment validates, a downloaded assessment validates, and deliberately
// broken assessments are rejected for the reason they were broken.
// Needs the built module (`make build`) and `npm ci --prefix tests/api` (`make setup`).

import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import init, * as api from '../../www/pkg/kota_cerdas_mandiri.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const read = (path) => readFileSync(root + path, 'utf8');
const schema = JSON.parse(read('www/assessment.schema.json'));

/** Every fixture and sample masterplan (the sample index is not one). */
const inputs = [
  ...readdirSync(root + 'tests/fixtures').filter((f) => f.endsWith('.json')).map((f) => `tests/fixtures/${f}`),
  ...readdirSync(root + 'www/samples')
    .filter((f) => f.endsWith('.json') && f !== 'index.json')
    .map((f) => `www/samples/${f}`),
].sort();

// strict: unknown keywords, ignored keywords, union types without allowUnionTypes and
// `required` keys missing from `properties` are schema errors, not silently accepted.
const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
const validate = ajv.compile(schema);

const errorsOf = (value) => (validate(value) ? [] : validate.errors);
const show = (errors) => JSON.stringify(errors, null, 1);

before(async () => {
  await init({ module_or_path: readFileSync(root + 'www/pkg/kota_cerdas_mandiri_bg.wasm') });
});

test('the fixture and sample list is complete (2 fixtures, 4 samples)', () => {
  assert.deepEqual(inputs, [
    'tests/fixtures/kebumen-2022.json',
    'tests/fixtures/kediri-2022.json',
    'www/samples/kabupaten-early-stage-2023.json',
    'www/samples/kabupaten-sukamaju-2024.json',
    'www/samples/kabupaten-sukamaju-2026.json',
    'www/samples/kota-pelita-2024.json',
  ]);
});

for (const path of inputs) {
  test(`assessText(${path}) matches the schema`, () => {
    const errors = errorsOf(api.assessText(read(path)));
    assert.deepEqual(errors, [], show(errors));
  });
}

test('every preset method gives an assessment that matches the schema', () => {
  const text = read('tests/fixtures/kebumen-2022.json');
  for (const m of api.methods()) {
    const errors = errorsOf(api.assessText(text, { method: m.id }));
    assert.deepEqual(errors, [], `${m.id}: ${show(errors)}`);
  }
});

test('a downloaded assessment (the page adds masterplan and input_text) matches the schema', () => {
  const text = read('www/samples/kota-pelita-2024.json');
  const downloaded = { ...api.assessText(text), masterplan: JSON.parse(text), input_text: text };
  assert.deepEqual(errorsOf(downloaded), []);
  // The two keys are optional and typed.
  const errors = errorsOf({ ...downloaded, input_text: 12 });
  assert.ok(errors.some((e) => e.instancePath === '/input_text' && e.keyword === 'type'), show(errors));
});

/**
 * A valid assessment changed by `breakIt`; returns ajv's errors, after checking that the
 * unbroken one is valid (so every error comes from the change).
 */
function broken(breakIt) {
  const a = api.assessText(read('tests/fixtures/kebumen-2022.json'));
  assert.deepEqual(errorsOf(a), [], 'the unbroken assessment is valid');
  const b = structuredClone(a);
  breakIt(b);
  const errors = errorsOf(b);
  assert.ok(errors.length > 0, 'the broken assessment must be rejected');
  return errors;
}

/** Asserts that every error is `keyword` at `instancePath` (with `params` when given). */
function onlyError(errors, instancePath, keyword, params = {}) {
  for (const e of errors) {
    assert.equal(e.instancePath, instancePath, show(errors));
    assert.equal(e.keyword, keyword, show(errors));
    for (const [k, v] of Object.entries(params)) assert.equal(e.params[k], v, show(errors));
  }
}

test('rejects a number where a string belongs', () => {
  onlyError(broken((a) => { a.region.name = 33; }), '/region/name', 'type', { type: 'string' });
  onlyError(broken((a) => { a.findings[0].path = 1; }), '/findings/0/path', 'type', { type: 'string' });
  onlyError(broken((a) => { a.agencies[0].program_indices[0] = 'GOV-01'; }), '/agencies/0/program_indices/0', 'type');
});

test('rejects a string where a number belongs', () => {
  onlyError(broken((a) => { a.implementation.overall.percent = '92.16'; }), '/implementation/overall/percent', 'type');
  onlyError(broken((a) => { a.year = 2022.5; }), '/year', 'type', { type: 'integer' });
});

test('rejects an unknown top-level key', () => {
  onlyError(broken((a) => { a.input_hash = 'abc'; }), '', 'additionalProperties', { additionalProperty: 'input_hash' });
});

test('rejects an unknown key inside a pillar rate, a finding and a quick-win item', () => {
  onlyError(
    broken((a) => { a.implementation.pillars.governance.target = 75; }),
    '/implementation/pillars/governance',
    'additionalProperties',
    { additionalProperty: 'target' },
  );
  onlyError(broken((a) => { a.findings[0].hint = 'x'; }), '/findings/0', 'additionalProperties', { additionalProperty: 'hint' });
  onlyError(broken((a) => { a.quick_wins.items[0].pillar_label = 'x'; }), '/quick_wins/items/0', 'additionalProperties');
  // A pillar that does not exist is an unknown key of the closed pillar map.
  onlyError(broken((a) => { a.implementation.pillars.smart_gov = a.implementation.pillars.governance; }),
    '/implementation/pillars', 'additionalProperties', { additionalProperty: 'smart_gov' });
});

test('rejects a missing required key', () => {
  onlyError(broken((a) => { delete a.year; }), '', 'required', { missingProperty: 'year' });
  onlyError(broken((a) => { delete a.implementation.pillars.society; }), '/implementation/pillars', 'required', { missingProperty: 'society' });
  // One language is a whole text (options.locale); none is not.
  onlyError(broken((a) => { a.findings[0].message = {}; }), '/findings/0/message', 'minProperties', { limit: 1 });
  onlyError(broken((a) => { delete a.agencies[0].rate.below_target; }), '/agencies/0/rate', 'required', { missingProperty: 'below_target' });
});

test('rejects a value outside a closed set', () => {
  onlyError(broken((a) => { a.findings[0].severity = 'fatal'; }), '/findings/0/severity', 'enum');
  onlyError(broken((a) => { a.findings[0].code = 'made_up_code'; }), '/findings/0/code', 'enum');
  onlyError(broken((a) => { a.quick_wins.items[0].state = 'done'; }), '/quick_wins/items/0/state', 'enum');
  onlyError(broken((a) => { a.evaluation.dimensions.output.source = 'official'; }), '/evaluation/dimensions/output/source', 'enum');
  onlyError(broken((a) => { a.region.kind = 'provinsi'; }), '/region/kind', 'enum');
});

test('rejects null where the engine never writes null', () => {
  onlyError(broken((a) => { a.implementation.target_percent = null; }), '/implementation/target_percent', 'type');
  onlyError(broken((a) => { a.quick_wins.items[0].agency_index = null; }), '/quick_wins/items/0/agency_index', 'type');
});
