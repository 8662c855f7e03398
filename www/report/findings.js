// Findings and recommendations: grouped by severity (the most serious first), by OPD or by
// pillar, with a filter on severity; the counts are the engine's finding_counts. Each finding
// names its program (code and name) or readiness question (parts.js findingItem), never its
// JSON location. Long groups show a page at a time (parts.js paged).

import { h } from '../lib/dom.js';
import { agencyOrder, findingList, section } from './parts.js';
import { severityCounts } from './summary.js';

/** How the list is grouped and filtered; kept while the page is open (a re-render keeps it). */
const view = { group: 'severity', severity: '' };

export function renderFindings(ctx) {
  const { a, t } = ctx;
  const body = h('div', { id: 'findings-groups' });
  const fill = () => body.replaceChildren(...groups(ctx));
  const groupSelect = h('select', { id: 'findings-group', onchange: (e) => { view.group = e.target.value; fill(); } },
    ['severity', 'agency', 'pillar'].map((id) => h('option', { value: id, selected: view.group === id }, t(`findings.by.${id}`))));
  const severitySelect = h('select', { id: 'findings-severity', onchange: (e) => { view.severity = e.target.value; fill(); } },
    h('option', { value: '' }, t('findings.allSeverities')),
    ctx.v.list('severities').filter(({ id }) => a.finding_counts?.[id]).map(({ id }) => h('option', { value: id, selected: view.severity === id }, ctx.v.label('severities', id, ctx.locale))));
  fill();
  return section('findings', t('findings.heading'),
    h('p', { class: 'lead', id: 'findings-lead' }, t('findings.lead', { counts: severityCounts(ctx, a.finding_counts ?? {}) })),
    a.findings.length
      ? [h('div', { class: 'filters no-print' },
          h('div', { class: 'field' }, h('label', { for: 'findings-group' }, t('findings.groupBy')), groupSelect),
          h('div', { class: 'field' }, h('label', { for: 'findings-severity' }, t('findings.severity')), severitySelect)),
        body]
      : h('p', {}, t('findings.none')));
}

/** The groups of the chosen view, each a heading with its count and its list. */
function groups(ctx) {
  const { a, t, v, locale, f } = ctx;
  const all = a.findings.map((x, i) => ({ x, i })).filter(({ x }) => !view.severity || x.severity === view.severity);
  if (!all.length) return [h('p', { id: 'findings-none-shown' }, t('findings.noneShown'))];
  let parts;
  if (view.group === 'agency') {
    const order = agencyOrder(ctx);
    parts = [
      { key: 'agency-none', title: t('findings.regionWide'), items: all.filter(({ x }) => typeof x.agency_index !== 'number') },
      ...order.map((g) => ({ key: `agency-${g}`, title: ctx.msg(a.agencies[g].label), items: all.filter(({ x }) => x.agency_index === g) })),
    ];
  } else if (view.group === 'pillar') {
    parts = [
      ...v.list('pillars').map(({ id }) => ({ key: `pillar-${id}`, title: v.label('pillars', id, locale), items: all.filter(({ x }) => x.pillar === id) })),
      { key: 'pillar-none', title: t('findings.noPillar'), items: all.filter(({ x }) => !x.pillar) },
    ];
  } else {
    return [findingList(ctx, all.map(({ i }) => i), 'findings-list')];
  }
  return parts.filter((p) => p.items.length).map((p) =>
    h('section', { class: 'finding-group', 'aria-labelledby': `fg-${p.key}` },
      h('h3', { id: `fg-${p.key}` }, p.title, h('span', { class: 'count' }, ` (${f.int(p.items.length)})`)),
      findingList(ctx, p.items.map(({ i }) => i), `findings-${p.key}`)));
}
