// The programs as a table, the way staff keep them: one row per program with its id, name,
// pillar, sub-dimension, horizon, start year, status and OPD inline; the rest (end year,
// progress, evidence, the quick-win details, and duplicate / move / delete) in an expandable
// row. Filters by pillar, OPD and status; a page of PAGE rows at a time.
//
// The form cannot produce a shape the engine rejects: the sub-dimension's choices are the
// pillar's, and the quick-win object follows the horizon (added with the horizon that needs it,
// removed with any other), its launch year follows its status (vocabularies() says which
// statuses were launched). The OPD groups of the filter are the engine's (assessment.agencies).

import { h } from '../lib/dom.js';
import { control, field } from './fields.js';
import { freshId, pillarPick, subOptions } from './form.js';
import { format, parse } from './pointer.js';

export const PAGE = 50;

/** The columns of a program's main row, in order: key, label, control type. */
const COLUMNS = [
  ['id', 'ed.f.program.id', 'text'],
  ['name', 'ed.f.program.name', 'text'],
  ['pillar', 'ed.f.program.pillar', 'select'],
  ['sub_dimension', 'ed.f.program.sub_dimension', 'select'],
  ['horizon', 'ed.f.program.horizon', 'select'],
  ['start_year', 'ed.f.program.start_year', 'int'],
  ['status', 'ed.f.program.status', 'select'],
  ['lead_agency', 'ed.f.program.lead_agency', 'text'],
];
const IN_ROW = new Set(COLUMNS.map(([key]) => key));

/** Where a program's quick-win details (or one of them) are: ['programs', i, 'quick_win', key]. */
const quickWinAt = (base, key) => parse(`${format(base)}/quick_win${key ? `/${key}` : ''}`);

const opts = (ui, kind) => ui.v.list(kind).map((item) => ({ value: item.id, label: ui.v.label(kind, item.id, ui.locale) }));

export function createProgramsView() {
  const view = {
    page: 0,
    filters: { pillar: '', agency: '', status: '' },
    expanded: new WeakSet(), // program objects whose detail row is open
  };

  /** The indices of the programs the filters let through, in file order. */
  function shown(ui, programs) {
    const { pillar, agency, status } = view.filters;
    const group = agency === '' ? null : new Set(ui.assessment()?.agencies?.[Number(agency)]?.program_indices ?? []);
    const out = [];
    programs.forEach((p, i) => {
      if (pillar && p?.pillar !== pillar) return;
      if (status && p?.status !== status) return;
      if (group && !group.has(i)) return;
      out.push(i);
    });
    return out;
  }

  function filterBar(ui) {
    const agencies = ui.assessment()?.agencies ?? [];
    const select = (key, label, options) =>
      h('div', { class: 'field' },
        h('label', { for: `ed-filter-${key}` }, label),
        h('select', {
          id: `ed-filter-${key}`,
          onchange: (e) => {
            view.filters = { ...view.filters, [key]: e.target.value };
            view.page = 0;
            ui.redraw({ focus: `#ed-filter-${key}` });
          },
        }, h('option', { value: '' }, ui.t('ed.p.all')), options.map((o) => h('option', { value: o.value, selected: view.filters[key] === o.value }, o.label))));
    return h('div', { class: 'filters ed-filters', role: 'group', 'aria-label': ui.t('ed.p.filters') },
      select('pillar', ui.t('ed.p.filterPillar'), opts(ui, 'pillars')),
      select('agency', ui.t('ed.p.filterAgency'), agencies.map((g, i) => ({ value: String(i), label: ui.msg(g.label) }))),
      select('status', ui.t('ed.p.filterStatus'), opts(ui, 'program_statuses')));
  }

  function render(ui) {
    const raw = ui.doc.get(['programs']);
    const programs = Array.isArray(raw) ? raw : [];
    const indices = shown(ui, programs);
    const pages = Math.max(1, Math.ceil(indices.length / PAGE));
    view.page = Math.min(view.page, pages - 1);
    const onPage = indices.slice(view.page * PAGE, (view.page + 1) * PAGE);
    const head = h('tr', {},
      h('th', { scope: 'col', id: 'ed-col-no', class: 'n' }, ui.t('ed.p.number')),
      COLUMNS.map(([key, label]) => h('th', { scope: 'col', id: `ed-col-${key}` }, ui.t(label))),
      h('th', { scope: 'col', id: 'ed-col-more' }, ui.t('ed.p.details')));
    const body = h('tbody', {}, onPage.flatMap((i) => rows(ui, programs, i)));
    const pager = pages > 1
      ? h('nav', { class: 'ed-pager', 'aria-label': ui.t('ed.p.pages') },
          h('button', { type: 'button', class: 'secondary', id: 'ed-page-prev', disabled: view.page === 0, onclick: () => turn(ui, -1) }, `‹ ${ui.t('ed.p.prev')}`),
          h('span', { id: 'ed-page-now' }, ui.t('ed.p.page', { page: view.page + 1, pages })),
          h('button', { type: 'button', class: 'secondary', id: 'ed-page-next', disabled: view.page >= pages - 1, onclick: () => turn(ui, 1) }, `${ui.t('ed.p.next')} ›`))
      : null;
    return h('div', { class: 'ed-programs' },
      filterBar(ui),
      h('p', { class: 'small', id: 'ed-programs-count' }, ui.t('ed.p.count', { shown: indices.length, total: programs.length })),
      programs.length === 0
        ? h('p', { class: 'ed-empty' }, ui.t('ed.p.none'))
        : indices.length === 0
          ? h('p', { class: 'ed-empty' }, ui.t('ed.p.noneFiltered'))
          : h('div', { class: 'table-wrap ed-table-wrap', role: 'region', 'aria-labelledby': 'ed-programs-caption', tabindex: '0' },
              h('table', { class: 'ed-table', id: 'ed-programs-table' },
                h('caption', { id: 'ed-programs-caption', class: 'sr-only' }, ui.t('ed.p.table')),
                h('colgroup', {}, ['no', ...COLUMNS.map(([key]) => key), 'more'].map((key) => h('col', { class: `ed-col-${key}` }))),
                h('thead', {}, head), body)),
      pager,
      h('button', { type: 'button', id: 'ed-add-program', disabled: ui.whatIf, onclick: () => add(ui, programs) }, `+ ${ui.t('ed.p.add')}`));
  }

  function turn(ui, by) {
    view.page += by;
    ui.redraw({ focus: by < 0 ? '#ed-page-prev' : '#ed-page-next' });
  }

  /** The main row of program `i` and, when open, its detail row. */
  function rows(ui, programs, i) {
    const p = programs[i] ?? {};
    const base = ['programs', i];
    const rowId = `ed-p-${i}`;
    const labelled = (key) => `${rowId}-label ed-col-${key}`;
    const cell = (key, type, extra = {}) => {
      const { control: el, msg } = control(ui, { at: [...base, key], type, labelledby: labelled(key), ...extra });
      return h('td', { class: `ed-c-${key}`, 'data-label': ui.t(COLUMNS.find(([k]) => k === key)[1]) }, el, msg);
    };
    const open = view.expanded.has(p);
    const detailId = `${rowId}-detail`;
    const main = h('tr', { class: 'ed-row-main', 'data-program': i },
      h('th', { scope: 'row', class: 'n', id: `${rowId}-label` }, h('span', { class: 'sr-only' }, ui.t('ed.p.row', { n: i + 1 })), h('span', { 'aria-hidden': 'true' }, String(i + 1))),
      cell('id', 'text', { required: true }),
      cell('name', 'text', { required: true }),
      cell('pillar', 'select', { required: true, options: opts(ui, 'pillars'), pick: pillarPick(ui, [...base, 'pillar']), redraw: true }),
      cell('sub_dimension', 'select', { empty: ui.t('ed.unset'), options: subOptions(ui, p.pillar) }),
      cell('horizon', 'select', { required: true, options: opts(ui, 'horizons'), pick: horizonPick(ui, base), redraw: true }),
      cell('start_year', 'int', { required: true }),
      cell('status', 'select', { required: true, options: opts(ui, 'program_statuses'), whatIf: true }),
      cell('lead_agency', 'text'),
      h('td', { class: 'ed-c-more' },
        h('button', {
          type: 'button', class: 'secondary ed-toggle', id: `${rowId}-more`,
          'aria-expanded': open ? 'true' : 'false', 'aria-controls': detailId, 'aria-label': ui.t('ed.p.detailsOf', { n: i + 1 }),
          onclick: () => {
            if (view.expanded.has(p)) view.expanded.delete(p);
            else view.expanded.add(p);
            ui.redraw({ focus: `#${rowId}-more` });
          },
        }, h('span', { 'aria-hidden': 'true' }, open ? '▾ ' : '▸ '), ui.t('ed.p.details'))));
    if (!open) return [main];
    return [main, h('tr', { class: 'ed-row-detail', id: detailId }, h('td', { colspan: String(COLUMNS.length + 2) }, details(ui, programs, i)))];
  }

  function details(ui, programs, i) {
    const p = programs[i] ?? {};
    const base = ['programs', i];
    const qw = p.quick_win;
    const launched = qw && typeof qw === 'object' && ui.v.item('quick_win_statuses', qw.status)?.launched;
    return h('div', { class: 'ed-detail' },
      h('p', { class: 'small ed-counted', 'data-program': i }, countedText(ui, i)),
      h('div', { class: 'ed-row' },
        field(ui, { at: [...base, 'end_year'], type: 'int', label: ui.t('ed.f.program.end_year') }),
        field(ui, { at: [...base, 'progress_percent'], type: 'num', label: ui.t('ed.f.program.progress_percent') })),
      field(ui, { at: [...base, 'evidence'], type: 'list', label: ui.t('ed.f.evidence'), wide: true }),
      qw && typeof qw === 'object'
        ? h('fieldset', { class: 'ed-group' }, h('legend', {}, ui.t('ed.p.qw')),
            h('div', { class: 'ed-row' },
              field(ui, { at: quickWinAt(base, 'year'), type: 'int', required: true, label: ui.t('ed.f.qw.year') }),
              field(ui, { at: quickWinAt(base, 'status'), type: 'select', required: true, options: opts(ui, 'quick_win_statuses'), label: ui.t('ed.f.qw.status'), pick: qwStatusPick(ui, base), redraw: true, whatIf: true }),
              launched ? field(ui, { at: quickWinAt(base, 'launched_year'), type: 'int', required: true, label: ui.t('ed.f.qw.launched_year'), whatIf: true }) : null,
              field(ui, { at: quickWinAt(base, 'innovation_score'), type: 'int', label: ui.t('ed.f.qw.innovation_score') })))
        : null,
      h('div', { class: 'ed-actions', role: 'group', 'aria-label': ui.t('ed.p.actions') },
        h('button', { type: 'button', class: 'secondary', id: `ed-p-${i}-dup`, disabled: ui.whatIf, onclick: () => duplicate(ui, programs, i) }, ui.t('ed.p.duplicate')),
        h('button', { type: 'button', class: 'secondary', id: `ed-p-${i}-up`, disabled: ui.whatIf || i === 0, onclick: () => move(ui, programs, i, -1) }, `↑ ${ui.t('ed.p.up')}`),
        h('button', { type: 'button', class: 'secondary', id: `ed-p-${i}-down`, disabled: ui.whatIf || i === programs.length - 1, onclick: () => move(ui, programs, i, 1) }, `↓ ${ui.t('ed.p.down')}`),
        h('button', { type: 'button', class: 'danger', id: `ed-p-${i}-delete`, disabled: ui.whatIf, onclick: () => remove(ui, programs, i) }, ui.t('ed.p.delete'))));
  }

  /** The horizon decides whether the program carries a quick-win object (spec §1). */
  function horizonPick(ui, base) {
    return (horizon) => {
      const qwAt = quickWinAt(base);
      const has = ui.doc.get(qwAt) !== undefined;
      const needs = horizon === ui.quickWinHorizon;
      if (needs && !has) {
        const year = ui.doc.get(['evaluation', 'year']);
        const start = ui.doc.get([...base, 'start_year']);
        const due = Number.isInteger(year) ? year : Number.isInteger(start) ? start : undefined;
        const first = ui.v.list('quick_win_statuses')[0]?.id;
        return [[[...base, 'horizon'], horizon], [qwAt, due === undefined ? { status: first } : { year: due, status: first }]];
      }
      if (!needs && has) return [[[...base, 'horizon'], horizon], [qwAt, undefined]];
      return [[[...base, 'horizon'], horizon]];
    };
  }

  /** A launched quick win carries its launch year; one not launched must not (spec §1). */
  function qwStatusPick(ui, base) {
    return (status) => {
      const at = quickWinAt(base, 'status');
      const yearAt = quickWinAt(base, 'launched_year');
      const launched = ui.v.item('quick_win_statuses', status)?.launched === true;
      const has = ui.doc.get(yearAt) !== undefined;
      if (launched && !has) {
        const year = ui.doc.get(['evaluation', 'year']);
        return Number.isInteger(year) ? [[at, status], [yearAt, year]] : [[at, status]];
      }
      if (!launched && has) return [[at, status], [yearAt, undefined]];
      return [[at, status]];
    };
  }

  function add(ui, programs) {
    const firstOther = ui.v.list('horizons').find((x) => x.id !== ui.quickWinHorizon)?.id;
    const year = ui.doc.get(['evaluation', 'year']);
    const program = {
      id: freshId(programs, 'PRG'),
      name: '',
      pillar: view.filters.pillar || ui.v.list('pillars')[0]?.id,
      horizon: firstOther,
      start_year: Number.isInteger(year) ? year : undefined,
      status: view.filters.status || ui.v.list('program_statuses')[0]?.id,
    };
    const group = view.filters.agency === '' ? null : ui.assessment()?.agencies?.[Number(view.filters.agency)];
    if (group?.name) program.lead_agency = group.name;
    if (program.start_year === undefined) delete program.start_year;
    const n = programs.length;
    view.page = Math.floor(shownAfter(ui, n) / PAGE);
    ui.edit([[['programs'], [...programs, program]]], { redraw: true, focus: format(['programs', n, 'name']) });
    ui.say(ui.t('ed.p.added', { n: n + 1 }));
  }

  /** Where program `n` will be in the filtered list (the new one is last). */
  function shownAfter(ui, n) {
    const raw = ui.doc.get(['programs']);
    return shown(ui, Array.isArray(raw) ? raw : []).filter((i) => i < n).length;
  }

  function duplicate(ui, programs, i) {
    const copy = structuredClone(programs[i]);
    const ids = new Set(programs.map((p) => p?.id));
    let k = 2;
    while (ids.has(`${copy.id}-${k}`)) k++;
    copy.id = `${copy.id}-${k}`;
    const next = [...programs.slice(0, i + 1), copy, ...programs.slice(i + 1)];
    ui.edit([[['programs'], next]], { redraw: true, focus: format(['programs', i + 1, 'name']) });
    ui.say(ui.t('ed.p.duplicated', { n: i + 2 }));
  }

  function move(ui, programs, i, by) {
    const j = i + by;
    if (j < 0 || j >= programs.length) return;
    const next = [...programs];
    [next[i], next[j]] = [next[j], next[i]];
    view.expanded.add(next[j]);
    ui.edit([[['programs'], next]], { redraw: true, focus: `#ed-p-${j}-${by < 0 ? 'up' : 'down'}` });
    ui.say(ui.t('ed.p.moved', { n: j + 1 }));
  }

  function remove(ui, programs, i) {
    const name = programs[i]?.name || programs[i]?.id || String(i + 1);
    const next = programs.filter((_, j) => j !== i);
    const focus = next.length ? format(['programs', Math.min(i, next.length - 1), 'name']) : '#ed-add-program';
    ui.edit([[['programs'], next]], { redraw: true, focus });
    ui.say(ui.t('ed.p.deleted', { name }));
  }

  /**
   * Makes program `i` visible (filters that hide it cleared, its page shown, its detail row
   * open when `key` is not in the main row); the caller redraws.
   */
  function reveal(ui, i, key) {
    const raw = ui.doc.get(['programs']);
    const programs = Array.isArray(raw) ? raw : [];
    if (!shown(ui, programs).includes(i)) view.filters = { pillar: '', agency: '', status: '' };
    view.page = Math.max(0, Math.floor(shown(ui, programs).indexOf(i) / PAGE));
    if (key !== undefined && !IN_ROW.has(key) && programs[i]) view.expanded.add(programs[i]);
  }

  /**
   * After a new assessment, without drawing the table again (the person may be typing in it):
   * the OPD filter's groups and the engine's word on each open program.
   */
  function refresh(ui, root) {
    const select = root.querySelector('#ed-filter-agency');
    if (select) {
      const agencies = ui.assessment()?.agencies ?? [];
      const chosen = select.value;
      select.replaceChildren(h('option', { value: '' }, ui.t('ed.p.all')), ...agencies.map((g, i) => h('option', { value: String(i) }, ui.msg(g.label))));
      select.value = chosen && Number(chosen) < agencies.length ? chosen : '';
    }
    for (const el of root.querySelectorAll('.ed-counted[data-program]')) el.textContent = countedText(ui, Number(el.dataset.program));
  }

  return { view, render, reveal, refresh };
}

/** The engine's word on program `i`: counted and implemented or not, or why it is not counted. */
function countedText(ui, i) {
  const state = ui.assessment()?.implementation?.programs?.[i];
  if (!state) return '';
  if (!state.counted) return ui.v.label('not_counted_reasons', state.not_counted, ui.locale);
  return ui.t('ed.p.counted', { state: state.implemented ? ui.t('ed.p.implemented') : ui.t('ed.p.notImplemented') });
}
