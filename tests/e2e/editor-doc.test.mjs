// The editor's pieces that need no browser, in Node: the edit history (www/editor/doc.js: undo
// gives back exactly the file it started from), JSON Pointers, and how a typed text becomes a
// value of the masterplan (www/editor/fields.js).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createDoc } from '../../www/editor/doc.js';
import { read, show } from '../../www/editor/fields.js';
import { format, parse, pattern } from '../../www/editor/pointer.js';

const plan = () => ({
  format: 'kota-cerdas/masterplan',
  format_version: 1,
  region: { name: 'Kabupaten Uji', kind: 'kabupaten' },
  evaluation: { year: 2024 },
  programs: [{ id: 'A', name: 'Satu', status: 'planned' }, { id: 'B', name: 'Dua', status: 'planned' }],
});

test('undo gives back exactly the file it started from, even where an edit created objects', () => {
  const mp = plan();
  const original = JSON.stringify(mp);
  const changes = [];
  const doc = createDoc(mp, (c) => changes.push(c.kind));
  doc.change([[['institutions', 'budget', 'apbd'], 3500000000]]);
  assert.deepEqual(mp.institutions, { budget: { apbd: 3500000000 } });
  doc.change([[['programs'], [...mp.programs, { id: 'C', name: 'Tiga' }]]]);
  doc.change([[['programs', 0, 'status'], 'running']]);
  doc.change([[['programs'], mp.programs.filter((_, i) => i !== 1)]]);
  doc.change([[['programs', 1, 'name'], 'Tiga!']]);
  assert.deepEqual(mp.programs.map((p) => [p.id, p.name, p.status]), [['A', 'Satu', 'running'], ['C', 'Tiga!', undefined]]);
  while (doc.undo());
  assert.equal(JSON.stringify(mp), original, 'no empty institutions object is left behind');
  assert.equal(doc.canUndo, false);
  while (doc.redo());
  assert.deepEqual(mp.programs.map((p) => p.name), ['Satu', 'Tiga!']);
  assert.deepEqual(changes, ['edit', 'edit', 'edit', 'edit', 'edit', 'undo', 'undo', 'undo', 'undo', 'undo', 'redo', 'redo', 'redo', 'redo', 'redo']);
});

test('typing in one field is one change; leaving the field ends it; a new edit drops the redo', () => {
  const mp = plan();
  const doc = createDoc(mp);
  for (const text of ['K', 'Ko', 'Kot', 'Kota']) doc.change([[['region', 'name'], text]], { merge: '/region/name' });
  doc.undo();
  assert.equal(mp.region.name, 'Kabupaten Uji');
  doc.redo();
  assert.equal(mp.region.name, 'Kota');
  doc.seal();
  doc.change([[['region', 'name'], 'Kota Uji']], { merge: '/region/name' });
  doc.undo();
  assert.equal(mp.region.name, 'Kota');
  assert.equal(doc.canRedo, true);
  doc.change([[['region', 'kind'], 'kota']]);
  assert.equal(doc.canRedo, false);
  // Writing what is already there changes nothing (a list retyped to the same lines too).
  const version = doc.version;
  assert.equal(doc.change([[['region', 'kind'], 'kota']]), false);
  doc.change([[['programs', 0, 'evidence'], ['SK 1']]]);
  assert.equal(doc.change([[['programs', 0, 'evidence'], ['SK 1']]]), false);
  assert.equal(doc.version, version + 1);
});

test('JSON Pointers: escapes, indices, patterns', () => {
  assert.deepEqual(parse('/programs/3/quick_win/status'), ['programs', 3, 'quick_win', 'status']);
  assert.deepEqual(parse('/a~1b/~0c/03'), ['a/b', '~c', '03'], 'a leading zero is a key, not an index');
  assert.equal(format(['a/b', '~c', 0]), '/a~1b/~0c/0');
  assert.equal(pattern(['programs', 12, 'name']), '/programs/*/name');
  assert.deepEqual(parse(''), []);
});

test('what people type becomes the value the format wants, or stays as typed for the engine to name', () => {
  assert.equal(read('num', '3,5', 'id'), 3.5);
  assert.equal(read('num', '3.485', 'id'), 3.485);
  assert.equal(read('num', ' 2,596 ', 'en'), 2.596);
  assert.equal(read('num', '3,', 'id'), '3,', 'not a number yet: kept, the engine says so');
  assert.equal(read('money', '3.500.000.000', 'id'), 3500000000);
  assert.equal(read('money', '3,500,000,000', 'en'), 3500000000);
  assert.equal(read('money', '2.750.000.000,50', 'id'), 2750000000.5);
  assert.equal(read('int', '2024', 'id'), 2024);
  assert.equal(read('int', '2024.5', 'id'), '2024.5');
  assert.equal(read('int', '', 'id'), undefined);
  assert.equal(read('text', '', 'id', true), '', 'a required text stays, empty: the engine names it');
  assert.equal(read('text', '', 'id'), undefined);
  assert.deepEqual(read('list', 'SK 12\n\n  Notula  \n', 'id'), ['SK 12', 'Notula']);
  assert.equal(read('list', ' \n', 'id'), undefined);
  assert.equal(show('num', 3.485, 'id'), '3,485');
  assert.equal(show('num', 3.485, 'en'), '3.485');
  assert.equal(show('money', 3500000000, 'id'), '3.500.000.000');
  assert.equal(show('list', ['a', 'b'], 'id'), 'a\nb');
  assert.equal(show('int', 'dua ribu', 'id'), 'dua ribu');
});
