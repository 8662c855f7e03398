// National indices (SPBE or Pemdi, SAKIP, IKM, IPM, BPK opinion): the value as the file gives it and
// the predicate the engine found for it; names and predicate tables from the engine's
// vocabularies (the default method's tables).

import { h } from '../lib/dom.js';
import { section, table } from './parts.js';

export function renderNational(ctx) {
  const { a, t, f, v, locale } = ctx;
  const given = a.national_indices ?? {};
  const indices = v.list('national_indices').filter(({ id }) => given[id]);
  const rows = indices.map(({ id }) => {
    const x = given[id];
    const label = ctx.msg({ id: x.predicate ?? x.label ?? x.category, en: x.label_en });
    const code = x.grade && x.grade !== label ? x.grade : null;
    return h('tr', { 'data-index': id },
      h('th', { scope: 'row' }, v.label('national_indices', id, locale),
        x.superseded_by ? h('span', { class: 'small superseded' }, ` (${t('national.superseded', { index: v.label('national_indices', x.superseded_by, locale) })})`) : null),
      h('td', { class: 'n' }, typeof x.value === 'number' ? f.asGiven(x.value) : String(x.value ?? '—')),
      h('td', {}, [code, label].filter(Boolean).join(' · '), x.concern ? h('span', { class: 'flag' }, ' ⚠ ', t('national.concern')) : null));
  });
  const tables = indices.filter(({ bands }) => bands?.length).map(({ id, bands, lower_bound: lowerBound }) =>
    h('div', { class: 'bands' },
      h('p', { class: 'small-h' }, v.label('national_indices', id, locale)),
      h('ul', { class: 'plain small' }, bands.map((b) => h('li', {}, `${range(f, b, lowerBound)}: ${[b.grade, ctx.msg(b.label)].filter(Boolean).join(' · ')}`)))));
  return section('national', t('national.heading'),
    rows.length ? table(t('national.caption'), [t('national.index'), t('national.value'), t('national.predicate')], rows, { text: [2] }) : h('p', {}, t('national.none')),
    tables.length ? h('details', { class: 'how' }, h('summary', {}, t('national.bands')), h('div', { class: 'bands-grid' }, tables)) : null);
}

/**
 * A band as "2,6 ≤ x < 3,5" (lower bound inclusive) or "30 < x ≤ 50" (exclusive, as the
 * engine's table says); an open end is left out.
 */
function range(f, { from, to }, lowerBound) {
  const [lo, hi] = lowerBound === 'exclusive' ? ['<', '≤'] : ['≤', '<'];
  const has = (v) => typeof v === 'number';
  if (has(from) && has(to)) return `${f.asGiven(from)} ${lo} x ${hi} ${f.asGiven(to)}`;
  if (has(to)) return `x ${hi} ${f.asGiven(to)}`;
  if (has(from)) return `x ${lo === '≤' ? '≥' : '>'} ${f.asGiven(from)}`;
  return 'x';
}
