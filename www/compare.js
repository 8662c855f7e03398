// "Bandingkan": two files of one region side by side. Everything shown is computed by the
// engine's compare() (lib/compare-client.js → the comparison module); the labels of pillars,
// dimensions, statuses, quick-win states and national indices come from the engine's
// vocabularies(). This file reads the two files, draws tables and two SVG charts (each with its
// data table) and formats numbers; it computes nothing.

import { vocabularies } from './lib/engine-client.js';
import { compare } from './lib/compare-client.js';
import { h, svg } from './lib/dom.js';
import { formatters } from './lib/format.js';
import { applyLocale, pick, translator } from './lib/strings.js';
import { vocabulary } from './lib/vocabulary.js';
import { XLSX_TYPE, readInput, writeComparison } from './lib/workbook-client.js';
import { saveText, slug } from './download.js';

const $ = (id) => document.getElementById(id);
const state = { locale: 'id', t: translator({}), vocab: null, texts: { before: null, after: null }, names: {}, result: null, error: null };
const t = (key, vars) => state.t(key, vars);
const label = (kind, id) => state.vocab?.label(kind, id, state.locale) ?? id;

async function setLocale(locale) {
  state.t = await applyLocale(locale, 'compare.documentTitle');
  state.locale = locale;
  render();
}

function say(text, kind = '') {
  const el = $('compare-status');
  el.textContent = text;
  el.className = `status ${kind}`.trim();
}

async function run() {
  const { before, after } = state.texts;
  state.result = null;
  state.error = null;
  if (before === null || after === null) {
    render();
    return;
  }
  document.body.dataset.state = 'comparing';
  try {
    state.result = await compare(before, after);
  } catch (error) {
    state.error = error;
  }
  document.body.dataset.state = state.result ? 'done' : 'error';
  render();
}

async function take(side, file) {
  if (!file) return;
  try {
    const { text } = await readInput(file);
    state.texts[side] = text;
    state.names[side] = file.name;
  } catch (error) {
    state.texts[side] = null;
    state.error = error;
    render();
    return;
  }
  await run();
}

async function samples() {
  const get = async (name) => (await fetch(new URL(`samples/${name}.json`, import.meta.url))).text();
  state.texts.before = await get('kabupaten-sukamaju-2024');
  state.texts.after = await get('kabupaten-sukamaju-2026');
  state.names = { before: 'kabupaten-sukamaju-2024.json', after: 'kabupaten-sukamaju-2026.json' };
  await run();
}

// ---------- drawing ----------

/** ▲ / ▼ / = with the signed change; the arrow is decoration, the words say it. */
function change(f, d, unit = '') {
  if (d === null || d === undefined) return h('span', { class: 'delta none' }, '—');
  const dir = d > 0 ? 'up' : d < 0 ? 'down' : 'same';
  const mark = { up: '▲', down: '▼', same: '=' }[dir];
  return h('span', { class: `delta ${dir}` }, h('span', { 'aria-hidden': 'true' }, `${mark} `), `${f.signed(d)}${unit}`, h('span', { class: 'sr-only' }, ` (${t(`compare.dir.${dir}`)})`));
}

/** A table; every column after the first is numeric (right-aligned) unless `numeric` is false. */
function table(id, caption, head, rows, numeric = true) {
  return h(
    'div',
    { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': caption },
    h('table', { id, class: 'compare-table' }, h('caption', {}, caption), h('thead', {}, h('tr', {}, head.map((x, i) => h('th', { scope: 'col', class: i && numeric ? 'n' : '' }, x)))), h('tbody', {}, rows)),
  );
}

function deltaRow(f, name, d, key, score = true) {
  const fmt = score ? f.score : f.pct;
  return h('tr', { 'data-key': key }, h('th', { scope: 'row' }, name), h('td', { class: 'n' }, fmt(d.before)), h('td', { class: 'n' }, fmt(d.after)), h('td', { class: 'n' }, change(f, d.delta, score ? '' : ' pp')));
}

function yearsHead(c) {
  return [t('compare.item'), t('compare.before', { year: c.before.year }), t('compare.after', { year: c.after.year }), t('compare.change')];
}

function dimensionChart(c, f) {
  const dims = state.vocab.list('dimensions').map((d) => d.id);
  const W = 560;
  const H = 230;
  const left = 40;
  const bottom = 190;
  const y = (v) => bottom - ((v - 1) / 3) * 170; // scale 1–4
  const group = (W - left - 10) / dims.length;
  const chart = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': 'dim-chart-title', class: 'chart compare-chart', preserveAspectRatio: 'xMinYMin meet' }, svg('title', { id: 'dim-chart-title' }, t('compare.dimChart', { before: c.before.year, after: c.after.year })));
  for (const v of [1, 2, 3, 4]) {
    chart.append(svg('line', { x1: left, x2: W - 10, y1: y(v), y2: y(v), class: 'grid' }));
    chart.append(svg('text', { x: left - 6, y: y(v) + 4, 'text-anchor': 'end', class: 'chart-label' }, f.num(v)));
  }
  dims.forEach((d, i) => {
    const x0 = left + i * group + group * 0.15;
    const bw = group * 0.32;
    for (const [k, side] of [[0, 'before'], [1, 'after']]) {
      const v = c.dimensions[d][side];
      if (typeof v !== 'number') continue;
      chart.append(svg('rect', { x: x0 + k * (bw + 4), y: y(v), width: bw, height: bottom - y(v), class: `bar ${side}` }));
    }
    chart.append(svg('text', { x: x0 + bw + 2, y: bottom + 18, 'text-anchor': 'middle', class: 'chart-label' }, label('dimensions', d)));
  });
  chart.append(svg('rect', { x: left, y: H - 14, width: 10, height: 10, class: 'bar before' }), svg('text', { x: left + 14, y: H - 5, class: 'chart-label' }, String(c.before.year)));
  chart.append(svg('rect', { x: left + 70, y: H - 14, width: 10, height: 10, class: 'bar after' }), svg('text', { x: left + 84, y: H - 5, class: 'chart-label' }, String(c.after.year)));
  const rows = dims.map((d) => deltaRow(f, label('dimensions', d), c.dimensions[d], d));
  return h('figure', { class: 'compare-figure' }, chart, table('dim-table', t('compare.dimTable'), yearsHead(c), rows));
}

function trendChart(c, f) {
  const pts = c.trend;
  const W = 560;
  const H = 220;
  const left = 44;
  const right = W - 20;
  const top = 16;
  const bottom = 180;
  const years = pts.map((p) => p.year);
  const lo = Math.min(...years);
  const hi = Math.max(...years);
  const x = (yr) => (hi === lo ? (left + right) / 2 : left + ((yr - lo) / (hi - lo)) * (right - left));
  const y = (v) => bottom - ((v - 1) / 3) * (bottom - top);
  const chart = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': 'trend-title', class: 'chart compare-chart', preserveAspectRatio: 'xMinYMin meet' }, svg('title', { id: 'trend-title' }, t('compare.trendChart')));
  for (const v of [1, 2, 3, 4]) {
    chart.append(svg('line', { x1: left, x2: right, y1: y(v), y2: y(v), class: 'grid' }));
    chart.append(svg('text', { x: left - 6, y: y(v) + 4, 'text-anchor': 'end', class: 'chart-label' }, f.num(v)));
  }
  if (pts.length > 1) chart.append(svg('polyline', { points: pts.map((p) => `${x(p.year)},${y(p.index)}`).join(' '), class: 'trend-line' }));
  for (const p of pts) {
    chart.append(svg('circle', { cx: x(p.year), cy: y(p.index), r: p.source === 'previous' ? 4 : 6, class: `trend-dot ${p.source}` }));
    chart.append(svg('text', { x: x(p.year), y: bottom + 20, 'text-anchor': 'middle', class: 'chart-label' }, String(p.year)));
    chart.append(svg('text', { x: x(p.year), y: y(p.index) - 10, 'text-anchor': 'middle', class: 'chart-label strong' }, `${p.estimate ? '≈' : ''}${f.score(p.index)}`));
  }
  const rows = pts.map((p) =>
    h('tr', { 'data-year': String(p.year) }, h('th', { scope: 'row' }, String(p.year)), h('td', { class: 'n' }, `${p.estimate ? '≈ ' : ''}${f.score(p.index)}`), h('td', {}, t(`compare.source.${p.source}`))),
  );
  return h(
    'figure',
    { class: 'compare-figure' },
    chart,
    h(
      'div',
      { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': t('compare.trendTable') },
      h('table', { id: 'trend-table', class: 'compare-table' }, h('caption', {}, t('compare.trendTable')),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('compare.year')), h('th', { scope: 'col', class: 'n' }, t('compare.index')), h('th', { scope: 'col' }, t('compare.sourceCol')))),
        h('tbody', {}, rows)),
    ),
  );
}

function nationalText(f, x) {
  if (!x) return '—';
  const word = state.locale === 'en' ? x.label_en : (x.predicate ?? x.label ?? x.category ?? x.grade);
  const grade = x.grade && x.grade !== word ? `${x.grade} · ` : '';
  return `${typeof x.value === 'number' ? f.asGiven(x.value) : x.value} (${grade}${word ?? ''})`;
}

function programRows(c) {
  const rows = [];
  for (const p of c.programs.status_changed) {
    rows.push(h('tr', { 'data-id': p.after.id }, h('th', { scope: 'row' }, `${p.after.id} · ${p.after.name}`), h('td', {}, label('pillars', p.after.pillar)), h('td', {}, label('program_statuses', p.before.status)), h('td', {}, label('program_statuses', p.after.status)), h('td', {}, p.matched_by === 'name' ? t('compare.byName', { id: p.before.id }) : '')));
  }
  for (const p of c.programs.added) rows.push(h('tr', { 'data-id': p.id, class: 'added' }, h('th', { scope: 'row' }, `${p.id} · ${p.name}`), h('td', {}, label('pillars', p.pillar)), h('td', {}, '—'), h('td', {}, label('program_statuses', p.status)), h('td', {}, t('compare.added'))));
  for (const p of c.programs.removed) rows.push(h('tr', { 'data-id': p.id, class: 'removed' }, h('th', { scope: 'row' }, `${p.id} · ${p.name}`), h('td', {}, label('pillars', p.pillar)), h('td', {}, label('program_statuses', p.status)), h('td', {}, '—'), h('td', {}, t('compare.removed'))));
  return rows;
}

function render() {
  const out = $('compare-results');
  const errBox = $('compare-error');
  errBox.hidden = !state.error;
  if (state.error) {
    const problems = state.error.problems ?? [];
    errBox.replaceChildren(h('h2', {}, t('compare.errorHeading')), ...(problems.length ? problems.slice(0, 5).map((p) => h('p', { class: 'problem-msg' }, pick(p.message, state.locale))) : [h('p', {}, String(state.error.message ?? state.error))]));
  }
  for (const side of ['before', 'after']) $(`name-${side}`).textContent = state.names[side] ?? t('compare.noFile');
  const c = state.result;
  $('compare-empty').hidden = Boolean(c);
  if (!c || !state.vocab) {
    out.replaceChildren();
    return;
  }
  const f = formatters(state.locale);
  const head = yearsHead(c);
  const summary = [
    deltaRow(f, `${t('compare.index')}${c.index_is_estimate ? ` (${t('compare.estimate')})` : ''}`, c.index, 'index'),
    deltaRow(f, t('compare.overall'), c.overall, 'overall', false),
    deltaRow(f, t('compare.meanOfPillars'), c.mean_of_pillars, 'mean_of_pillars', false),
    deltaRow(f, t('compare.quickWinRate'), c.quick_win_percent, 'quick_win_percent', false),
  ];
  const pillarRows = state.vocab.list('pillars').map((p) => deltaRow(f, label('pillars', p.id), c.pillars[p.id], p.id, false));
  const qwRows = c.quick_wins.map((q) =>
    h('tr', { 'data-id': q.program_id, 'data-change': q.change }, h('th', { scope: 'row' }, `${q.program_id} · ${q.name}`), h('td', {}, q.before ? label('quick_win_states', q.before) : '—'), h('td', {}, q.after ? label('quick_win_states', q.after) : '—'), h('td', { class: `qw-${q.change}` }, t(`compare.qw.${q.change}`))),
  );
  const natRows = state.vocab.list('national_indices').filter((n) => c.national_indices.before[n.id] || c.national_indices.after[n.id]).map((n) => {
    const d = c.national_indices.deltas[n.id];
    return h('tr', { 'data-key': n.id }, h('th', { scope: 'row' }, label('national_indices', n.id)), h('td', { class: 'n' }, nationalText(f, c.national_indices.before[n.id])), h('td', { class: 'n' }, nationalText(f, c.national_indices.after[n.id])), h('td', { class: 'n' }, d === undefined ? '—' : change(f, d)));
  });
  out.replaceChildren(
    h('section', { class: 'card', id: 'compare-summary', 'aria-labelledby': 'compare-summary-h' },
      h('h2', { id: 'compare-summary-h' }, t('compare.summaryHeading', { region: c.region.name, before: c.before.year, after: c.after.year })),
      h('p', { class: 'small' }, t('compare.selfAssessment')),
      c.notices.length ? h('ul', { class: 'compare-notices' }, c.notices.map((n) => h('li', { 'data-code': n.code }, pick(n.message, state.locale)))) : null,
      table('summary-table', t('compare.summaryTable'), head, summary),
      h('div', { class: 'downloads no-print' },
        h('button', { type: 'button', id: 'compare-print', onclick: () => window.print() }, t('compare.print')),
        h('button', { type: 'button', id: 'compare-xlsx', onclick: () => downloadWorkbook() }, t('compare.xlsx')))),
    h('section', { class: 'card', id: 'compare-dimensions', 'aria-labelledby': 'compare-dim-h' }, h('h2', { id: 'compare-dim-h' }, t('compare.dimHeading')), dimensionChart(c, f)),
    h('section', { class: 'card', id: 'compare-trend', 'aria-labelledby': 'compare-trend-h' }, h('h2', { id: 'compare-trend-h' }, t('compare.trendHeading')), trendChart(c, f)),
    h('section', { class: 'card', id: 'compare-pillars', 'aria-labelledby': 'compare-pillars-h' }, h('h2', { id: 'compare-pillars-h' }, t('compare.pillarsHeading')), table('pillar-table', t('compare.pillarsHeading'), head, pillarRows)),
    h('section', { class: 'card', id: 'compare-programs', 'aria-labelledby': 'compare-programs-h' }, h('h2', { id: 'compare-programs-h' }, t('compare.programsHeading', { changed: c.programs.status_changed.length, added: c.programs.added.length, removed: c.programs.removed.length })),
      programRows(c).length
        ? table('program-table', t('compare.programsHeading', { changed: c.programs.status_changed.length, added: c.programs.added.length, removed: c.programs.removed.length }), [t('compare.program'), t('compare.pillar'), t('compare.before', { year: c.before.year }), t('compare.after', { year: c.after.year }), t('compare.note')], programRows(c), false)
        : h('p', {}, t('compare.noProgramChanges'))),
    h('section', { class: 'card', id: 'compare-quickwins', 'aria-labelledby': 'compare-qw-h' }, h('h2', { id: 'compare-qw-h' }, t('compare.qwHeading')),
      qwRows.length ? table('qw-table', t('compare.qwHeading'), [t('compare.program'), t('compare.before', { year: c.before.year }), t('compare.after', { year: c.after.year }), t('compare.change')], qwRows, false) : h('p', {}, t('compare.noQwChanges'))),
    h('section', { class: 'card', id: 'compare-national', 'aria-labelledby': 'compare-nat-h' }, h('h2', { id: 'compare-nat-h' }, t('compare.nationalHeading')), natRows.length ? table('national-table', t('compare.nationalHeading'), head, natRows) : h('p', {}, '—')),
  );
}

async function downloadWorkbook() {
  const c = state.result;
  if (!c) return;
  try {
    const bytes = await writeComparison(c, state.locale);
    await saveText(bytes, `kota-cerdas_perbandingan_${slug(c.region.name)}_${c.before.year}-${c.after.year}.xlsx`, XLSX_TYPE);
  } catch (error) {
    say(`${t('status.saveFailed')} ${error?.message ?? error}`, 'error');
  }
}

function wire() {
  for (const side of ['before', 'after']) $(`file-${side}`).addEventListener('change', (e) => take(side, e.target.files?.[0]));
  $('compare-sample').addEventListener('click', () => samples());
  $('lang').addEventListener('click', () => setLocale(state.locale === 'id' ? 'en' : 'id'));
}

async function start() {
  let locale = 'id';
  try {
    locale = localStorage.getItem('kcm.locale') === 'en' ? 'en' : 'id';
  } catch {
    /* keep Indonesian */
  }
  wire();
  try {
    state.vocab = vocabulary(await vocabularies());
  } catch (error) {
    say(`${error?.message ?? error}`, 'error');
  }
  await setLocale(locale);
  document.body.dataset.ready = 'true';
}

if (typeof document !== 'undefined') start();
