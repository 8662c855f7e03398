// Quick wins: the tracker by due year (each with its state, as the engine decided it) and the
// table per year, one column per quick-win state in the engine's order.

import { h } from '../lib/dom.js';
import { agencyLabel, icon, qwBadge, section, stateCounts, table } from './parts.js';

export function renderQuickWins(ctx) {
  const { a, t, f, v, locale } = ctx;
  const qw = a.quick_wins;
  const states = v.list('quick_win_states');
  const rows = qw.by_year.map((y) =>
    h('tr', {}, h('th', { scope: 'row' }, String(y.year)), h('td', { class: 'n' }, f.int(y.due)), h('td', { class: 'n' }, f.int(y.achieved)),
      states.map(({ id }) => h('td', { class: `n ${y[id] ? 'has' : 'zero'}` }, y[id] ? [icon(`qw-${id}`), ' ', f.int(y[id])] : '0')),
      h('td', { class: 'n' }, f.pct(y.percent))),
  );
  // Grouped in the engine's by_year order.
  const groups = qw.by_year.map((y) => [y.year, qw.items.filter((item) => item.year === y.year)]).filter(([, items]) => items.length);
  const tracker = h('ol', { class: 'tracker' }, groups.map(([year, items]) =>
    h('li', {}, h('h3', { class: 'tracker-year' }, String(year)),
      h('ul', {}, items.map((item) =>
        h('li', { class: `qw-item qw-${item.state}` }, qwBadge(ctx, item.state), ' ',
          item.program_id ? [h('span', { class: 'code' }, item.program_id), ' · '] : null,
          h('span', { class: 'qw-name' }, item.name),
          h('span', { class: 'small' }, ` · ${[
            v.label('pillars', item.pillar, locale),
            typeof item.agency_index === 'number' ? agencyLabel(ctx, item.agency_index) : null,
            item.launched_year ? t('qw.launchedIn', { year: item.launched_year }) : null,
          ].filter(Boolean).join(' · ')}`),
          item.rule ? h('span', { class: 'qw-rule small' }, ctx.msg(item.rule)) : null))))));
  return section(
    'quickwins',
    t('qw.heading'),
    h('p', { class: 'lead', id: 'qw-summary' }, t('qw.summary', { achieved: f.int(qw.achieved), due: f.int(qw.due), pct: f.pct(qw.percent) }),
      qw.total ? ` ${stateCounts(ctx, qw)}.` : null),
    qw.total ? tracker : h('p', {}, t('qw.none')),
    qw.total
      ? table(t('qw.tableCaption'), [t('qw.year'), t('qw.due'), t('qw.achieved'), ...states.map(({ id }) => [icon(`qw-${id}`), ' ', v.label('quick_win_states', id, locale)]), t('qw.rate')], rows, { cls: 'qw-table' })
      : null,
  );
}
