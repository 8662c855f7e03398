// Per OPD (lead agency): a chooser, the chosen agency's detail, and the table of all. The
// groups are the engine's (one per trimmed name, and one labelled group for programs without
// an agency, last); their programs, quick wins and findings are the engine's indices, so the
// counts in a header and the lists below it cannot disagree. The choice lives in app.js
// (ctx.view.agency, an index); a change calls ctx.on.agency and app.js calls showAgency.
// The table of all agencies shows one page (lib/pager.js) at a time: 50 000 agencies render
// like 50.

import { h } from '../lib/dom.js';
import { createPager } from '../lib/pager.js';
import { agencyOfProgram, agencyOrder, findingList, gapText, paged, programRow, programTable, qwBadge, section, stat, stateCounts, table } from './parts.js';

/** Up to this many agencies, the chooser lists them all. */
const CHOOSER_ALL = 1000;

export function renderAgencies(ctx) {
  const { a, t, f } = ctx;
  const agencies = a.agencies ?? [];
  const chosen = ctx.view.agency;
  // Agencies in Indonesian collation (the no-agency group last): the table's order and the chooser's.
  const order = agencyOrder(ctx);
  const select = h('select', { id: 'agency-select', onchange: (e) => ctx.on.agency(e.target.value === '' ? null : Number(e.target.value)) });
  const option = (i) => h('option', { value: String(i), selected: chosen === i }, ctx.msg(agencies[i].label));
  // The chooser lists every agency up to CHOOSER_ALL of them; beyond, the agencies of the
  // table's page (and the chosen one), so 50 000 agencies do not make 50 000 options.
  const fillChooser = (from, to) => {
    const page = order.slice(from, to);
    const shown = agencies.length <= CHOOSER_ALL ? order : [...new Set([...(typeof chosen === 'number' && agencies[chosen] && !page.includes(chosen) ? [chosen] : []), ...page])];
    select.replaceChildren(h('option', { value: '' }, t('agency.choose')), ...shown.map(option));
  };
  const row = (ag, i) =>
    h('tr', { 'data-agency': i },
      h('th', { scope: 'row' }, h('button', { type: 'button', class: 'link', id: `agency-${i}`, onclick: () => ctx.on.agency(i, { scroll: true }) }, ctx.msg(ag.label))),
      h('td', { class: 'n' }, f.int(ag.rate.planned)),
      h('td', { class: 'n' }, f.num(ag.rate.implemented)),
      h('td', { class: 'n' }, f.pct(ag.rate.percent), ag.rate.below_target === true ? h('span', { class: 'flag' }, ' ↓') : null),
      h('td', { class: 'n' }, ag.quick_wins.due ? t('agency.qwShort', { achieved: f.int(ag.quick_wins.achieved), due: f.int(ag.quick_wins.due) }) : '—'),
      h('td', { class: 'n' }, f.int(ag.findings)),
      h('td', { class: 'gap' }, gapText(ctx, ag.rate)));
  const all = table(t('agency.caption'), [t('agency.name'), t('pillars.plannedCount'), t('pillars.implementedCount'), t('pillars.rate'), t('agency.qw'), t('agency.findings'), t('pillars.gap')], [], { id: 'agency-table', text: [6] });
  const body = all.querySelector('tbody');
  const pager = createPager({
    words: t,
    format: f.int,
    name: t('agency.caption'),
    id: 'agency-pager',
    onPage: (from, to, page) => {
      body.replaceChildren(...order.slice(from, to).map((i) => row(agencies[i], i)));
      if (agencies.length > CHOOSER_ALL || !select.options.length) fillChooser(from, to);
      ctx.on.page?.('agencies', page);
    },
  });
  pager.set(agencies.length, ctx.view.pages?.agencies ?? 0);
  const root = section('agencies', t('agency.heading'),
    h('p', { class: 'lead' }, t('agency.lead')),
    h('div', { class: 'field no-print' }, h('label', { for: 'agency-select' }, t('agency.label')), select),
    h('div', { id: 'agency-detail', class: 'agency-detail', 'aria-live': 'polite' }),
    h('details', { class: 'agency-all', open: true }, h('summary', {}, t('agency.all', { n: agencies.length })),
      all, pager.element));
  showAgency(ctx, root);
  return root;
}

/** Shows the chosen agency (ctx.view.agency) in the detail under `root`, or nothing. */
export function showAgency(ctx, root = document) {
  const index = ctx.view.agency;
  const ag = index === null || index === undefined ? undefined : ctx.a.agencies?.[index];
  const select = root.querySelector('#agency-select');
  if (select) select.value = ag ? String(index) : '';
  root.querySelector('#agency-detail').replaceChildren(...(ag ? [agencyDetail(ctx, ag)] : []));
}

function agencyDetail(ctx, ag) {
  const { a, t, f } = ctx;
  const qws = (ag.quick_win_indices ?? []).map((i) => a.quick_wins.items[i]).filter(Boolean);
  const findings = ag.finding_indices ?? [];
  const programs = ag.program_indices ?? [];
  const agencyOf = agencyOfProgram(a);
  const body = h('tbody');
  const more = paged(ctx, body, programs, (i) => programRow(ctx, i, agencyOf));
  return h('article', { class: 'agency', 'aria-labelledby': 'agency-h' },
    h('h3', { id: 'agency-h' }, ctx.msg(ag.label)),
    h('dl', { class: 'stats' },
      stat(t('pillars.rate'), f.pct(ag.rate.percent), t('summary.overallDetail', { impl: f.num(ag.rate.implemented), planned: f.int(ag.rate.planned) }), 'agency-rate'),
      stat(t('summary.quickWins'), ag.quick_wins.due ? `${f.int(ag.quick_wins.achieved)} / ${f.int(ag.quick_wins.due)}` : '—', [t('agency.qwCount', { n: f.int(ag.quick_wins.total) }), stateCounts(ctx, ag.quick_wins)].filter(Boolean).join(' · '), 'agency-qw'),
      stat(t('agency.findings'), f.int(ag.findings), '', 'agency-findings-count'),
    ),
    h('p', { class: 'callout', id: 'agency-gap' }, gapText(ctx, ag.rate)),
    h('h4', {}, t('agency.programs', { n: f.int(programs.length) })),
    programTable(ctx, body, t('agency.programsOf', { agency: ctx.msg(ag.label) })),
    more,
    qws.length
      ? [h('h4', {}, t('agency.quickWins', { n: f.int(qws.length) })),
          h('ul', { class: 'plain', id: 'agency-qws' }, qws.map((q) => h('li', {}, qwBadge(ctx, q.state), ' ', q.name, h('span', { class: 'small' }, ` · ${q.year}`))))]
      : null,
    findings.length
      ? [h('h4', {}, t('agency.findingsHeading', { n: f.int(findings.length) })), findingList(ctx, findings, 'agency-findings')]
      : h('p', { class: 'small', id: 'agency-no-findings' }, t('findings.none')),
  );
}
