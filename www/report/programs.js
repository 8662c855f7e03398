// The list of programs with filters (pillar, horizon, status: the engine's lists and words).
// The chosen filters live in app.js (ctx.view.filters); a change calls ctx.on.filter, and
// app.js redraws the list with fillPrograms. One page of rows (lib/pager.js) is in the
// document at a time.

import { h } from '../lib/dom.js';
import { createPager } from '../lib/pager.js';
import { agencyOfProgram, programRow, programTable, section } from './parts.js';

/** The three filters: which vocabulary each offers. */
const FILTERS = [
  { key: 'pillar', kind: 'pillars' },
  { key: 'horizon', kind: 'horizons' },
  { key: 'status', kind: 'program_statuses' },
];

export function renderPrograms(ctx) {
  const { t, v, locale } = ctx;
  const chosen = ctx.view.filters;
  const select = ({ key, kind }) =>
    h('select', { id: `filter-${key}`, onchange: (e) => ctx.on.filter(key, e.target.value) },
      h('option', { value: '' }, t('programs.all')),
      v.list(kind).map(({ id }) => h('option', { value: id, selected: chosen[key] === id }, v.label(kind, id, locale))));
  const root = section(
    'programs',
    t('programs.heading'),
    h('div', { class: 'filters no-print' },
      FILTERS.map((filter) => h('div', { class: 'field' }, h('label', { for: `filter-${filter.key}` }, t(`programs.${filter.key}`)), select(filter)))),
    h('p', { class: 'small', id: 'programs-count', role: 'status' }),
    programTable(ctx, h('tbody', { id: 'programs-body' }), t('programs.listLabel')),
    h('div', { class: 'pager-slot', id: 'programs-more' }),
  );
  fillPrograms(ctx, root);
  return root;
}

/** (Re)fills the list and its count under `root` from ctx.view.filters. */
export function fillPrograms(ctx, root = document) {
  const programs = ctx.mp?.programs ?? [];
  const { pillar, horizon, status } = ctx.view.filters;
  const shown = [];
  programs.forEach((p, i) => {
    if ((!pillar || p.pillar === pillar) && (!horizon || p.horizon === horizon) && (!status || p.status === status)) shown.push(i);
  });
  const agencyOf = agencyOfProgram(ctx.a);
  const body = root.querySelector('#programs-body');
  const pager = createPager({
    words: ctx.t,
    format: ctx.f.int,
    name: ctx.t('programs.heading'),
    id: 'programs-pager',
    onPage: (from, to, page) => {
      body.replaceChildren(...shown.slice(from, to).map((i) => programRow(ctx, i, agencyOf)));
      ctx.on.page?.('programs', page);
    },
  });
  // The page lives in app.js (ctx.view.pages): a redraw (language) keeps it, a filter resets it.
  pager.set(shown.length, ctx.view.pages?.programs ?? 0);
  root.querySelector('#programs-more').replaceChildren(pager.element);
  root.querySelector('#programs-count').textContent = ctx.t('programs.count', { shown: ctx.f.int(shown.length), total: ctx.f.int(programs.length) });
}
