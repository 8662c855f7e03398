// Pieces shared by the report's sections: cards, tables, badges, long lists shown a page at a
// time, the program table, the findings list and the "towards the target" sentence.
//
// Every section gets one read-only context `ctx` from app.js:
//   a          the engine's assessment        mp      the masterplan (parsed input) or null
//   t(key, v)  the interface's own words      locale  'id' | 'en'
//   f          number formatters (lib/format.js)
//   v          the engine's vocabularies (lib/vocabulary.js); label(kind, id) in this locale
//   msg(text)  a bilingual engine text in this locale
//   view       what the person chose: { agency: index|null, filters: { pillar, horizon, status },
//              pages: { agencies, programs } (the page of each paged table, lib/pager.js) }
//   on         callbacks into app.js: method(id), download(kind), print(), agency(index, opts),
//              filter(key, value), page(list, n)
// Sections format and lay out; they never change `view` themselves (they call `on`), and they
// never re-derive what the engine decided (below target, implemented, agency membership).

import { h } from '../lib/dom.js';

/** Rows shown at first in long lists; more appear on request, so a 5 000-program file
 * does not make the browser lay out tens of thousands of elements at once. */
export const PAGE_SIZE = 200;

/** A report card: `<section id>` with its heading. */
export function section(id, title, ...children) {
  return h('section', { id, class: 'card', 'aria-labelledby': `${id}-h` }, h('h2', { id: `${id}-h` }, title), children);
}

/**
 * A captioned table in a scrollable, focusable region. Header cells after the first are
 * right-aligned like their numbers, except the columns listed in `text`.
 */
export function table(caption, head, rows, { cls = '', foot, id, text = [] } = {}) {
  return h(
    'div',
    { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': caption },
    h(
      'table',
      { class: `${cls} ${head.length > 4 ? 'wide' : ''}`.trim(), id },
      h('caption', {}, caption),
      h('thead', {}, h('tr', {}, head.map((c, i) => h('th', { scope: 'col', class: i && !text.includes(i) ? 'n' : '' }, c)))),
      h('tbody', {}, rows),
      foot ? h('tfoot', {}, foot) : null,
    ),
  );
}

/** A row: a header cell, then numeric cells. */
export function row(first, ...cells) {
  return h('tr', {}, h('th', { scope: 'row' }, first), cells.map((c) => h('td', { class: 'n' }, c)));
}

/** A decorative icon; its glyph comes from the stylesheet by class (e.g. `qw-late`). */
export function icon(cls) {
  return h('span', { class: `icon ${cls}`, 'aria-hidden': 'true' });
}

/** A pill with an icon and its text; `cls` picks colour and icon in the stylesheet. */
export function badge(cls, text) {
  return h('span', { class: `badge ${cls}` }, icon(cls), text);
}

/** One figure of a <dl class="stats">. */
export function stat(label, value, detail, id) {
  return h('div', { class: 'stat' }, h('dt', {}, label), h('dd', { class: 'stat-value', id }, value), h('dd', { class: 'stat-detail' }, detail));
}

/**
 * Fills `container` with the first PAGE_SIZE items and returns a "show more" button (or null
 * when everything fits).
 */
export function paged(ctx, container, items, render) {
  const { t } = ctx;
  let shown = 0;
  const more = h('button', { type: 'button', class: 'more no-print' });
  const step = () => {
    const next = items.slice(shown, shown + PAGE_SIZE);
    container.append(...next.map(render));
    shown += next.length;
    const left = items.length - shown;
    more.hidden = left <= 0;
    more.textContent = t('list.more', { n: Math.min(left, PAGE_SIZE), shown, total: items.length });
  };
  more.addEventListener('click', step);
  container.replaceChildren();
  step();
  return items.length > PAGE_SIZE ? more : null;
}

/**
 * What a rate needs to reach the target, from the engine's flags: nothing planned (the
 * target does not apply yet), met, or n more programs running.
 * @param {{ below_target: boolean|null, needed_for_target: number }} rate
 * @param {string|null} pillar the pillar id, or null for an agency or the whole
 */
export function gapText(ctx, rate, pillar = null) {
  const { t, f } = ctx;
  const target = f.pct(ctx.a.implementation.target_percent);
  if (!rate || rate.below_target === null || rate.below_target === undefined) return t('gap.none');
  if (!rate.below_target) return t('gap.met', { target });
  return pillar
    ? t('gap.pillar', { n: f.int(rate.needed_for_target), pillar: ctx.v.label('pillars', pillar, ctx.locale), target })
    : t('gap.agency', { n: f.int(rate.needed_for_target), target });
}

/** The label of agency group `index` (the engine's: the trimmed name, or "no lead agency"). */
export function agencyLabel(ctx, index) {
  const group = ctx.a.agencies?.[index];
  return group ? ctx.msg(group.label) : '';
}

/** For each program index, the index of its agency group (inverse of program_indices). */
export function agencyOfProgram(a) {
  const out = [];
  (a.agencies ?? []).forEach((group, g) => {
    for (const i of group.program_indices ?? []) out[i] = g;
  });
  return out;
}

/** The table of programs (rows filled by the caller, see programRow). */
export function programTable(ctx, body) {
  const { t } = ctx;
  return h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': t('programs.heading') },
    h('table', { class: 'programs' },
      h('caption', { class: 'sr-only' }, t('programs.heading')),
      h('thead', {}, h('tr', {}, [t('programs.id'), t('programs.name'), t('programs.pillar'), t('programs.horizon'), t('programs.status'), t('programs.agency'), t('programs.years')].map((c) => h('th', { scope: 'col' }, c)))),
      body));
}

/**
 * One program (input index `i`). The status badge is filled when the engine counts the
 * program as implemented (implementation.programs[i].implemented), hollow otherwise.
 */
export function programRow(ctx, i, agencyOf) {
  const { v, locale } = ctx;
  const p = ctx.mp?.programs?.[i] ?? {};
  const implemented = ctx.a.implementation.programs?.[i]?.implemented === true;
  const group = agencyOf[i];
  return h('tr', { 'data-program': i },
    h('td', { class: 'mono' }, p.id ?? ''),
    h('th', { scope: 'row' }, p.name ?? ''),
    h('td', {}, v.label('pillars', p.pillar, locale)),
    h('td', {}, v.label('horizons', p.horizon, locale)),
    h('td', {}, badge(implemented ? 'st-impl' : 'st-not', v.label('program_statuses', p.status, locale))),
    h('td', {}, group === undefined ? '—' : agencyLabel(ctx, group)),
    h('td', { class: 'n' }, p.end_year ? `${p.start_year}–${p.end_year}` : String(p.start_year ?? '')),
  );
}

/** Findings `indices` (into a.findings), most serious first (the engine's severity order). */
export function findingList(ctx, indices, id) {
  const { a, v, locale, t } = ctx;
  const order = new Map(v.list('severities').map((s, i) => [s.id, i]));
  const rank = (x) => order.get(x.severity) ?? order.size;
  const sorted = indices
    .map((i) => a.findings[i])
    .filter(Boolean)
    .map((x, i) => ({ x, i }))
    .sort((p, q) => rank(p.x) - rank(q.x) || p.i - q.i)
    .map(({ x }) => x);
  const list = h('ol', { class: 'findings', id });
  const more = paged(ctx, list, sorted, (x) =>
    h('li', { class: `finding sev-${x.severity}` },
      badge(`sev-${x.severity}`, v.label('severities', x.severity, locale)),
      h('p', { class: 'finding-msg' }, ctx.msg(x.message)),
      h('p', { class: 'small' }, [
        x.pillar ? v.label('pillars', x.pillar, locale) : null,
        typeof x.agency_index === 'number' ? agencyLabel(ctx, x.agency_index) : null,
        x.path ? `${t('where.path')} ${x.path}` : null,
      ].filter(Boolean).join(' · '))));
  return more ? h('div', {}, list, more) : list;
}

/**
 * "4 tepat waktu · 1 terlambat …": quick-win counts per state (fields named by the states'
 * ids), in the engine's order and words; states with none are left out.
 */
export function stateCounts(ctx, counts) {
  const lower = ctx.locale === 'en' ? 'en' : 'id';
  return ctx.v
    .list('quick_win_states')
    .filter(({ id }) => counts?.[id])
    .map(({ id }) => `${ctx.f.int(counts[id])} ${ctx.v.label('quick_win_states', id, ctx.locale).toLocaleLowerCase(lower)}`)
    .join(' · ');
}

/** A quick win's state as a badge (sustained, on time, late …), labelled by the engine. */
export function qwBadge(ctx, state) {
  return badge(`qw-${state}`, ctx.v.label('quick_win_states', state, ctx.locale));
}
