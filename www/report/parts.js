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
 * right-aligned like their numbers, except the columns listed in `text`. Each body cell
 * carries its column's name (data-label): on a phone the rows stack and show it.
 */
export function table(caption, head, rows, { cls = '', foot, id, text = [] } = {}) {
  const headRow = h('tr', {}, head.map((c, i) => h('th', { scope: 'col', class: i && !text.includes(i) ? 'n' : '' }, c)));
  const body = h('tbody', {}, rows);
  const footer = foot ? h('tfoot', {}, foot) : null;
  labelCells(headRow, [body, footer]);
  return h(
    'div',
    { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': caption },
    h('table', { class: `stack ${cls} ${head.length > 4 ? 'wide' : ''}`.trim(), id }, h('caption', {}, caption), h('thead', {}, headRow), body, footer),
  );
}

/** Copies each column's heading into its body cells' data-label. */
function labelCells(headRow, groups) {
  const names = [...headRow.children].map((th) => th.textContent.trim());
  for (const group of groups) {
    for (const tr of group?.children ?? []) [...tr.children].forEach((c, i) => c.setAttribute('data-label', names[i] ?? ''));
  }
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

const collators = new Map();
/** Indonesian (or English) collation, case-insensitive: "Bapenda" before "BPBD". */
export function collator(locale) {
  if (!collators.has(locale)) collators.set(locale, new Intl.Collator(locale === 'en' ? 'en' : 'id', { sensitivity: 'base', numeric: true }));
  return collators.get(locale);
}

/**
 * The agency groups' indices in the order a person looks them up: by name in the page's
 * collation, the group without a lead agency (name null) last.
 */
export function agencyOrder(ctx) {
  const groups = ctx.a.agencies ?? [];
  const c = collator(ctx.locale);
  return groups
    .map((g, i) => ({ i, named: typeof g.name === 'string' && g.name !== '', label: ctx.msg(g.label) }))
    .sort((p, q) => Number(q.named) - Number(p.named) || c.compare(p.label, q.label) || p.i - q.i)
    .map(({ i }) => i);
}

/** For each program index, the index of its agency group (inverse of program_indices). */
export function agencyOfProgram(a) {
  const out = [];
  (a.agencies ?? []).forEach((group, g) => {
    for (const i of group.program_indices ?? []) out[i] = g;
  });
  return out;
}

/** The table of programs (rows filled by the caller, see programRow), named `label`. */
export function programTable(ctx, body, label = ctx.t('programs.heading')) {
  const { t } = ctx;
  return h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': label },
    h('table', { class: 'programs stack' },
      h('caption', { class: 'sr-only' }, label),
      h('thead', {}, h('tr', {}, [t('programs.id'), t('programs.name'), t('programs.pillar'), t('programs.horizon'), t('programs.status'), t('programs.agency'), t('programs.years')].map((c) => h('th', { scope: 'col' }, c)))),
      body));
}

/**
 * One program (input index `i`). The status badge is filled when the engine counts the
 * program as implemented (implementation.programs[i].implemented), hollow otherwise.
 */
export function programRow(ctx, i, agencyOf) {
  const { v, locale, t } = ctx;
  const p = ctx.mp?.programs?.[i] ?? {};
  const implemented = ctx.a.implementation.programs?.[i]?.implemented === true;
  const group = agencyOf[i];
  return h('tr', { 'data-program': i },
    h('td', { class: 'mono code', 'data-label': t('programs.id') }, p.id ?? ''),
    h('th', { scope: 'row', 'data-label': t('programs.name') }, p.name ?? ''),
    h('td', { 'data-label': t('programs.pillar') }, v.label('pillars', p.pillar, locale)),
    h('td', { 'data-label': t('programs.horizon') }, v.label('horizons', p.horizon, locale)),
    h('td', { 'data-label': t('programs.status') }, badge(implemented ? 'st-impl' : 'st-not', v.label('program_statuses', p.status, locale))),
    h('td', { 'data-label': t('programs.agency') }, group === undefined ? '—' : agencyLabel(ctx, group)),
    h('td', { class: 'n', 'data-label': t('programs.years') }, p.end_year ? `${p.start_year}–${p.end_year}` : String(p.start_year ?? '')),
  );
}

/** Findings `indices` (into a.findings) in the engine's severity order, most serious first. */
export function sortFindings(ctx, indices) {
  const order = new Map(ctx.v.list('severities').map((s, i) => [s.id, i]));
  const rank = (x) => order.get(x.severity) ?? order.size;
  return indices
    .map((i) => ctx.a.findings[i])
    .filter(Boolean)
    .map((x, i) => ({ x, i }))
    .sort((p, q) => rank(p.x) - rank(q.x) || p.i - q.i)
    .map(({ x }) => x);
}

/** Findings `indices` (into a.findings), most serious first (the engine's severity order). */
export function findingList(ctx, indices, id) {
  const list = h('ol', { class: 'findings', id });
  const more = paged(ctx, list, sortFindings(ctx, indices), (x) => findingItem(ctx, x));
  return more ? h('div', {}, list, more) : list;
}

/** One finding: its severity, the engine's message, where it belongs, and what it names. */
export function findingItem(ctx, x) {
  const { v, locale, t } = ctx;
  const { subjects, candidates } = findingSubjects(ctx, x);
  return h('li', { class: `finding sev-${x.severity}`, 'data-code': x.code },
    badge(`sev-${x.severity}`, v.label('severities', x.severity, locale)),
    h('p', { class: 'finding-msg' }, ctx.msg(x.message)),
    subjects.length === 1 ? h('p', { class: 'finding-subject' }, subjectNode(subjects[0])) : null,
    subjects.length > 1
      ? h('div', { class: 'finding-items' }, h('p', { class: 'small-h' }, t('findings.items', { n: ctx.f.int(subjects.length) })), h('ul', {}, subjects.map((s) => h('li', {}, subjectNode(s)))))
      : null,
    candidates.length
      ? h('div', { class: 'finding-items' }, h('p', { class: 'small-h' }, t('findings.candidates')), h('ul', {}, candidates.map((s) => h('li', {}, subjectNode(s)))))
      : null,
    h('p', { class: 'small' }, findingPlace(ctx, x)));
}

/** "Smart Economy · Distan": the pillar and OPD a finding belongs to (never its JSON location). */
export function findingPlace(ctx, x) {
  return [
    x.pillar ? ctx.v.label('pillars', x.pillar, ctx.locale) : null,
    typeof x.agency_index === 'number' ? agencyLabel(ctx, x.agency_index) : null,
  ].filter(Boolean).join(' · ');
}

/**
 * What a finding names, for a person to read: the engine's `items` (grouped cases) or
 * `subject`, and its `candidates` ("which programs could be the one"), each as
 * `{ code, text, status }`. An engine without those keys still names the program or readiness
 * question through the finding's location in the masterplan on screen; the location itself is
 * never shown.
 */
export function findingSubjects(ctx, x) {
  const subjects = Array.isArray(x.items) && x.items.length ? x.items.map((s) => subjectOf(ctx, s)) : x.subject ? [subjectOf(ctx, x.subject)] : fromPath(ctx, x.path);
  const candidates = Array.isArray(x.candidates) ? x.candidates.map((s) => subjectOf(ctx, s)) : [];
  return { subjects: subjects.filter(Boolean), candidates: candidates.filter(Boolean) };
}

function subjectOf(ctx, s) {
  if (!s || typeof s !== 'object') return null;
  const status = s.status ? ctx.v.label('program_statuses', s.status, ctx.locale) : '';
  let label = ctx.msg(s.label);
  if (!label && s.kind === 'program' && typeof s.index === 'number') return programSubject(ctx, s.index, status);
  if (!label) label = s.id ?? '';
  if (!label) return null;
  // "GOV-08 · Portal Satu Data": the code kept whole on one line.
  const code = typeof s.id === 'string' && s.kind === 'program' && label.startsWith(s.id) ? s.id : '';
  const text = code ? label.slice(code.length).replace(/^\s*·\s*/, '') : label;
  return { code, text, status };
}

function programSubject(ctx, index, status = '') {
  const p = ctx.mp?.programs?.[index];
  if (!p) return null;
  return { code: typeof p.id === 'string' ? p.id : '', text: typeof p.name === 'string' ? p.name : '', status };
}

/** A program or readiness item found through the finding's location (older engines). */
function fromPath(ctx, path) {
  const m = typeof path === 'string' ? /^\/(programs|readiness\/items)\/(\d+)(?:\/|$)/.exec(path) : null;
  if (!m) return [];
  const index = Number(m[2]);
  if (m[1] === 'programs') return [programSubject(ctx, index)];
  const item = ctx.mp?.readiness?.items?.[index];
  return typeof item?.question === 'string' ? [{ code: '', text: item.question, status: '' }] : [];
}

/** A subject as text: its code (never broken at the hyphen), its name, its status. */
export function subjectNode(s) {
  return h('span', { class: 'subject' },
    s.code ? h('span', { class: 'code' }, s.code) : null,
    s.code && s.text ? ' · ' : null,
    s.text,
    s.status ? h('span', { class: 'small' }, ` (${s.status})`) : null);
}

/** A subject as plain text, for a sentence or a printed cell. */
export function subjectText(s) {
  return `${[s.code, s.text].filter(Boolean).join(' · ')}${s.status ? ` (${s.status})` : ''}`;
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

/**
 * Impact per pillar with its survey half and indicator half, when the engine gives them
 * (`dimensions.impact.pillars`); null otherwise. `printed`: the official report's plain table.
 */
export function impactHalves(ctx, d, { printed = false } = {}) {
  const rows = Array.isArray(d?.pillars) ? d.pillars : [];
  if (!rows.length) return null;
  const { t, f, v, locale } = ctx;
  const half = (value, weight, count) => (typeof value === 'number' ? t('dims.half', { v: f.score(value), w: f.num(weight, 4), n: f.int(count) }) : '—');
  const body = rows.map((x) => h('tr', { 'data-pillar': x.pillar },
    h('th', { scope: 'row' }, v.label('pillars', x.pillar, locale)),
    h('td', { class: 'n' }, half(x.survey, x.survey_weight, x.respondents)),
    h('td', { class: 'n' }, half(x.indicators, x.indicator_weight, x.indicator_count)),
    h('td', { class: 'n' }, f.score(x.score))));
  const head = [t('pillars.pillar'), t('dims.survey'), t('dims.indicators'), t('dims.pillarScore')];
  if (printed) {
    return h('table', { class: 'doc-table doc-halves' }, h('caption', {}, t('dims.halvesCaption')),
      h('thead', {}, h('tr', {}, head.map((c, i) => h('th', { scope: 'col', class: i ? 'n' : null }, c)))), h('tbody', {}, body));
  }
  return table(t('dims.halvesCaption'), head, body, { cls: 'mini', id: 'impact-halves' });
}
