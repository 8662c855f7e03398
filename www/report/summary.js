// The summary card: region, the index (or its estimate, with why), the year-on-year change,
// four headline figures, the downloads and what produced the result.

import { h } from '../lib/dom.js';
import { stat } from './parts.js';

export function renderSummary(ctx) {
  const { a, t, f, v, locale } = ctx;
  const ev = a.evaluation;
  const estimate = ev.index === null || ev.index === undefined;
  const value = estimate ? ev.index_estimate : ev.index;
  // The dimensions without a score (neither computed nor provided), in the engine's order.
  const missing = Object.entries(ev.dimensions)
    .filter(([, d]) => d.score === null || d.score === undefined)
    .map(([id]) => v.label('dimensions', id, locale));

  const big = h(
    'div',
    { class: `index ${estimate ? 'estimate' : ''}`, id: 'index-card', tabindex: '-1', role: 'group', 'aria-labelledby': 'index-label index-value' },
    h('p', { class: 'index-label', id: 'index-label' }, estimate ? t('summary.indexEstimate') : t('summary.index')),
    h('p', { class: 'index-value', id: 'index-value' }, f.score(value), estimate ? h('span', { class: 'est-mark' }, ` (${t('summary.estimateShort')})`) : null),
    h('p', { class: 'index-scale' }, t('summary.scale')),
    ev.improvement === null || ev.improvement === undefined
      ? h('p', { class: 'improvement none' }, t('summary.noPrevious'))
      : h(
          'p',
          { class: `improvement ${ev.improvement > 0 ? 'up' : ev.improvement < 0 ? 'down' : ''}`, id: 'improvement' },
          h('span', { 'aria-hidden': 'true' }, ev.improvement > 0 ? '▲ ' : ev.improvement < 0 ? '▼ ' : '■ '),
          t('summary.improvement', { value: f.signed(ev.improvement), year: ev.previous?.year ?? '', prev: f.score(ev.previous?.index) }),
        ),
  );
  const notes = [h('p', { class: 'disclaimer' }, h('strong', {}, t('summary.selfAssessment')), ' ', t('summary.notOfficial'))];
  if (estimate) notes.push(h('p', { class: 'estimate-why', id: 'estimate-why' }, t('summary.estimateWhy', { dims: missing.join(', ') })));

  const qw = a.quick_wins;
  const overall = a.implementation.overall;
  const counts = a.finding_counts ?? {};
  const stats = h(
    'dl',
    { class: 'stats' },
    stat(t('summary.overall'), f.pct(overall.percent), t('summary.overallDetail', { impl: f.num(overall.implemented), planned: f.int(overall.planned) }), 'stat-overall'),
    stat(t('summary.quickWins'), f.pct(qw.percent), t('summary.qwDetail', { achieved: f.int(qw.achieved), due: f.int(qw.due) }), 'stat-qw'),
    stat(t('summary.readiness'), a.readiness ? f.score(a.readiness.score) : '—', a.readiness ? ctx.msg(categoryText(a.readiness.category)) : t('readiness.none')),
    stat(t('summary.findings'), f.int(a.findings.length), severityCounts(ctx, counts), 'stat-findings'),
  );

  const meta = h(
    'dl',
    { class: 'meta' },
    metaItem(t('meta.file'), ctx.fileName || '—', 'meta-file'),
    metaItem(t('meta.method'), `${ctx.msg(a.method.name)}${ctx.methods.some((m) => m.id === a.method.id) ? '' : ` (${t('method.custom')})`} · ${a.method.id} v${a.method.version}`, 'meta-method'),
    metaItem(t('meta.engine'), `${a.engine.name} ${a.engine.version}`),
    metaItem(t('meta.hash'), h('code', { id: 'input-hash', class: 'hash' }, a.input_sha256)),
  );

  const downloads = h(
    'div',
    { class: 'downloads no-print', role: 'group', 'aria-label': t('download.group') },
    h('button', { type: 'button', id: 'dl-json', onclick: () => ctx.on.download('json') }, '⬇ ', t('download.json')),
    h('button', { type: 'button', id: 'dl-csv-id', onclick: () => ctx.on.download('csv-id') }, '⬇ ', t('download.csvId')),
    h('button', { type: 'button', id: 'dl-csv-en', onclick: () => ctx.on.download('csv-en') }, '⬇ ', t('download.csvEn')),
    h('button', { type: 'button', id: 'dl-results-xlsx', onclick: () => ctx.on.download('results-xlsx') }, '⬇ ', t('download.resultsXlsx')),
    h('button', { type: 'button', id: 'dl-xlsx', onclick: () => ctx.on.download('xlsx') }, '⬇ ', t('download.xlsx')),
    h('button', { type: 'button', id: 'print', onclick: () => ctx.on.print() }, t('download.print')),
    h('a', { href: '#letter', class: 'letter-link' }, t('letter.link')),
  );

  const region = a.region ?? {};
  return h(
    'section',
    { id: 'summary', class: 'card summary', 'aria-labelledby': 'summary-h' },
    h('p', { class: 'eyebrow' }, t('summary.eyebrow', { year: a.year })),
    h('h2', { id: 'summary-h' }, region.name ?? ''),
    h('p', { class: 'region-meta', id: 'region-meta' }, [v.label('region_kinds', region.kind, locale), region.province, region.code].filter(Boolean).join(' · ')),
    h('div', { class: 'summary-grid' }, big, h('div', {}, notes, stats)),
    downloads,
    h('p', { class: 'small no-print' }, t('download.hint')),
    meta,
  );
}

/** "2 Kritis · 5 Peringatan · 3 Saran": the engine's counts, labelled by the engine. */
export function severityCounts(ctx, counts) {
  return Object.entries(counts)
    .map(([id, n]) => `${ctx.f.int(n)} ${ctx.v.label('severities', id, ctx.locale).toLocaleLowerCase(ctx.locale === 'en' ? 'en' : 'id')}`)
    .join(' · ');
}

/** A category given as `{ label, label_en }` → a bilingual text. */
export function categoryText(category) {
  return category ? { id: category.label ?? category.label_en, en: category.label_en ?? category.label } : '';
}

function metaItem(label, value, id) {
  return h('div', {}, h('dt', {}, label), h('dd', { id }, value));
}
