// The parts of the masterplan other than the programs, as forms: region and evaluation
// (previous indices, official dimension scores), the masterplan document, institutions and
// budget, readiness items, impact surveys and indicators, national indices. Each field is bound
// to its place in format v1 (spec §1; the institutions as the engine's decoder reads them); every
// list of choices and every name of a closed set is the engine's (vocabularies(), methods()).

import { h } from '../lib/dom.js';
import { control, field, fieldId } from './fields.js';
import { format, parse } from './pointer.js';

const opts = (ui, kind) => ui.v.list(kind).map((item) => ({ value: item.id, label: ui.v.label(kind, item.id, ui.locale) }));

/** The region and the evaluation round (also the first step of "Mulai baru"). */
export function regionFields(ui) {
  return [
    h('div', { class: 'ed-row' },
      field(ui, { at: ['region', 'name'], type: 'text', required: true, label: ui.t('ed.f.region.name'), wide: true }),
      field(ui, { at: ['region', 'kind'], type: 'select', required: true, options: opts(ui, 'region_kinds'), label: ui.t('ed.f.region.kind') })),
    h('div', { class: 'ed-row' },
      field(ui, { at: ['region', 'province'], type: 'text', label: ui.t('ed.f.region.province') }),
      field(ui, { at: ['region', 'code'], type: 'text', label: ui.t('ed.f.region.code') })),
    h('div', { class: 'ed-row' },
      field(ui, { at: ['evaluation', 'year'], type: 'int', required: true, label: ui.t('ed.f.evaluation.year') }),
      field(ui, { at: ['evaluation', 'method'], type: 'select', empty: ui.t('ed.unset'), options: ui.methods.map((m) => ({ value: m.id, label: ui.msg(m.name) })), label: ui.t('ed.f.evaluation.method') })),
  ];
}

export function regionSection(ui) {
  return [
    regionFields(ui),
    records(ui, {
      at: ['evaluation', 'previous'],
      heading: ui.t('ed.f.previous.heading'),
      item: (n) => ui.t('ed.f.previous.item', { n }),
      add: ui.t('ed.f.previous.add'),
      blank: () => ({}),
      fields: (at) => [
        field(ui, { at: [...at, 'year'], type: 'int', label: ui.t('ed.f.previous.year') }),
        field(ui, { at: [...at, 'index'], type: 'num', label: ui.t('ed.f.previous.index') }),
      ],
    }),
    h('fieldset', { class: 'ed-group' }, h('legend', {}, ui.t('ed.f.scores.heading')),
      h('div', { class: 'ed-row' }, ui.v.list('dimensions').map(({ id }) =>
        field(ui, { at: ['evaluation', 'dimension_scores', id], type: 'num', label: ui.v.label('dimensions', id, ui.locale) })))),
  ];
}

/** Legal basis: absent (not filled in), null (not fixed yet) or the regulation. */
const LEGAL_NONE = 'none';
const LEGAL_FIXED = 'fixed';

export function documentSection(ui) {
  const at = ['masterplan', 'legal_basis'];
  const lb = ui.doc.get(at);
  const state = lb === null ? LEGAL_NONE : lb && typeof lb === 'object' ? LEGAL_FIXED : '';
  const stateSelect = control(ui, {
    at,
    type: 'select',
    empty: ui.t('ed.unset'),
    options: [{ value: LEGAL_NONE, label: ui.t('ed.f.legal.none') }, { value: LEGAL_FIXED, label: ui.t('ed.f.legal.fixed') }],
    shown: () => state || undefined,
    pick: (v) => [[at, v === LEGAL_FIXED ? {} : v === LEGAL_NONE ? null : undefined]],
    redraw: true,
  });
  return [
    field(ui, { at: ['masterplan', 'title'], type: 'text', label: ui.t('ed.f.masterplan.title'), wide: true }),
    h('div', { class: 'ed-row' },
      field(ui, { at: ['masterplan', 'period_start'], type: 'int', label: ui.t('ed.f.masterplan.period_start') }),
      field(ui, { at: ['masterplan', 'period_end'], type: 'int', label: ui.t('ed.f.masterplan.period_end') })),
    h('div', { class: 'field ed-field' }, h('label', { for: stateSelect.control.id }, ui.t('ed.f.legal.state')), stateSelect.control, stateSelect.msg),
    state === LEGAL_FIXED
      ? h('div', { class: 'ed-row' },
          field(ui, { at: [...at, 'kind'], type: 'select', required: true, options: opts(ui, 'legal_kinds'), label: ui.t('ed.f.legal.kind') }),
          field(ui, { at: [...at, 'number'], type: 'text', label: ui.t('ed.f.legal.number') }),
          field(ui, { at: [...at, 'year'], type: 'int', label: ui.t('ed.f.legal.year') }))
      : null,
  ];
}

/** The three bodies (formed by decree, active, meetings) and the two documents. */
const BODIES = ['council', 'implementation_team', 'forum'];
const DOCUMENTS = ['hr_plan', 'risk_register'];

function existsField(ui, key, label) {
  const at = ['institutions', key];
  return field(ui, {
    at: [...at, 'exists'],
    type: 'bool',
    empty: ui.t('ed.unset'),
    label,
    // "Not filled in" removes the whole entry; a first answer creates it.
    pick: (v) => (v === undefined ? [[at, undefined]] : ui.doc.get(at) && typeof ui.doc.get(at) === 'object' ? [[[...at, 'exists'], v]] : [[at, { exists: v }]]),
    redraw: true,
  });
}

export function institutionsSection(ui) {
  const has = (key) => {
    const x = ui.doc.get(['institutions', key]);
    return x && typeof x === 'object';
  };
  const bodies = BODIES.map((key) => {
    const at = ['institutions', key];
    return h('fieldset', { class: 'ed-group' }, h('legend', {}, ui.t(`ed.f.inst.${key}`)),
      h('div', { class: 'ed-row' },
        existsField(ui, key, ui.t('ed.f.body.exists')),
        has(key) ? field(ui, { at: [...at, 'active'], type: 'bool', empty: ui.t('ed.unset'), label: ui.t('ed.f.body.active') }) : null,
        has(key) ? field(ui, { at: [...at, 'meetings'], type: 'int', label: ui.t('ed.f.body.meetings') }) : null),
      has(key) ? field(ui, { at: [...at, 'decree'], type: 'text', label: ui.t('ed.f.body.decree'), wide: true }) : null,
      has(key) ? field(ui, { at: [...at, 'evidence'], type: 'list', label: ui.t('ed.f.evidence'), wide: true }) : null);
  });
  const documents = DOCUMENTS.map((key) =>
    h('fieldset', { class: 'ed-group' }, h('legend', {}, ui.t(`ed.f.inst.${key}`)),
      existsField(ui, key, ui.t('ed.f.doc.exists')),
      has(key) ? field(ui, { at: ['institutions', key, 'evidence'], type: 'list', label: ui.t('ed.f.evidence'), wide: true }) : null));
  const budget = ['institutions', 'budget'];
  return [
    bodies,
    documents,
    h('fieldset', { class: 'ed-group' }, h('legend', {}, ui.t('ed.f.inst.budget')),
      h('div', { class: 'ed-row' },
        ['apbd', 'non_apbd', 'apbd_total'].map((k) => field(ui, { at: [...budget, k], type: 'money', label: ui.t(`ed.f.budget.${k}`) }))),
      h('div', { class: 'ed-row' },
        field(ui, { at: [...budget, 'sources'], type: 'list', label: ui.t('ed.f.budget.sources') }),
        field(ui, { at: [...budget, 'evidence'], type: 'list', label: ui.t('ed.f.evidence') }))),
    field(ui, { at: ['institutions', 'evidence'], type: 'list', label: ui.t('ed.f.inst.other'), wide: true }),
  ];
}

/** An id not used yet in `items` ("R-3", "R-4" …). */
export function freshId(items, prefix) {
  const used = new Set((items ?? []).map((x) => x?.id));
  let n = (items?.length ?? 0) + 1;
  while (used.has(`${prefix}-${n}`)) n++;
  return `${prefix}-${n}`;
}

export function readinessSection(ui) {
  const at = ['readiness', 'items'];
  const aspects = opts(ui, 'readiness_aspects');
  return records(ui, {
    at,
    item: (n) => ui.t('ed.f.ready.item', { n }),
    add: ui.t('ed.f.ready.add'),
    blank: (items) => ({ aspect: items[items.length - 1]?.aspect ?? aspects[0]?.value, id: freshId(items, 'R') }),
    fields: (itemAt) => [
      h('div', { class: 'ed-row' },
        field(ui, { at: [...itemAt, 'aspect'], type: 'select', required: true, options: aspects, label: ui.t('ed.f.ready.aspect') }),
        field(ui, { at: [...itemAt, 'id'], type: 'text', required: true, label: ui.t('ed.f.ready.id') }),
        field(ui, { at: [...itemAt, 'score'], type: 'int', required: true, label: ui.t('ed.f.ready.score') })),
      field(ui, { at: [...itemAt, 'question'], type: 'text', label: ui.t('ed.f.ready.question'), wide: true }),
      field(ui, { at: [...itemAt, 'evidence'], type: 'list', label: ui.t('ed.f.evidence'), wide: true }),
    ],
  });
}

/** Pillar and sub-dimension selects where the sub-dimension's choices follow the pillar. */
export function pillarPick(ui, at) {
  return (pillar) => {
    const subAt = [...at.slice(0, -1), 'sub_dimension'];
    const sub = ui.doc.get(subAt);
    const fits = ui.v.item('pillars', pillar)?.sub_dimensions?.some((s) => s.id === sub);
    return sub === undefined || fits ? [[at, pillar]] : [[at, pillar], [subAt, undefined]];
  };
}

export function subOptions(ui, pillar) {
  return (ui.v.item('pillars', pillar)?.sub_dimensions ?? []).map((s) => ({ value: s.id, label: ui.v.label('sub_dimensions', s.id, ui.locale) }));
}

export function impactSection(ui) {
  const method = ui.method();
  const known = method?.impact?.indicators ?? [];
  const listId = 'ed-indicator-codes';
  return [
    h('h4', {}, ui.t('ed.f.survey.heading')),
    records(ui, {
      at: parse('/impact/surveys'),
      item: (n) => ui.t('ed.f.survey.item', { n }),
      add: ui.t('ed.f.survey.add'),
      blank: () => ({ pillar: ui.v.list('pillars')[0]?.id }),
      fields: (itemAt) => {
        const pillar = ui.doc.get([...itemAt, 'pillar']);
        return [
          h('div', { class: 'ed-row' },
            field(ui, { at: [...itemAt, 'pillar'], type: 'select', required: true, options: opts(ui, 'pillars'), label: ui.t('ed.f.program.pillar'), pick: pillarPick(ui, [...itemAt, 'pillar']), redraw: true }),
            field(ui, { at: [...itemAt, 'sub_dimension'], type: 'select', empty: ui.t('ed.unset'), options: subOptions(ui, pillar), label: ui.t('ed.f.program.sub_dimension') })),
          h('div', { class: 'ed-row' },
            field(ui, { at: [...itemAt, 'respondents'], type: 'int', required: true, label: ui.t('ed.f.survey.respondents') }),
            field(ui, { at: [...itemAt, 'mean'], type: 'num', required: true, label: ui.t('ed.f.survey.mean') }),
            field(ui, { at: [...itemAt, 'year'], type: 'int', label: ui.t('ed.f.survey.year') })),
        ];
      },
    }),
    h('h4', {}, ui.t('ed.f.indicator.heading')),
    known.length
      ? [h('p', { class: 'small', id: 'ed-indicator-known' }, ui.t('ed.f.indicator.known', { list: known.map((i) => `${i.code} (${ui.msg(i.label)})`).join(', ') })),
          h('datalist', { id: listId }, known.map((i) => h('option', { value: i.code }, ui.msg(i.label))))]
      : null,
    records(ui, {
      at: parse('/impact/indicators'),
      item: (n) => ui.t('ed.f.indicator.item', { n }),
      add: ui.t('ed.f.indicator.add'),
      blank: () => ({}),
      fields: (itemAt) => {
        const code = field(ui, { at: [...itemAt, 'code'], type: 'text', required: true, label: ui.t('ed.f.indicator.code') });
        if (known.length) code.querySelector('input')?.setAttribute('list', listId);
        return [
          h('div', { class: 'ed-row' }, code,
            field(ui, { at: [...itemAt, 'value'], type: 'num', required: true, label: ui.t('ed.f.indicator.value') }),
            field(ui, { at: [...itemAt, 'year'], type: 'int', label: ui.t('ed.f.indicator.year') })),
          h('div', { class: 'ed-row' },
            field(ui, { at: [...itemAt, 'unit'], type: 'text', label: ui.t('ed.f.indicator.unit') }),
            field(ui, { at: [...itemAt, 'source'], type: 'text', label: ui.t('ed.f.indicator.source') })),
        ];
      },
    }),
  ];
}

export function nationalSection(ui) {
  const opinions = opts(ui, 'bpk_opinions');
  return [
    h('p', { class: 'small' }, ui.t('ed.f.national.lead')),
    h('div', { class: 'ed-row' }, ui.v.list('national_indices').map(({ id, bands }) =>
      // An index the engine grades by bands takes a number; the one without bands (the BPK
      // opinion) takes one of the engine's opinions.
      bands?.length
        ? field(ui, { at: ['national_indices', id], type: 'num', label: ui.v.label('national_indices', id, ui.locale) })
        : field(ui, { at: ['national_indices', id], type: 'select', empty: ui.t('ed.unset'), options: opinions.map((o) => ({ value: o.value, label: `${o.value} · ${o.label}` })), label: ui.v.label('national_indices', id, ui.locale) }))),
  ];
}

/**
 * A list of records (previous indices, readiness items, surveys, indicators): each a group with
 * its number, its fields and a remove button; an add button under them.
 */
function records(ui, { at, heading, item, add, blank, fields }) {
  const raw = ui.doc.get(at);
  const items = Array.isArray(raw) ? raw : [];
  const listId = fieldId(format(at));
  return h('div', { class: 'ed-records', id: listId, tabindex: '-1', 'data-pointer': format(at) },
    heading ? h('h4', {}, heading) : null,
    items.map((_, i) => {
      const itemAt = [...at, i];
      const legendId = `${fieldId(format(itemAt))}-legend`;
      return h('fieldset', { class: 'ed-group ed-record' },
        h('legend', { id: legendId }, item(i + 1)),
        fields(itemAt),
        h('button', {
          type: 'button', class: 'secondary small-btn', disabled: ui.whatIf,
          onclick: () => ui.edit([[at, items.filter((__, j) => j !== i)]], { redraw: true, focus: format(at) }),
        }, ui.t('ed.removeItem', { what: item(i + 1).toLocaleLowerCase(ui.locale === 'en' ? 'en' : 'id') })));
    }),
    h('button', {
      type: 'button', class: 'secondary', disabled: ui.whatIf,
      onclick: () => ui.edit([[at, [...items, blank(items)]]], { redraw: true, focus: format([...at, items.length]) }),
    }, `+ ${add}`));
}
