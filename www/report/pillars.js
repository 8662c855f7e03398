// Implementation per pillar: a bar chart and its table, with the target and what each pillar
// below it needs. "Below target" is the engine's `below_target` (decided on the rounded
// percent; null when nothing is planned), never a comparison made here.

import { h, svg } from '../lib/dom.js';
import { gapText, section, table } from './parts.js';

/**
 * The implementation rate per pillar as bars. `wide`: names left of the bars; `narrow`: names
 * above them, so the text stays readable at phone width. Both are drawn; CSS shows one.
 */
function pillarChart(ctx, pillars, layout) {
  const { a, t, f } = ctx;
  const impl = a.implementation;
  const narrow = layout === 'narrow';
  const rowH = narrow ? 48 : 34;
  const left = narrow ? 0 : 150;
  const width = narrow ? 290 : 330;
  const barY = narrow ? 20 : 0; // the bar's offset within its row (below the name when narrow)
  const height = pillars.length * rowH + 34;
  const scale = (p) => (width * p) / 100;
  const target = impl.target_percent;
  const describe = ({ name, d }) => `${name} ${d?.percent === null || d?.percent === undefined ? t('pillars.none') : f.pct(d.percent)}`;
  const titleId = `pillar-chart-title-${layout}`;
  const chart = svg('svg', { viewBox: `0 0 ${left + width + 96} ${height}`, role: 'img', 'aria-labelledby': titleId, class: `chart chart-${layout}`, preserveAspectRatio: 'xMinYMin meet' },
    svg('title', { id: titleId }, `${t('pillars.chartTitle')}: ${pillars.map(describe).join('; ')}`),
  );
  pillars.forEach(({ name, d }, i) => {
    const y = i * rowH + 8;
    chart.append(narrow
      ? svg('text', { x: 0, y: y + 13, class: 'chart-label' }, name)
      : svg('text', { x: left - 8, y: y + 16, 'text-anchor': 'end', class: 'chart-label' }, name));
    chart.append(svg('rect', { x: left, y: y + barY, width, height: 22, class: 'chart-track' }));
    if (typeof d?.percent === 'number') {
      const below = d.below_target === true;
      chart.append(svg('rect', { x: left, y: y + barY, width: scale(d.percent), height: 22, class: `chart-bar ${below ? 'below' : ''}` }));
      chart.append(svg('text', { x: left + width + 6, y: y + barY + 16, class: 'chart-value' }, `${f.pct(d.percent)}${below ? ' ↓' : ''}`));
    } else {
      chart.append(svg('text', { x: left + 6, y: y + barY + 16, class: 'chart-value none' }, t('pillars.none')));
    }
  });
  if (typeof target === 'number') {
    const x = left + scale(target);
    chart.append(svg('line', { x1: x, x2: x, y1: 2, y2: height - 24, class: 'chart-target' }));
    chart.append(svg('text', { x, y: height - 8, 'text-anchor': 'middle', class: 'chart-target-label' }, t('pillars.target', { target: f.pct(target) })));
  }
  return chart;
}

export function renderPillars(ctx) {
  const { a, t, f, v, locale } = ctx;
  const impl = a.implementation;
  const pillars = v.list('pillars').map((p) => ({ id: p.id, name: v.label('pillars', p.id, locale), d: impl.pillars[p.id] }));
  const rows = pillars.map(({ id, name, d }) =>
    h('tr', { 'data-pillar': id },
      h('th', { scope: 'row' }, name),
      h('td', { class: 'n' }, f.int(d?.planned)),
      h('td', { class: 'n' }, f.num(d?.implemented)),
      h('td', { class: 'n pct' }, f.pct(d?.percent), d?.below_target === true ? h('span', { class: 'flag' }, ' ↓ ', t('pillars.below')) : null),
      h('td', { class: 'gap' }, gapText(ctx, d, id)),
    ));
  const foot = [
    h('tr', {}, h('th', { scope: 'row' }, t('pillars.overall')), h('td', { class: 'n' }, f.int(impl.overall.planned)), h('td', { class: 'n' }, f.num(impl.overall.implemented)),
      h('td', { class: 'n', id: 'overall-percent' }, f.pct(impl.overall.percent)), h('td', { class: 'gap', id: 'overall-gap' }, gapText(ctx, impl.overall))),
    h('tr', {}, h('th', { scope: 'row' }, t('pillars.mean')), h('td', {}), h('td', {}), h('td', { class: 'n' }, f.pct(impl.mean_of_pillars)), h('td', {})),
  ];
  const gaps = pillars.filter(({ d }) => d?.below_target === true).map(({ id, d }) => h('li', {}, gapText(ctx, d, id)));
  return section(
    'pillars',
    t('pillars.heading'),
    h('p', { class: 'lead' }, t('pillars.lead', { target: f.pct(impl.target_percent) })),
    gaps.length ? h('div', { class: 'callout' }, h('p', { class: 'small-h' }, t('pillars.nextSteps')), h('ul', { id: 'pillar-gaps' }, gaps)) : null,
    h('div', { class: 'chart-grid' },
      h('figure', {}, pillarChart(ctx, pillars, 'wide'), pillarChart(ctx, pillars, 'narrow'), h('figcaption', { class: 'small' }, t('pillars.chartCaption'))),
      table(t('pillars.tableCaption'), [t('pillars.pillar'), t('pillars.plannedCount'), t('pillars.implementedCount'), t('pillars.rate'), t('pillars.gap')], rows, { foot, cls: 'pillar-table', text: [4] }),
    ),
  );
}
