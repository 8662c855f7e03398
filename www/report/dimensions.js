// The five evaluation dimensions: score, weight, where the score came from, and the formula
// with the file's own numbers (all from the engine).

import { h } from '../lib/dom.js';
import { badge, impactHalves, row, section } from './parts.js';

export function renderDimensions(ctx) {
  const { a, t, f, v, locale } = ctx;
  const ev = a.evaluation;
  const cards = Object.entries(ev.dimensions).map(([id, d]) =>
    h(
      'article',
      { class: `dim src-${d.source}`, 'aria-labelledby': `dim-${id}-h`, 'data-dimension': id },
      h('h3', { id: `dim-${id}-h` }, v.label('dimensions', id, locale)),
      h('p', { class: 'dim-score' }, f.score(d.score), h('span', { class: 'dim-of' }, ' / 4')),
      h('p', { class: 'dim-meta' }, t('dims.weight', { w: f.num(d.weight, 4) }), ' · ', badge(`src-${d.source}`, v.label('dimension_sources', d.source, locale))),
      typeof d.computed_score === 'number' && d.computed_score !== d.score
        ? h('p', { class: 'small' }, t('dims.computedWas', { v: f.score(d.computed_score) }))
        : null,
      h(
        'details',
        { class: 'how' },
        h('summary', {}, t('dims.how', { dim: v.label('dimensions', id, locale) })),
        h('p', { class: 'formula' }, ctx.msg(d.formula)),
        d.inputs?.length
          ? h('table', { class: 'mini' }, h('caption', { class: 'sr-only' }, t('dims.inputs', { dim: v.label('dimensions', id, locale) })),
              h('tbody', {}, d.inputs.map((i) => row(ctx.msg(i.label), f.num(i.value)))))
          : null,
        impactHalves(ctx, d),
      ),
    ),
  );
  return section(
    'dimensions',
    t('dims.heading'),
    h('p', { class: 'lead' }, t('dims.lead')),
    h('div', { class: 'dims' }, cards),
    h('details', { class: 'how' }, h('summary', {}, t('dims.howIndex')), h('p', { class: 'formula', id: 'index-formula' }, ctx.msg(ev.formula))),
  );
}
