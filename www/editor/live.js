// The live score beside the form: the engine's index and rates with what changed (a change is
// the difference of two engine outputs, formatted: "Smart Living 80 % → 90 % ▲"), the problems
// the engine found, each jumping to its field, and the programs that could close a gap to the
// target ("N more running programs → 75 %"), to try in what-if mode. Nothing is computed here
// but those differences; every number is the engine's.

import { h } from '../lib/dom.js';
import { badge } from '../report/parts.js';
import { locate } from './labels.js';

const SHOWN = 30; // problems listed before "show more"
const CANDIDATES = 5; // candidate programs offered per gap

const indexOf = (a) => a?.evaluation?.index ?? a?.evaluation?.index_estimate ?? null;

/**
 * What differs between two assessments, in the report's order: the index, each dimension, the
 * pooled implementation rate, each pillar, the quick-win rate, readiness. Only what changed.
 */
export function changes(ui, before, after) {
  if (!before || !after) return [];
  const { f, t, v, locale } = ui;
  const out = [];
  const push = (key, label, from, to, fmt) => {
    if (from === to || (from === undefined && to === undefined)) return;
    const both = typeof from === 'number' && typeof to === 'number';
    out.push({ key, label, from: fmt(from), to: fmt(to), dir: both ? Math.sign(to - from) : 0 });
  };
  const estimated = after.evaluation?.index === null || after.evaluation?.index === undefined;
  push('index', estimated ? t('summary.indexEstimate') : t('summary.index'), indexOf(before), indexOf(after), f.score);
  for (const { id } of v.list('dimensions')) {
    push(`dim-${id}`, v.label('dimensions', id, locale), before.evaluation?.dimensions?.[id]?.score ?? null, after.evaluation?.dimensions?.[id]?.score ?? null, f.score);
  }
  push('overall', t('ed.live.overall'), before.implementation?.overall?.percent ?? null, after.implementation?.overall?.percent ?? null, f.pct);
  for (const { id } of v.list('pillars')) {
    push(`pillar-${id}`, v.label('pillars', id, locale), before.implementation?.pillars?.[id]?.percent ?? null, after.implementation?.pillars?.[id]?.percent ?? null, f.pct);
  }
  push('qw', t('ed.live.qw'), before.quick_wins?.percent ?? null, after.quick_wins?.percent ?? null, f.pct);
  push('readiness', t('summary.readiness'), before.readiness?.score ?? null, after.readiness?.score ?? null, f.score);
  return out;
}

/** "Smart Living 80 % → 90 % ▲" (the arrow's word for screen readers). */
function changeItem(ui, c) {
  const arrow = c.dir > 0 ? '▲' : c.dir < 0 ? '▼' : '';
  return h('li', { class: `ed-change ${c.dir > 0 ? 'up' : c.dir < 0 ? 'down' : ''}`, 'data-change': c.key },
    h('span', { class: 'ed-change-label' }, c.label), ' ', h('span', { class: 'ed-change-from' }, c.from), ' → ',
    h('strong', { class: 'ed-change-to' }, c.to),
    arrow ? [' ', h('span', { 'aria-hidden': 'true' }, arrow), h('span', { class: 'sr-only' }, ` ${ui.t(c.dir > 0 ? 'ed.live.up' : 'ed.live.down')}`)] : null);
}

/** The sentence a screen reader hears after an assessment. */
export function changeSentence(ui, list) {
  return list.slice(0, 4).map((c) => `${c.label} ${c.from} → ${c.to}${c.dir ? ` ${ui.t(c.dir > 0 ? 'ed.live.up' : 'ed.live.down')}` : ''}`).join('; ');
}

/**
 * The bar that stays in view while editing: index, implementation and quick-win rates, the
 * count of problems, and the last change.
 * live: { assessment, reference, stale, busy, items, whatIf }
 */
export function renderBar(ui, live, { onProblems }) {
  const a = live.assessment;
  const { f, t } = ui;
  const errors = live.items.filter((x) => x.severity === 'error').length;
  const estimated = a && (a.evaluation?.index === null || a.evaluation?.index === undefined);
  const list = changes(ui, live.reference, a);
  const index = list.find((c) => c.key === 'index');
  const first = list.find((c) => c.key !== 'index');
  return [
    h('div', { class: 'ed-bar-index' },
      h('span', { class: 'ed-bar-label', id: 'ed-bar-index-label' }, estimated ? t('summary.indexEstimate') : t('summary.index')),
      h('span', { class: 'ed-bar-value', id: 'ed-index', 'aria-describedby': 'ed-bar-index-label' }, f.score(indexOf(a))),
      index ? h('span', { class: `ed-bar-delta ${index.dir > 0 ? 'up' : index.dir < 0 ? 'down' : ''}`, id: 'ed-index-delta' }, `${index.from} → ${index.to}`, index.dir ? [' ', h('span', { 'aria-hidden': 'true' }, index.dir > 0 ? '▲' : '▼')] : null) : null),
    h('div', { class: 'ed-bar-stat' }, h('span', { class: 'ed-bar-label' }, t('ed.live.overall')), h('span', { class: 'ed-bar-num', id: 'ed-overall' }, f.pct(a?.implementation?.overall?.percent))),
    h('div', { class: 'ed-bar-stat' }, h('span', { class: 'ed-bar-label' }, t('ed.live.qw')), h('span', { class: 'ed-bar-num', id: 'ed-qw' }, f.pct(a?.quick_wins?.percent))),
    h('div', { class: 'ed-bar-status' },
      errors
        ? h('button', { type: 'button', class: 'danger small-btn', id: 'ed-problems-count', onclick: onProblems }, t('ed.live.problems', { n: errors }))
        : null,
      h('span', { class: `ed-bar-note ${live.stale ? 'stale' : ''}`, id: 'ed-bar-note' },
        live.busy
          ? t('ed.live.assessing')
          : live.stale
            // The long sentence where there is room; on a phone the bar stays one line high.
            ? [h('span', { class: 'wide-only' }, t('ed.live.stale')), h('span', { class: 'narrow-only' }, t('ed.live.staleShort'))]
            : first ? `${first.label} ${first.from} → ${first.to}${first.dir ? (first.dir > 0 ? ' ▲' : ' ▼') : ''}` : '')),
  ];
}

/** The panel: what changed, the problems in the fields, the way to the target. */
export function renderPanel(ui, live, { jump, tryProgram, filterPillar }) {
  const { t } = ui;
  const list = changes(ui, live.reference, live.assessment);
  const changed = h('section', { class: 'ed-box ed-changes', 'aria-labelledby': 'ed-changes-h', tabindex: '0' },
    h('h4', { id: 'ed-changes-h' }, t('ed.live.changes'), ' ', h('span', { class: 'small' }, t(live.whatIf ? 'ed.live.sincePlan' : 'ed.live.sinceLast'))),
    list.length ? h('ul', { class: 'plain', id: 'ed-changes' }, list.map((c) => changeItem(ui, c))) : h('p', { class: 'small', id: 'ed-changes' }, t('ed.live.noChange')));
  return [changed, problemBox(ui, live, jump), hints(ui, live, tryProgram, filterPillar)];
}

function problemBox(ui, live, jump) {
  const { t, v, locale } = ui;
  const errors = live.items.some((x) => x.severity === 'error');
  const heading = errors || !live.items.length ? t('ed.live.problemsHeading') : t('ed.live.notes');
  const ol = h('ol', { class: 'ed-problem-list', id: 'ed-problem-list' });
  let shown = 0;
  const more = h('button', { type: 'button', class: 'secondary small-btn more' });
  const step = () => {
    const next = live.items.slice(shown, shown + SHOWN);
    ol.append(...next.map((x) => h('li', { class: `ed-problem sev-${x.severity}` },
      h('button', { type: 'button', class: 'link ed-jump', 'data-pointer': x.path, onclick: () => jump(x.path) },
        badge(`sev-${x.severity}`, v.label('severities', x.severity, locale)), ' ',
        h('span', { class: 'ed-problem-msg' }, ui.msg(x.message)), ' ',
        h('span', { class: 'small ed-where' }, locate(ui, x.path, ui.doc.masterplan))))));
    shown += next.length;
    more.hidden = shown >= live.items.length;
    more.textContent = t('list.more', { n: Math.min(live.items.length - shown, SHOWN), shown, total: live.items.length });
  };
  more.addEventListener('click', step);
  step();
  return h('section', { class: 'ed-box ed-problems', 'aria-labelledby': 'ed-problems-h', tabindex: '0', id: 'ed-problems' },
    h('h4', { id: 'ed-problems-h' }, heading, live.items.length ? ` (${ui.f.int(live.items.length)})` : ''),
    live.items.length ? [ol, more] : h('p', { class: 'small' }, t('ed.live.noProblems')));
}

/**
 * Each pillar and OPD below the target (the engine's below_target and needed_for_target), with
 * the programs the engine counts there but not as implemented: the ones to try.
 */
function hints(ui, live, tryProgram, filterPillar) {
  const a = live.assessment;
  const { t, f, v, locale } = ui;
  const box = (...children) => h('section', { class: 'ed-box ed-hints', 'aria-labelledby': 'ed-hints-h', tabindex: '0' },
    h('h4', { id: 'ed-hints-h' }, t('ed.live.towards'), a ? ` ${f.pct(a.implementation?.target_percent)}` : ''), children);
  if (!a || live.stale) return box(h('p', { class: 'small' }, t(live.stale ? 'ed.live.staleShort' : 'ed.live.assessing')));
  const states = a.implementation?.programs ?? [];
  const programs = ui.doc.masterplan.programs ?? [];
  const target = f.pct(a.implementation.target_percent);
  const implementedStatus = v.list('program_statuses').find((s) => s.implemented);
  const offer = (indices) => {
    const open = indices.filter((i) => states[i]?.counted && !states[i]?.implemented);
    if (!open.length) return null;
    return h('div', { class: 'ed-candidates' },
      h('p', { class: 'small' }, t('ed.live.candidates')),
      h('ul', { class: 'plain' }, open.slice(0, CANDIDATES).map((i) => {
        const p = programs[i] ?? {};
        const name = [p.id, p.name].filter(Boolean).join(' · ');
        return h('li', {},
          h('button', {
            type: 'button', class: 'secondary small-btn ed-try', 'data-program': i,
            'aria-label': t('ed.live.tryAs', { name, status: v.label('program_statuses', implementedStatus?.id, locale) }),
            onclick: () => tryProgram(i, implementedStatus?.id),
          }, t('ed.live.try')),
          h('span', {}, name, ' ', h('span', { class: 'small' }, `(${v.label('program_statuses', p.status, locale)})`)));
      })),
      open.length > CANDIDATES ? h('p', { class: 'small' }, t('ed.live.moreCandidates', { n: f.int(open.length - CANDIDATES) })) : null);
  };
  const groups = [];
  for (const { id } of v.list('pillars')) {
    const d = a.implementation.pillars?.[id];
    if (d?.below_target !== true) continue;
    const indices = programs.map((p, i) => (p?.pillar === id ? i : -1)).filter((i) => i >= 0);
    groups.push(h('div', { class: 'ed-gap', 'data-pillar': id },
      h('p', {}, h('button', { type: 'button', class: 'link', onclick: () => filterPillar(id) }, v.label('pillars', id, locale)), `: ${f.pct(d.percent)} — `,
        t('gap.pillar', { n: f.int(d.needed_for_target), pillar: v.label('pillars', id, locale), target })),
      offer(indices)));
  }
  (a.agencies ?? []).forEach((g, gi) => {
    if (g.rate?.below_target !== true) return;
    groups.push(h('div', { class: 'ed-gap', 'data-agency': gi },
      h('p', {}, h('strong', {}, ui.msg(g.label)), `: ${f.pct(g.rate.percent)} — `, t('gap.agency', { n: f.int(g.rate.needed_for_target), target })),
      offer(g.program_indices ?? [])));
  });
  return box(groups.length ? groups : h('p', { class: 'small' }, t('ed.live.met')));
}
