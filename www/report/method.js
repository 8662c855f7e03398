// The method card: the preset in use (and the choice of another), its weights with their sum,
// its note, version and sources.

import { h } from '../lib/dom.js';
import { row, section, table } from './parts.js';

export function renderMethod(ctx) {
  const { a, t, f, v, locale } = ctx;
  // A method that is no preset (a custom one from a re-opened download, confirmed by the
  // person) is named as custom, and the dropdown shows it as such, not as a preset.
  const preset = ctx.methods.find((m) => m.id === a.method.id);
  const current = preset ?? a.method;
  const name = preset ? ctx.msg(current.name) : `${ctx.msg(a.method.name)} (${t('method.custom')})`;
  const select = h(
    'select',
    { id: 'method-select', onchange: (e) => ctx.on.method(e.target.value) },
    preset ? null : h('option', { value: '', selected: true, disabled: true, id: 'method-custom' }, name),
    ctx.methods.map((m) =>
      h('option', { value: m.id, selected: m.id === a.method.id }, `${ctx.msg(m.name)}${m.disputed ? ` — ${t('method.disputed')}` : ''}`),
    ),
  );
  const weights = a.method.weights;
  // The sum is shown so a reader can check the preset; it plays no part in any score.
  const sum = Object.values(weights).reduce((x, y) => x + y, 0);
  const rows = Object.entries(weights).map(([dim, w]) => row(v.label('dimensions', dim, locale), f.num(w, 4)));
  return section(
    'method',
    t('method.heading'),
    h('div', { class: 'field no-print' }, h('label', { for: 'method-select' }, t('method.label')), select),
    // On paper the choice is a sentence, not a dropdown.
    h('p', { class: 'print-only', id: 'method-printed' }, `${t('method.label')}: ${name}`),
    current.disputed ? h('p', { class: 'callout warn', id: 'method-disputed' }, h('span', { class: 'badge sev-warning' }, h('span', { class: 'icon sev-warning', 'aria-hidden': 'true' }), t('method.disputed')), ' ', t('method.disputedNote')) : null,
    h('div', { class: 'two' },
      table(t('method.weights'), [t('method.dimension'), t('method.weight')], rows, {
        foot: h('tr', {}, h('th', { scope: 'row' }, t('method.sum')), h('td', { class: 'n', id: 'weights-sum' }, f.num(sum, 4))),
      }),
      h('div', {},
        h('p', { class: 'note' }, ctx.msg(current.note)),
        h('p', { class: 'small' }, t('method.version', { id: current.id, version: current.version })),
        h('details', {}, h('summary', {}, t('method.sources')),
          h('ul', { class: 'sources' }, (current.sources ?? []).map((src) =>
            h('li', {}, src.url ? h('a', { href: src.url, rel: 'noopener noreferrer external', target: '_blank' }, ctx.msg(src.title)) : ctx.msg(src.title))))),
      ),
    ),
  );
}
