// The official report: a view of its own that only paper (or PDF) shows, in the page's
// language. Letterhead (kop surat) with the region's name and the logo picked on this device,
// title and date, a one-page summary, contents, the numbered sections, the findings as a
// to-do table per OPD, the method and its sources, the signature block, and the program list
// as an annex. Page numbers and the running footer are CSS margin boxes (@page), written from
// the locale files into a constructed stylesheet (CSP: no inline <style>).
//
// Like every section it only formats the engine's output: numbers, labels, findings and
// formulas are the engine's; the program list is the masterplan's.

import { h } from '../lib/dom.js';
import { letterDay, loadLetter } from './letter.js';
import { agencyLabel, agencyOfProgram, agencyOrder, findingPlace, findingSubjects, gapText, impactHalves, sortFindings, subjectNode } from './parts.js';
import { categoryText, severityCounts } from './summary.js';

/** The date in long form: "3 Desember 2026" / "3 December 2026". */
export function longDate(locale, date) {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'id-ID', { dateStyle: 'long' }).format(date);
}

/** The printed report (hidden on screen). */
export function renderPrintReport(ctx) {
  const { a, t, locale } = ctx;
  const letter = loadLetter();
  pageRules(ctx);
  const parts = [
    ['summary', t('doc.summary')],
    ['dimensions', t('doc.dimensions')],
    ['pillars', t('doc.pillars')],
    ['quickwins', t('doc.quickWins')],
    ['findings', t('doc.findings')],
    ['readiness', t('doc.readiness')],
    ['method', t('doc.method')],
  ];
  const num = Object.fromEntries(parts.map(([id], i) => [id, i + 1]));
  const heading = (id, title) => h('h2', { id: `doc-${id}-h` }, `${num[id]}. ${title}`);
  return h('article', { id: 'print-report', class: 'print-only doc', lang: locale, 'aria-hidden': 'true' },
    kop(ctx, letter),
    h('div', { class: 'doc-cover' },
      h('h1', { class: 'doc-title' }, t('doc.title')),
      h('p', { class: 'doc-subtitle' }, t('doc.subtitle', { region: a.region?.name ?? '', year: a.year ?? '' })),
      h('p', { class: 'doc-date', id: 'doc-date' }, longDate(locale, letterDay())),
      h('section', { class: 'doc-summary' }, heading('summary', t('doc.summary')), summary(ctx))),
    h('section', { class: 'doc-contents' },
      h('h2', {}, t('doc.contents')),
      h('ol', { class: 'doc-toc' }, parts.map(([, title]) => h('li', {}, title))),
      h('p', { class: 'doc-toc-annex' }, t('doc.annexTitle'))),
    h('section', { class: 'doc-part' }, heading('dimensions', t('doc.dimensions')), dimensions(ctx)),
    h('section', { class: 'doc-part' }, heading('pillars', t('doc.pillars')), pillars(ctx)),
    h('section', { class: 'doc-part' }, heading('quickwins', t('doc.quickWins')), quickWins(ctx)),
    h('section', { class: 'doc-part' }, heading('findings', t('doc.findings')), findings(ctx)),
    h('section', { class: 'doc-part' }, heading('readiness', t('doc.readiness')), readiness(ctx)),
    h('section', { class: 'doc-part' }, heading('method', t('doc.method')), method(ctx)),
    signature(ctx, letter),
    annex(ctx));
}

/** Letterhead: logo (if any), the government of the region, the unit and its address. */
function kop(ctx, letter) {
  const { a, t } = ctx;
  return h('header', { class: 'kop' },
    letter.logo ? h('img', { class: 'kop-logo', src: letter.logo, alt: '' }) : null,
    h('div', { class: 'kop-text' },
      h('p', { class: 'kop-gov' }, t('doc.government', { region: a.region?.name ?? '' }).toLocaleUpperCase(ctx.locale === 'en' ? 'en' : 'id')),
      letter.unit ? h('p', { class: 'kop-unit' }, letter.unit.toLocaleUpperCase(ctx.locale === 'en' ? 'en' : 'id')) : null,
      letter.address ? h('p', { class: 'kop-address' }, letter.address) : null));
}

/** A table with a caption and column heads (the first column is the row's name). */
function grid(caption, head, rows, { cls = '', num = [] } = {}) {
  return h('table', { class: `doc-table ${cls}`.trim() },
    caption ? h('caption', {}, caption) : null,
    h('thead', {}, h('tr', {}, head.map((c, i) => h('th', { scope: 'col', class: num.includes(i) ? 'n' : null }, c)))),
    h('tbody', {}, rows));
}

const cell = (value, cls) => h('td', { class: cls ?? null }, value);

function summary(ctx) {
  const { a, t, f, v, locale } = ctx;
  const ev = a.evaluation;
  const estimate = ev.index === null || ev.index === undefined;
  const region = a.region ?? {};
  const qw = a.quick_wins;
  const overall = a.implementation.overall;
  const gaps = v.list('pillars').filter(({ id }) => a.implementation.pillars[id]?.below_target === true).map(({ id }) => gapText(ctx, a.implementation.pillars[id], id));
  const critical = sortFindings(ctx, a.findings.map((_, i) => i)).filter((x) => x.severity === 'critical');
  return [
    h('table', { class: 'doc-ident' }, h('tbody', {},
      identRow(t('doc.region'), [region.name, region.province].filter(Boolean).join(', ')),
      identRow(t('doc.year'), String(a.year ?? '')),
      identRow(t('doc.methodUsed'), `${ctx.msg(a.method.name)} (${a.method.id} v${a.method.version})`))),
    h('div', { class: 'doc-index' },
      h('p', { class: 'doc-index-label' }, estimate ? t('summary.indexEstimate') : t('summary.index')),
      h('p', { class: 'doc-index-value' }, f.score(estimate ? ev.index_estimate : ev.index), h('span', { class: 'doc-index-scale' }, ` ${t('summary.scale')}`)),
      h('p', {}, ev.improvement === null || ev.improvement === undefined
        ? t('summary.noPrevious')
        : t('summary.improvement', { value: f.signed(ev.improvement), year: ev.previous?.year ?? '', prev: f.score(ev.previous?.index) }))),
    grid(t('doc.dimsCaption'), [t('method.dimension'), t('doc.score'), t('method.weight')],
      Object.entries(ev.dimensions).map(([id, d]) => h('tr', {}, h('th', { scope: 'row' }, v.label('dimensions', id, locale)), cell(f.score(d.score), 'n'), cell(f.num(d.weight, 4), 'n'))), { num: [1, 2], cls: 'doc-narrow' }),
    grid(t('doc.figures'), [t('doc.figure'), t('doc.value')], [
      h('tr', {}, h('th', { scope: 'row' }, t('summary.overall')), cell(`${f.pct(overall.percent)} · ${t('summary.overallDetail', { impl: f.num(overall.implemented), planned: f.int(overall.planned) })}`)),
      h('tr', {}, h('th', { scope: 'row' }, t('summary.quickWins')), cell(`${f.pct(qw.percent)} · ${t('summary.qwDetail', { achieved: f.int(qw.achieved), due: f.int(qw.due) })}`)),
      h('tr', {}, h('th', { scope: 'row' }, t('summary.readiness')), cell(a.readiness ? `${f.score(a.readiness.score)} · ${ctx.msg(categoryText(a.readiness.category))}` : t('readiness.none'))),
      h('tr', {}, h('th', { scope: 'row' }, t('summary.findings')), cell(`${f.int(a.findings.length)} · ${severityCounts(ctx, a.finding_counts ?? {})}`)),
    ], { cls: 'doc-narrow' }),
    gaps.length || critical.length
      ? h('div', { class: 'doc-points' }, h('p', { class: 'doc-points-h' }, t('doc.points')),
          h('ul', {}, critical.map((x) => h('li', {}, ctx.msg(x.message))), gaps.map((g) => h('li', {}, g))))
      : null,
    h('p', { class: 'doc-disclaimer' }, t('summary.selfAssessment'), ' ', t('summary.notOfficial')),
  ];
}

function identRow(label, value) {
  return h('tr', {}, h('th', { scope: 'row' }, label), h('td', {}, value));
}

function dimensions(ctx) {
  const { a, t, f, v, locale } = ctx;
  const ev = a.evaluation;
  const entries = Object.entries(ev.dimensions);
  return [
    h('p', {}, t('doc.dimsLead')),
    grid('', [t('method.dimension'), t('doc.score'), t('method.weight'), t('doc.source')],
      entries.map(([id, d]) => h('tr', {}, h('th', { scope: 'row' }, v.label('dimensions', id, locale)), cell(f.score(d.score), 'n'), cell(f.num(d.weight, 4), 'n'), cell(v.label('dimension_sources', d.source, locale)))), { num: [1, 2] }),
    h('p', { class: 'doc-sub' }, t('doc.formulas')),
    h('ul', { class: 'doc-formulas' },
      entries.map(([id, d]) => h('li', {}, h('strong', {}, v.label('dimensions', id, locale)), ': ', ctx.msg(d.formula),
        typeof d.computed_score === 'number' && d.computed_score !== d.score ? ` (${t('dims.computedWas', { v: f.score(d.computed_score) })})` : null)),
      h('li', {}, h('strong', {}, t('summary.index')), ': ', ctx.msg(ev.formula))),
    entries.map(([, d]) => impactHalves(ctx, d, { printed: true })),
  ];
}

function pillars(ctx) {
  const { a, t, f, v, locale } = ctx;
  const impl = a.implementation;
  const rows = v.list('pillars').map(({ id }) => {
    const d = impl.pillars[id];
    return h('tr', {}, h('th', { scope: 'row' }, v.label('pillars', id, locale)), cell(f.int(d?.planned), 'n'), cell(f.num(d?.implemented), 'n'),
      h('td', { class: 'n' }, f.pct(d?.percent), d?.below_target === true ? h('span', { class: 'doc-flag' }, `↓ ${t('pillars.below')}`) : null), cell(gapText(ctx, d, id)));
  });
  rows.push(h('tr', { class: 'doc-total' }, h('th', { scope: 'row' }, t('pillars.overall')), cell(f.int(impl.overall.planned), 'n'), cell(f.num(impl.overall.implemented), 'n'), cell(f.pct(impl.overall.percent), 'n'), cell(gapText(ctx, impl.overall))));
  return [
    h('p', {}, t('pillars.lead', { target: f.pct(impl.target_percent) })),
    grid('', [t('pillars.pillar'), t('pillars.plannedCount'), t('pillars.implementedCount'), t('pillars.rate'), t('pillars.gap')], rows, { num: [1, 2, 3] }),
  ];
}

function quickWins(ctx) {
  const { a, t, f, v, locale } = ctx;
  const qw = a.quick_wins;
  if (!qw.total) return h('p', {}, t('qw.none'));
  const rows = qw.items.map((item, i) => h('tr', {},
    cell(f.int(i + 1), 'n'),
    h('td', {}, item.program_id ? [h('span', { class: 'code' }, item.program_id), ' · '] : null, item.name,
      item.rule ? h('span', { class: 'doc-rule' }, ctx.msg(item.rule)) : null),
    cell(typeof item.agency_index === 'number' ? agencyLabel(ctx, item.agency_index) : (item.lead_agency ?? '—')),
    cell(String(item.year ?? ''), 'n'),
    cell(v.label('quick_win_states', item.state, locale)),
    cell(typeof item.score === 'number' ? f.score(item.score) : '—', 'n')));
  return [
    h('p', {}, t('qw.summary', { achieved: f.int(qw.achieved), due: f.int(qw.due), pct: f.pct(qw.percent) })),
    grid('', [t('doc.no'), t('doc.quickWin'), t('programs.agency'), t('qw.year'), t('doc.state'), t('doc.score')], rows, { num: [0, 3, 5] }),
  ];
}

/** The findings as a to-do table per OPD: region-wide ones first, then each OPD by name. */
function findings(ctx) {
  const { a, t, f, v, locale } = ctx;
  if (!a.findings.length) return h('p', {}, t('findings.none'));
  const all = sortFindings(ctx, a.findings.map((_, i) => i));
  const groups = [
    { title: t('findings.regionWide'), items: all.filter((x) => typeof x.agency_index !== 'number') },
    ...agencyOrder(ctx).map((g) => ({ title: agencyLabel(ctx, g), items: all.filter((x) => x.agency_index === g) })),
  ].filter((g) => g.items.length);
  return [
    h('p', {}, t('doc.findingsLead', { counts: severityCounts(ctx, a.finding_counts ?? {}) })),
    groups.map((g) => h('div', { class: 'doc-group' },
      h('h3', {}, `${g.title} (${t('doc.findingsCount', { n: f.int(g.items.length) })})`),
      grid('', [t('doc.no'), t('doc.finding'), t('doc.subject'), t('doc.severity'), t('doc.followUp')],
        g.items.map((x, i) => {
          const { subjects, candidates } = findingSubjects(ctx, x);
          const place = findingPlace(ctx, x);
          return h('tr', {},
            cell(f.int(i + 1), 'n'),
            h('td', {}, ctx.msg(x.message), place ? h('span', { class: 'doc-place' }, place) : null),
            h('td', {},
              subjects.length ? h('ul', { class: 'doc-subjects' }, subjects.map((s) => h('li', {}, subjectNode(s)))) : candidates.length ? null : '—',
              candidates.length ? [h('p', { class: 'doc-cand-h' }, t('findings.candidates')), h('ul', { class: 'doc-subjects' }, candidates.map((s) => h('li', {}, subjectNode(s))))] : null),
            cell(v.label('severities', x.severity, locale)),
            cell(''));
        }), { cls: 'doc-todo', num: [0] }))),
  ];
}

function readiness(ctx) {
  const { a, t, f, v, locale } = ctx;
  const r = a.readiness;
  const out = [];
  if (r) {
    out.push(h('p', {}, t('readiness.score', { score: f.score(r.score), category: ctx.msg(categoryText(r.category)) })),
      grid(t('readiness.aspects'), [t('readiness.aspect'), t('readiness.aspectScore'), t('readiness.items')],
        Object.entries(r.aspects).map(([k, value]) => h('tr', {}, h('th', { scope: 'row' }, v.label('readiness_aspects', k, locale)), cell(f.score(value), 'n'), cell(f.int(r.aspect_items?.[k]), 'n'))), { num: [1, 2], cls: 'doc-narrow' }));
  } else {
    out.push(h('p', {}, t('readiness.none')));
  }
  const given = a.national_indices ?? {};
  const indices = v.list('national_indices').filter(({ id }) => given[id]);
  out.push(h('h3', {}, t('national.heading')));
  out.push(indices.length
    ? grid('', [t('national.index'), t('national.value'), t('national.predicate')], indices.map(({ id }) => {
        const x = given[id];
        const label = ctx.msg({ id: x.predicate ?? x.label ?? x.category, en: x.label_en });
        const code = x.grade && x.grade !== label ? x.grade : null;
        return h('tr', {}, h('th', { scope: 'row' }, v.label('national_indices', id, locale)), cell(typeof x.value === 'number' ? f.asGiven(x.value) : String(x.value ?? '—'), 'n'), cell([code, label].filter(Boolean).join(' · ')));
      }), { num: [1], cls: 'doc-narrow' })
    : h('p', {}, t('national.none')));
  return out;
}

function method(ctx) {
  const { a, t, f, v, locale } = ctx;
  const current = ctx.methods.find((m) => m.id === a.method.id) ?? a.method;
  const weights = Object.entries(a.method.weights ?? {});
  const sum = weights.reduce((x, [, w]) => x + w, 0);
  return [
    h('p', {}, `${t('method.label')}: ${ctx.msg(current.name)} (${t('method.version', { id: current.id, version: current.version })})`,
      current.disputed ? ` — ${t('method.disputed')}. ${t('method.disputedNote')}` : null),
    grid('', [t('method.dimension'), t('method.weight')],
      [...weights.map(([dim, w]) => h('tr', {}, h('th', { scope: 'row' }, v.label('dimensions', dim, locale)), cell(f.num(w, 4), 'n'))),
        h('tr', { class: 'doc-total' }, h('th', { scope: 'row' }, t('method.sum')), cell(f.num(sum, 4), 'n'))], { num: [1], cls: 'doc-narrow' }),
    current.note ? h('p', {}, ctx.msg(current.note)) : null,
    (current.sources ?? []).length
      ? [h('p', { class: 'doc-sub' }, t('method.sources')),
          h('ol', { class: 'doc-sources' }, current.sources.map((src) => h('li', {}, ctx.msg(src.title), src.url ? h('span', { class: 'doc-url' }, ` ${src.url}`) : null)))]
      : null,
    h('p', { class: 'doc-sub' }, t('doc.made')),
    h('p', {}, t('doc.madeBy', { engine: `${a.engine?.name ?? ''} ${a.engine?.version ?? ''}`.trim(), method: `${a.method.id} v${a.method.version}`, file: ctx.fileName || '—' })),
    a.input_sha256 ? h('p', { class: 'doc-hash' }, t('meta.hash'), ': ', a.input_sha256) : null,
    h('p', {}, t('summary.selfAssessment'), ' ', t('summary.notOfficial')),
  ];
}

/** Place and date, position, name (with titles), rank/grade, NIP; dotted lines when not filled. */
function signature(ctx, letter) {
  const { t, locale } = ctx;
  const blank = '……………………………';
  return h('section', { class: 'doc-sign', id: 'doc-sign' },
    h('div', { class: 'doc-sign-box' },
      h('p', {}, `${letter.place || blank}, ${longDate(locale, letterDay())}`),
      h('p', { class: 'doc-sign-position' }, `${letter.position || blank},`),
      h('div', { class: 'doc-sign-space' }),
      h('p', { class: 'doc-sign-name' }, letter.name || blank),
      h('p', {}, letter.rank || `${t('letter.rank')}: ${blank}`),
      h('p', {}, `${t('doc.nip')} ${letter.nip || blank}`)));
}

/** Annex: every program of the masterplan. */
function annex(ctx) {
  const { t, v, locale } = ctx;
  const programs = ctx.mp?.programs ?? [];
  const agencyOf = agencyOfProgram(ctx.a);
  const rows = programs.map((p, i) => h('tr', {},
    cell(ctx.f.int(i + 1), 'n'),
    h('td', { class: 'code' }, typeof p.id === 'string' ? p.id : ''),
    cell(typeof p.name === 'string' ? p.name : ''),
    cell(v.label('pillars', p.pillar, locale)),
    cell(v.label('horizons', p.horizon, locale)),
    cell(v.label('program_statuses', p.status, locale)),
    cell(agencyOf[i] === undefined ? '—' : agencyLabel(ctx, agencyOf[i])),
    cell(p.end_year ? `${p.start_year}–${p.end_year}` : String(p.start_year ?? ''), 'n')));
  return h('section', { class: 'doc-annex' },
    h('h2', {}, t('doc.annexTitle')),
    h('p', {}, t('doc.annexLead', { n: ctx.f.int(programs.length) })),
    programs.length
      ? grid('', [t('doc.no'), t('programs.id'), t('programs.name'), t('programs.pillar'), t('programs.horizon'), t('programs.status'), t('programs.agency'), t('programs.years')], rows, { cls: 'doc-programs', num: [0, 7] })
      : h('p', {}, t('doc.annexNone')));
}

/** A CSS string literal (the region's name may hold any character). */
function cssString(text) {
  return `"${String(text).replace(/[\\"]/g, '\\$&').replace(/[\u0000-\u001f\u007f]/g, ' ')}"`;
}

let sheet = null;
/**
 * The page rules in the report's language: "Halaman 2 dari 9" bottom right, the region and
 * the report's title bottom left. A constructed stylesheet, so the CSP needs no inline style.
 */
function pageRules(ctx) {
  if (typeof CSSStyleSheet !== 'function' || !('adoptedStyleSheets' in document)) return;
  const [before, between, after] = ctx.t('doc.pageOf').split(/\{page\}|\{pages\}/);
  const number = `${cssString(before ?? '')} counter(page) ${cssString(between ?? '')} counter(pages) ${cssString(after ?? '')}`;
  const left = cssString(`${ctx.a.region?.name ?? ''} · ${ctx.t('doc.footer', { year: ctx.a.year ?? '' })}`);
  sheet ??= new CSSStyleSheet();
  sheet.replaceSync(`@page { @bottom-right { content: ${number}; } @bottom-left { content: ${left}; } }`);
  if (!document.adoptedStyleSheets.includes(sheet)) document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}
