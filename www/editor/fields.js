// Form controls bound to a field of the masterplan by its JSON Pointer. A control shows the
// field's value, and every change the person makes is written straight into the masterplan
// (through ui.edit, so it can be undone); nothing is checked here: what the person types is kept
// as typed when it is not a number where one belongs, and the engine says what is wrong, beside
// the field (see live.js, which finds each control by its pointer).
//
// Numbers are read the way people type them here: "3,5" and "3.5" are 3.5; rupiah amounts may
// carry thousands separators ("2.750.000.000" in Indonesian, "2,750,000,000" in English).

import { h } from '../lib/dom.js';
import { format } from './pointer.js';

/** A stable element id for a field (the same after every redraw, so focus can come back). */
export function fieldId(pointer) {
  return `ed${pointer.replace(/[^A-Za-z0-9]+/g, '-')}`;
}

const DECIMAL = /^-?\d+(\.\d+)?$/;

/** The text a control shows for `value`. */
export function show(type, value, locale) {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join('\n');
  if (typeof value !== 'number') return typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (type === 'money') return new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'id-ID', { maximumFractionDigits: 20 }).format(value);
  if (type === 'num' && locale !== 'en') return String(value).replace('.', ',');
  return String(value);
}

/** What a control's text means for the masterplan (see the file comment). */
export function read(type, text, locale, required) {
  if (type === 'list') {
    const lines = text.split('\n').map((s) => s.trim()).filter(Boolean);
    return lines.length ? lines : undefined;
  }
  const s = type === 'text' ? text : text.trim();
  if (s === '') return required && type === 'text' ? '' : undefined;
  if (type === 'int') return /^-?\d+$/.test(s) ? Number(s) : s;
  if (type === 'num') {
    const n = s.replace(',', '.');
    return DECIMAL.test(n) ? Number(n) : s;
  }
  if (type === 'money') {
    const n = (locale === 'en' ? s.replace(/[\s,]/g, '') : s.replace(/[\s.]/g, '').replace(',', '.'));
    return DECIMAL.test(n) ? Number(n) : s;
  }
  return s;
}

/**
 * One control bound to `spec.at` (segments). Returns `{ control, msg }`: the element and the
 * place for the engine's message about it.
 *
 * spec: { at, type: 'text'|'int'|'num'|'money'|'list'|'select'|'bool', required, options:
 *   [{ value, label }] (select), empty: label of the "not filled in" choice (select/bool; none
 *   = the field must be chosen), pick(value) → pairs to write instead of the field alone (e.g.
 *   the pillar also clears a sub-dimension of another pillar), redraw: true when the form
 *   around must be drawn again after a pick, shown(value): the choice that shows the value
 *   (when the field's value is not itself one of the choices), whatIf: editable in what-if mode, labelledby,
 *   describedby, cls, rows }
 */
export function control(ui, spec) {
  const { at, type } = spec;
  const pointer = format(at);
  const id = fieldId(pointer);
  const value = ui.doc.get(at);
  const msgId = `${id}-msg`;
  const common = {
    id,
    class: spec.cls,
    'data-pointer': pointer,
    'aria-labelledby': spec.labelledby,
    'aria-describedby': [msgId, spec.describedby].filter(Boolean).join(' '),
    disabled: ui.whatIf && !spec.whatIf,
  };
  let el;
  if (type === 'select' || type === 'bool') {
    const options = type === 'bool'
      ? [{ value: 'true', label: ui.t('ed.yes') }, { value: 'false', label: ui.t('ed.no') }]
      : spec.options;
    const current = spec.shown ? spec.shown(value) : type === 'bool' ? (typeof value === 'boolean' ? String(value) : value) : value;
    const known = options.some((o) => o.value === current);
    el = h('select', common,
      spec.empty !== undefined || current === undefined ? h('option', { value: '' }, spec.empty ?? ui.t('ed.choose')) : null,
      // A value the list does not know (an old or mistyped file) stays visible; the engine says what is wrong.
      current !== undefined && current !== null && !known ? h('option', { value: '\u0000' }, show('text', current, ui.locale)) : null,
      options.map((o) => h('option', { value: o.value }, o.label)));
    el.value = current === undefined || current === null ? '' : known ? String(current) : '\u0000';
    el.addEventListener('change', () => {
      if (el.value === '\u0000') return;
      let next = el.value === '' ? undefined : el.value;
      if (type === 'bool' && next !== undefined) next = next === 'true';
      const pairs = spec.pick ? spec.pick(next) : [[at, next]];
      ui.edit(pairs, { redraw: spec.redraw, focus: pointer });
    });
  } else {
    const text = show(type, value, ui.locale);
    if (type === 'list') {
      el = h('textarea', { ...common, rows: spec.rows ?? Math.min(6, Math.max(2, text.split('\n').length + 1)), spellcheck: 'false' });
      el.value = text;
    } else {
      const mode = type === 'int' ? 'numeric' : type === 'num' || type === 'money' ? 'decimal' : undefined;
      el = h('input', { ...common, type: 'text', inputmode: mode, autocomplete: 'off', spellcheck: type === 'text' ? undefined : 'false', value: text });
    }
    el.addEventListener('input', () => {
      ui.edit([[at, read(type, el.value, ui.locale, spec.required)]], { merge: pointer });
    });
    el.addEventListener('blur', () => ui.doc.seal());
  }
  if (spec.required) el.setAttribute('aria-required', 'true');
  const msg = h('p', { class: 'ed-msg', id: msgId });
  ui.register(pointer, el, msg);
  return { control: el, msg };
}

/** A labelled field: visible label, control, the engine's message under it. */
export function field(ui, spec) {
  const hintId = spec.hint ? `${fieldId(format(spec.at))}-hint` : undefined;
  const { control: el, msg } = control(ui, { ...spec, describedby: hintId });
  return h('div', { class: `field ed-field ${spec.wide ? 'wide' : ''}`.trim() },
    h('label', { for: el.id }, spec.label),
    spec.hint ? h('p', { class: 'small ed-hint', id: hintId }, spec.hint) : null,
    el, msg);
}
