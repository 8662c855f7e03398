// What each field of format v1 is called on screen, by its JSON Pointer pattern (array indices
// as "*"): the label beside the field and the location of a problem in the list ("Program 4 ·
// Nama program"), never a pointer or a JSON key. Names of the format's closed sets (dimensions,
// national indices) are the engine's (vocabularies()); the rest are the interface's own words
// (i18n/*.json).

import { format, parse, pattern } from './pointer.js';

const BODY = ['council', 'implementation_team', 'forum'];
const DOCUMENT = ['hr_plan', 'risk_register'];

/** Pattern → i18n key of the field's label. */
const FIELD = new Map([
  ['/region/name', 'ed.f.region.name'],
  ['/region/kind', 'ed.f.region.kind'],
  ['/region/province', 'ed.f.region.province'],
  ['/region/code', 'ed.f.region.code'],
  ['/evaluation/year', 'ed.f.evaluation.year'],
  ['/evaluation/method', 'ed.f.evaluation.method'],
  ['/evaluation/previous', 'ed.f.previous.heading'],
  ['/evaluation/previous/*/year', 'ed.f.previous.year'],
  ['/evaluation/previous/*/index', 'ed.f.previous.index'],
  ['/evaluation/dimension_scores', 'ed.f.scores.heading'],
  ['/masterplan/title', 'ed.f.masterplan.title'],
  ['/masterplan/period_start', 'ed.f.masterplan.period_start'],
  ['/masterplan/period_end', 'ed.f.masterplan.period_end'],
  ['/masterplan/legal_basis', 'ed.f.legal.state'],
  ['/masterplan/legal_basis/kind', 'ed.f.legal.kind'],
  ['/masterplan/legal_basis/number', 'ed.f.legal.number'],
  ['/masterplan/legal_basis/year', 'ed.f.legal.year'],
  ...BODY.flatMap((b) => [
    [`/institutions/${b}`, `ed.f.inst.${b}`],
    [`/institutions/${b}/exists`, 'ed.f.body.exists'],
    [`/institutions/${b}/decree`, 'ed.f.body.decree'],
    [`/institutions/${b}/active`, 'ed.f.body.active'],
    [`/institutions/${b}/meetings`, 'ed.f.body.meetings'],
    [`/institutions/${b}/evidence`, 'ed.f.evidence'],
  ]),
  ...DOCUMENT.flatMap((d) => [
    [`/institutions/${d}`, `ed.f.inst.${d}`],
    [`/institutions/${d}/exists`, 'ed.f.doc.exists'],
    [`/institutions/${d}/evidence`, 'ed.f.evidence'],
  ]),
  ['/institutions/budget', 'ed.f.inst.budget'],
  ['/institutions/budget/apbd', 'ed.f.budget.apbd'],
  ['/institutions/budget/non_apbd', 'ed.f.budget.non_apbd'],
  ['/institutions/budget/apbd_total', 'ed.f.budget.apbd_total'],
  ['/institutions/budget/sources', 'ed.f.budget.sources'],
  ['/institutions/budget/evidence', 'ed.f.evidence'],
  ['/institutions/evidence', 'ed.f.inst.other'],
  ['/readiness/items/*/aspect', 'ed.f.ready.aspect'],
  ['/readiness/items/*/id', 'ed.f.ready.id'],
  ['/readiness/items/*/question', 'ed.f.ready.question'],
  ['/readiness/items/*/score', 'ed.f.ready.score'],
  ['/readiness/items/*/evidence', 'ed.f.evidence'],
  ...['id', 'name', 'pillar', 'sub_dimension', 'horizon', 'start_year', 'end_year', 'status', 'progress_percent', 'lead_agency'].map((k) => [`/programs/*/${k}`, `ed.f.program.${k}`]),
  ['/programs/*/evidence', 'ed.f.evidence'],
  ['/programs/*/quick_win', 'ed.p.qw'],
  ...['year', 'status', 'launched_year', 'innovation_score'].map((k) => [`/programs/*/quick_win/${k}`, `ed.f.qw.${k}`]),
  ['/impact/surveys/*/pillar', 'ed.f.program.pillar'],
  ['/impact/surveys/*/sub_dimension', 'ed.f.program.sub_dimension'],
  ['/impact/surveys/*/respondents', 'ed.f.survey.respondents'],
  ['/impact/surveys/*/mean', 'ed.f.survey.mean'],
  ['/impact/surveys/*/year', 'ed.f.survey.year'],
  ...['code', 'value', 'year', 'unit', 'source'].map((k) => [`/impact/indicators/*/${k}`, `ed.f.indicator.${k}`]),
]);

/** Pattern of a list → how one of its items is called ({n} = its 1-based number). */
const ITEM = new Map([
  ['/programs', 'ed.p.row'],
  ['/readiness/items', 'ed.f.ready.item'],
  ['/impact/surveys', 'ed.f.survey.item'],
  ['/impact/indicators', 'ed.f.indicator.item'],
  ['/evaluation/previous', 'ed.f.previous.item'],
]);

/**
 * A part of the masterplan (its pointer) → the editor section that holds it: the section's
 * element id suffix and the i18n key of its heading.
 */
export const SECTION = new Map([
  ['/region', ['region', 'ed.sec.region']],
  ['/evaluation', ['region', 'ed.sec.region']],
  ['/masterplan', ['document', 'ed.sec.document']],
  ['/institutions', ['institutions', 'ed.sec.institutions']],
  ['/readiness', ['readiness', 'ed.sec.readiness']],
  ['/programs', ['programs', 'ed.sec.programs']],
  ['/impact', ['impact-data', 'ed.sec.impactData']],
  ['/national_indices', ['national', 'ed.sec.national']],
]);

/** The section holding `segments`, or undefined. */
export function sectionOf(segments) {
  return segments.length ? SECTION.get(format(segments.slice(0, 1))) : undefined;
}

/**
 * The label of the field at `segments`: the interface's word, or the engine's name of a
 * dimension (official scores) or a national index. Undefined for a pointer that is no field.
 */
export function fieldLabel(ui, segments) {
  const p = pattern(segments);
  const key = FIELD.get(p);
  if (key) return ui.t(key);
  const [first, second, third] = segments;
  if (first === 'evaluation' && second === 'dimension_scores' && third !== undefined) return ui.v.label('dimensions', third, ui.locale);
  if (first === 'national_indices' && second !== undefined) return ui.v.label('national_indices', second, ui.locale);
  return undefined;
}

/**
 * Where a problem is, in words: "Program 4 (GOV-01) · Nama program", "Kelembagaan dan anggaran ·
 * Dewan Smart City · Sudah dibentuk dengan SK". `mp` names a program by its id when it has one.
 */
export function locate(ui, pointer, mp) {
  const segments = parse(pointer);
  if (!segments.length) return ui.t('where.file');
  const section = sectionOf(segments);
  if (segments.length === 1) return section ? ui.t(section[1]) : String(segments[0]);
  const parts = [];
  if (section && section[0] !== 'programs') parts.push(ui.t(section[1]));
  for (let i = 1; i <= segments.length; i++) {
    const head = segments.slice(0, i);
    const last = head[head.length - 1];
    if (typeof last === 'number') {
      const itemKey = ITEM.get(pattern(head.slice(0, -1)));
      let label = itemKey ? ui.t(itemKey, { n: last + 1 }) : String(last + 1);
      if (head[0] === 'programs' && head.length === 2) {
        const id = mp?.programs?.[last]?.id;
        if (typeof id === 'string' && id) label += ` (${id})`;
      }
      parts.push(label);
    } else if (i > 1) {
      const label = fieldLabel(ui, head);
      if (label && parts[parts.length - 1] !== label) parts.push(label);
      else if (!label && i === segments.length) parts.push(String(last));
    }
  }
  return parts.join(' · ');
}
