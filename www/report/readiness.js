// Regional readiness (Analisis Kesiapan Daerah): the score and its category, per aspect, and
// the spread of items over the bands (aspects and bands named by the engine).

import { h } from '../lib/dom.js';
import { row, section, table } from './parts.js';
import { categoryText } from './summary.js';

export function renderReadiness(ctx) {
  const { a, t, f, v, locale } = ctx;
  const r = a.readiness;
  if (!r) return section('readiness', t('readiness.heading'), h('p', {}, t('readiness.none')));
  const rows = Object.entries(r.aspects).map(([k, value]) => row(v.label('readiness_aspects', k, locale), f.score(value), f.int(r.aspect_items?.[k])));
  const dist = Object.entries(r.distribution ?? {}).map(([k, d]) => row(v.label('readiness_bands', k, locale), f.int(d.count), f.pct(d.percent)));
  return section(
    'readiness',
    t('readiness.heading'),
    h('p', { class: 'lead' }, t('readiness.score', { score: f.score(r.score), category: ctx.msg(categoryText(r.category)) }),
      r.category?.concern ? h('span', { class: 'flag' }, ' ⚠ ', t('readiness.concern')) : null),
    h('div', { class: 'two' },
      table(t('readiness.aspects'), [t('readiness.aspect'), t('readiness.aspectScore'), t('readiness.items')], rows),
      table(t('readiness.distribution'), [t('readiness.band'), t('readiness.count'), t('readiness.share')], dist)),
  );
}
