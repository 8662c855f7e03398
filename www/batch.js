// Batch view for evaluators: many masterplan files in, one ranking per group (one per region
// kind: kabupaten, kota), the distribution of the index per group, per-file failures, the time
// taken, and a CSV of the ranking. Every score comes from the engine (assessText in module
// workers, through lib/engine-client.js: one run is one request, and a new run or method
// supersedes the old one); the region kinds and dimensions, and their names, come from the
// engine's vocabularies(). This file only ranks, sorts, formats and draws. The one piece of
// arithmetic it does is presentation statistics over engine outputs (`distribution`, below).

import { SUPERSEDED, createClient, methods, version, vocabularies } from './lib/engine-client.js';
import { h, svg } from './lib/dom.js';
import { formatters } from './lib/format.js';
import { loadStrings, pick, translator } from './lib/strings.js';
import { vocabulary } from './lib/vocabulary.js';
import { readInput } from './lib/workbook-client.js';
import { saveText } from './download.js';
import { dropAnywhere } from './drop.js';

// ---------- pure helpers (exported for the tests) ----------

/**
 * PRESENTATION STATISTICS, not scoring: the five-number summary and mean of the engine's index
 * values of one group, for the distribution chart and its table. Quantiles by linear
 * interpolation between order statistics (Hyndman–Fan type 7: R's default, Excel's
 * QUARTILE.INC): q(p) = x[floor(h)] + (h − floor(h)) · (x[floor(h)+1] − x[floor(h)]),
 * h = (n − 1) · p, x sorted ascending, 0-based. Non-numbers are ignored.
 * @param {number[]} values
 * @returns {{n: number, min: number, q1: number, median: number, q3: number, max: number, mean: number} | null}
 */
export function distribution(values) {
  const x = values.filter((v) => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  const n = x.length;
  if (!n) return null;
  const q = (p) => {
    const pos = (n - 1) * p;
    const lo = Math.floor(pos);
    const hi = Math.min(lo + 1, n - 1);
    return x[lo] + (pos - lo) * (x[hi] - x[lo]);
  };
  return { n, min: x[0], q1: q(0.25), median: q(0.5), q3: q(0.75), max: x[n - 1], mean: x.reduce((s, v) => s + v, 0) / n };
}

/** The index shown and ranked: `index`, or `index_estimate` (marked) when the index is null. */
function indexOf(a) {
  const ev = a.evaluation ?? {};
  const estimate = ev.index === null || ev.index === undefined;
  const value = estimate ? ev.index_estimate : ev.index;
  return { value: typeof value === 'number' ? value : null, estimate: estimate && typeof value === 'number' };
}

/** The engine's assessment → one ranking row (only what the batch view shows and exports). */
export function summarize(a, file) {
  const { value, estimate } = indexOf(a);
  const dims = {};
  for (const [id, d] of Object.entries(a.evaluation?.dimensions ?? {})) dims[id] = d?.score ?? null;
  return {
    file,
    sha256: a.input_sha256,
    name: a.region?.name ?? '',
    kind: a.region?.kind ?? '',
    province: a.region?.province ?? '',
    code: a.region?.code ?? '',
    year: a.year,
    index: value,
    estimate,
    improvement: a.evaluation?.improvement ?? null,
    dims,
    implementation: a.implementation?.overall?.percent ?? null,
    quickWins: a.quick_wins?.percent ?? null,
    method: a.method?.id ?? '',
    methodVersion: a.method?.version ?? '',
    engineVersion: a.engine?.version ?? '',
    rank: null,
  };
}

/** Value of a row for a sort key; null sorts last in both directions. */
export function valueOf(row, key) {
  if (key === 'rank') return row.index;
  if (key === 'name') return row.name;
  if (key === 'index' || key === 'improvement' || key === 'implementation' || key === 'quickWins') return row[key];
  if (row.dims && Object.hasOwn(row.dims, key)) return row.dims[key];
  return null;
}

/**
 * Ranks rows by index (index, else the estimate), highest first, "standard competition"
 * ranking: equal values share a rank and the next rank skips (3,50 · 3,42 · 3,42 · 3,30 →
 * 1 · 2 · 2 · 4). The engine rounds the index to two decimals, so equal means equal as shown.
 * Rows without any index get no rank (null) and come last. Sets `row.rank`; returns the rows
 * in rank order (ties in file-name order).
 */
export function rank(rows) {
  const sorted = sortRows(rows, 'index', 'desc');
  let previous;
  sorted.forEach((row, i) => {
    if (row.index === null) row.rank = null;
    else if (i > 0 && row.index === previous.index) row.rank = previous.rank;
    else row.rank = i + 1;
    previous = row;
  });
  return sorted;
}

/** A stable sort by `key`; nulls last whatever the direction; ties in file-name order. */
export function sortRows(rows, key, dir = 'desc') {
  const sign = dir === 'asc' ? 1 : -1;
  const collator = new Intl.Collator('id');
  return [...rows].sort((p, q) => {
    // "rank" ascending = best first = index descending.
    const s = key === 'rank' ? -sign : sign;
    const a = valueOf(p, key);
    const b = valueOf(q, key);
    if (a === null || a === undefined || b === null || b === undefined) {
      if (a === b || (a == null && b == null)) return collator.compare(p.file, q.file);
      return a == null ? 1 : -1;
    }
    const c = typeof a === 'string' ? collator.compare(a, b) : a - b;
    return s * c || collator.compare(p.file, q.file);
  });
}

/** Cell text for CSV: numbers with the locale's decimal mark, texts quoted and defused. */
function csvCell(value, sep, locale) {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return locale === 'id' ? String(value).replace('.', ',') : String(value);
  let text = String(value);
  // A text starting like a formula would run in a spreadsheet: neutralise it (as the engine does).
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /["\n\r]/.test(text) || text.includes(sep) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The CSV's columns; one per evaluation dimension (`dimensions`: their ids, in order). */
export function csvColumns(dimensions) {
  return [
    'kind', 'rank', 'region', 'province', 'code', 'year', 'index', 'index_is_estimate', 'improvement',
    ...dimensions, 'implementation_percent', 'quick_win_percent', 'method', 'method_version', 'engine_version',
    'file', 'input_sha256',
  ];
}

/**
 * The ranking as CSV: UTF-8 BOM; Indonesian `;` and comma decimals, English `,` and points;
 * CRLF line ends (like the engine's exportCsv). Groups in the order given, rows in rank order.
 * @param {Record<string, object[]>} groups kind → ranked rows
 * @param {'id'|'en'} locale
 * @param {string[]} dimensions the evaluation dimensions' ids (vocabularies().dimensions)
 */
export function rankingCsv(groups, locale, dimensions) {
  const sep = locale === 'id' ? ';' : ',';
  const lines = [csvColumns(dimensions).join(sep)];
  for (const kind of Object.keys(groups)) {
    for (const r of groups[kind]) {
      const cells = [
        r.kind, r.rank, r.name, r.province, r.code, r.year, r.index, r.index === null ? null : r.estimate ? 'true' : 'false', r.improvement,
        ...dimensions.map((d) => r.dims[d]), r.implementation, r.quickWins, r.method, r.methodVersion, r.engineVersion,
        r.file, r.sha256,
      ];
      lines.push(cells.map((c) => csvCell(c, sep, locale)).join(sep));
    }
  }
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

// ---------- the page ----------

const $ = (id) => document.getElementById(id);

const state = {
  locale: 'id',
  t: translator({}),
  methods: [],
  vocabulary: null,
  method: '',
  items: [], // {file: File|null, name, text}
  rows: [], // successful rows
  failures: [], // {name, problems, message}
  timing: null, // {files, ms, workers}
  sort: {}, // kind → { key, dir }; rank ascending by default
  running: false,
};

const t = (key, vars) => state.t(key, vars);
const msg = (text) => pick(text, state.locale);
/** The region kinds (one ranking each) and the evaluation dimensions, from the engine. */
const kinds = () => state.vocabulary?.list('region_kinds').map((k) => k.id) ?? [];
const dimensions = () => state.vocabulary?.list('dimensions').map((d) => d.id) ?? [];
const label = (kind, id) => state.vocabulary?.label(kind, id, state.locale) ?? id;
const sortOf = (kind) => state.sort[kind] ?? { key: 'rank', dir: 'asc' };

let lastSaid = null;
function say(key, vars = {}, kind = '') {
  lastSaid = { key, vars, kind };
  const el = $('batch-status');
  el.textContent = t(key, vars);
  el.className = `status ${kind}`;
}

async function setLocale(locale) {
  state.t = translator(await loadStrings(locale));
  state.locale = locale;
  document.documentElement.lang = locale;
  document.title = t('batch.documentTitle');
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of document.querySelectorAll('[data-i18n-aria]')) el.setAttribute('aria-label', t(el.dataset.i18nAria));
  $('lang').lang = locale === 'id' ? 'en' : 'id';
  try {
    localStorage.setItem('kcm.locale', locale);
  } catch {
    /* storage may be disabled; the choice then lasts for this visit */
  }
  renderMethods();
  if (lastSaid) say(lastSaid.key, lastSaid.vars, lastSaid.kind);
  render();
}

// ---------- reading ----------
/** The files a folder contributes: masterplans as JSON or as workbooks. */
const MASTERPLAN_FILE = /\.(json|xlsx|ods)$/i;

/** Files of a drop, folders walked (only masterplan files, .json or a workbook, taken from folders). */
async function droppedFiles(dataTransfer) {
  const entries = [...(dataTransfer.items ?? [])].map((item) => item.webkitGetAsEntry?.()).filter(Boolean);
  if (!entries.length || entries.every((e) => e.isFile)) return [...(dataTransfer.files ?? [])];
  const out = [];
  const fileOf = (entry) => new Promise((resolve, reject) => entry.file(resolve, reject));
  const readAll = async (dir) => {
    const reader = dir.createReader();
    const all = [];
    for (;;) {
      const chunk = await new Promise((resolve, reject) => reader.readEntries(resolve, reject));
      if (!chunk.length) return all;
      all.push(...chunk);
    }
  };
  const walk = async (entry) => {
    if (entry.isFile) {
      if (MASTERPLAN_FILE.test(entry.name)) out.push(await fileOf(entry));
    } else if (entry.isDirectory) {
      for (const child of await readAll(entry)) await walk(child);
    }
  };
  for (const entry of entries) await walk(entry);
  return out;
}

// ---------- assessing in module workers ----------
function workerCount() {
  // The main thread only waits while the workers assess, so one worker per core (at most 4).
  return Math.max(1, Math.min(4, navigator.hardwareConcurrency || 2));
}

let client;

async function runBatch() {
  client ??= createClient({ workers: workerCount(), threshold: 0 });
  const request = client.begin();
  const items = state.items;
  const options = state.method ? { method: state.method } : {};
  const rows = [];
  const failures = [];
  state.running = true;
  document.body.dataset.busy = 'true';
  document.body.dataset.state = 'assessing';
  const bar = $('batch-progress');
  const text = $('batch-progress-text');
  bar.max = items.length;
  bar.value = 0;
  bar.hidden = false;
  text.hidden = false;
  say('batch.started', { n: items.length });
  const started = performance.now();
  let done = 0;
  let shown = 0;
  const progress = () => {
    bar.value = done;
    text.textContent = t('batch.progress', { done, n: items.length });
  };
  progress();
  let next = 0;
  await Promise.all(
    Array.from({ length: workerCount() }, async () => {
      while (next < items.length && !request.superseded) {
        const item = items[next++];
        try {
          // A workbook (by its bytes) is read into its masterplan text first.
          item.text ??= (await readInput(item.file, { signal: request.signal })).text;
          const outcome = await request.assess(item.text, options);
          if (outcome === SUPERSEDED) return;
          rows.push(summarize(outcome.assessment, item.name));
        } catch (error) {
          if (request.superseded) return;
          const problems = error?.problems ?? [];
          failures.push({ name: item.name, message: String(error?.message ?? error), problems, read: !problems.length });
        }
        done++;
        // Repaint the bar at most every 50 ms; the count is not announced on every file.
        const now = performance.now();
        if (now - shown > 50) {
          shown = now;
          progress();
        }
      }
    }),
  );
  if (request.superseded) return;
  progress();
  state.rows = rows;
  state.failures = failures.sort((a, b) => a.name.localeCompare(b.name));
  render();
  // The time includes reading, assessing and drawing the tables: until the next frame.
  await new Promise((resolve) => requestAnimationFrame(() => resolve()));
  const ms = performance.now() - started;
  state.timing = { files: items.length, ms, workers: Math.max(1, client.workers) };
  state.running = false;
  bar.hidden = true;
  text.hidden = true;
  renderTiming();
  say('batch.done', { ok: rows.length, n: items.length, failed: failures.length }, failures.length ? 'warn' : 'ok');
  document.body.dataset.busy = 'false';
  document.body.dataset.state = 'done';
}

function startWith(files) {
  const list = [...files].filter(Boolean);
  if (!list.length) return;
  state.items = list
    .map((file) => ({ file, name: file.webkitRelativePath || file.name, text: null }))
    .sort((a, b) => a.name.localeCompare(b.name));
  state.timing = null;
  renderTiming();
  return runBatch();
}

// ---------- rendering ----------
function renderMethods() {
  const select = $('batch-method');
  select.replaceChildren(
    ...state.methods.map((m) =>
      h('option', { value: m.id, selected: m.id === state.method }, `${msg(m.name)}${m.disputed ? ` — ${t('method.disputed')}` : ''}`),
    ),
  );
  select.disabled = !state.methods.length;
}

function renderTiming() {
  const el = $('batch-timing');
  const tm = state.timing;
  el.hidden = !tm;
  if (!tm) return;
  const f = formatters(state.locale);
  el.replaceChildren(
    h('span', { class: 'timing-label' }, t('batch.timingLabel')),
    ' ',
    h('span', { id: 'batch-time' }, t('batch.timing', { files: f.int(tm.files), ms: f.int(tm.ms), per: f.num(tm.ms / Math.max(1, tm.files), 1), workers: tm.workers })),
  );
  el.dataset.ms = String(Math.round(tm.ms));
  el.dataset.files = String(tm.files);
}

function groups() {
  const out = {};
  for (const kind of kinds()) out[kind] = rank(state.rows.filter((r) => r.kind === kind));
  return out;
}

function render() {
  renderTiming();
  renderFailures();
  const results = $('batch-results');
  $('batch-empty').hidden = state.rows.length > 0 || state.failures.length > 0;
  if (!state.rows.length) {
    results.replaceChildren();
    return;
  }
  const g = groups();
  const focusedId = document.activeElement?.id;
  results.replaceChildren(renderDistribution(g), renderRanking(g));
  if (focusedId) document.getElementById(focusedId)?.focus({ preventScroll: true });
}

function renderFailures() {
  const box = $('batch-failures');
  box.hidden = !state.failures.length;
  if (!state.failures.length) return;
  $('batch-failures-h').textContent = t('batch.failures', { n: state.failures.length });
  $('batch-failures-list').replaceChildren(
    ...state.failures.map((x) => {
      const first = x.problems[0];
      const more = Math.max(0, x.problems.length - 1);
      const where = first?.cell
        ? t('where.sheetCell', { sheet: first.sheet, cell: first.cell })
        : first?.line
          ? t('where.lineCol', { line: first.line, column: first.column ?? '?' })
          : first?.path
            ? `${t('where.path')} ${first.path}`
            : '';
      return h(
        'li',
        { class: 'batch-failure' },
        h('code', { class: 'failure-file' }, x.name),
        h('p', { class: 'problem-msg' }, first ? msg(first.message) : x.read ? `${t('problems.readFailed')} ${x.message}` : x.message),
        where || more ? h('p', { class: 'small' }, [where, more ? t('batch.moreProblems', { n: more }) : ''].filter(Boolean).join(' · ')) : null,
      );
    }),
  );
}

const columns = () => [
  { key: 'rank', label: () => t('batch.rank'), dir: 'asc' },
  { key: 'name', label: () => t('batch.region'), dir: 'asc' },
  { key: 'index', label: () => t('summary.index'), dir: 'desc' },
  { key: 'improvement', label: () => t('batch.improvement'), dir: 'desc' },
  ...dimensions().map((d) => ({ key: d, label: () => label('dimensions', d), dir: 'desc' })),
  { key: 'implementation', label: () => t('batch.implementation'), dir: 'desc' },
  { key: 'quickWins', label: () => t('batch.quickWins'), dir: 'desc' },
];

function indexCell(f, row) {
  if (row.index === null) return '—';
  return row.estimate
    ? [h('span', { 'aria-hidden': 'true', class: 'est' }, '≈ '), f.score(row.index), h('span', { class: 'sr-only' }, ` (${t('summary.estimateShort')})`)]
    : f.score(row.index);
}

function renderRanking(g) {
  const f = formatters(state.locale);
  const tables = kinds().map((kind) => {
    const { key, dir } = sortOf(kind);
    const rows = sortRows(g[kind], key, dir);
    const head = columns().map((col) => {
      const active = col.key === key;
      const next = active ? (dir === 'asc' ? 'desc' : 'asc') : col.dir;
      return h(
        'th',
        { scope: 'col', class: col.key === 'name' ? '' : 'n', 'aria-sort': active ? (dir === 'asc' ? 'ascending' : 'descending') : null, 'data-key': col.key },
        h(
          'button',
          {
            type: 'button',
            class: `sort ${active ? 'active' : ''}`.trim(),
            id: `sort-${kind}-${col.key}`,
            onclick: () => {
              state.sort[kind] = { key: col.key, dir: next };
              render();
            },
          },
          col.label(),
          h('span', { 'aria-hidden': 'true', class: 'sort-mark' }, active ? (dir === 'asc' ? '\u00a0▲' : '\u00a0▼') : '\u00a0↕'),
        ),
      );
    });
    const body = rows.map((r) =>
      h(
        'tr',
        { 'data-sha': r.sha256, class: r.estimate ? 'estimate' : null },
        h('td', { class: 'n rank' }, r.rank === null ? '—' : f.int(r.rank)),
        h('th', { scope: 'row' }, h('span', { class: 'region-name' }, r.name), h('span', { class: 'region-sub' }, [r.province, r.year, r.file].filter(Boolean).join(' · '))),
        h('td', { class: 'n idx' }, indexCell(f, r)),
        h('td', { class: 'n' }, f.signed(r.improvement)),
        dimensions().map((d) => h('td', { class: 'n' }, f.score(r.dims[d]))),
        h('td', { class: 'n' }, f.pct(r.implementation)),
        h('td', { class: 'n' }, f.pct(r.quickWins)),
      ),
    );
    const caption = t('batch.tableCaption', { kind: label('region_kinds', kind), n: rows.length });
    return h(
      'div',
      { class: 'batch-group', id: `ranking-${kind}` },
      h('h3', {}, label('region_kinds', kind), ' ', h('span', { class: 'count' }, `(${f.int(rows.length)})`)),
      rows.length
        ? h(
            'div',
            { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': caption },
            h('table', { class: 'ranking', 'data-kind': kind }, h('caption', { class: 'sr-only' }, caption), h('thead', {}, h('tr', {}, head)), h('tbody', {}, body)),
          )
        : h('p', { class: 'small' }, t('batch.noneInGroup')),
    );
  });
  const estimates = state.rows.filter((r) => r.estimate).length;
  return h(
    'section',
    { id: 'batch-ranking', class: 'card', 'aria-labelledby': 'batch-ranking-h' },
    h('h2', { id: 'batch-ranking-h' }, t('batch.rankingHeading')),
    h('p', { class: 'lead' }, t('batch.rankingLead', { method: state.method })),
    h('ul', { class: 'batch-notes small' },
      h('li', {}, t('batch.ties')),
      h('li', {}, t('batch.estimateNote', { n: f.int(estimates) })),
      h('li', {}, t('batch.sortNote'))),
    h(
      'div',
      { class: 'downloads', role: 'group', 'aria-label': t('download.group') },
      h('button', { type: 'button', id: 'batch-csv-id', onclick: () => download('id') }, '⬇ ', t('download.csvId')),
      h('button', { type: 'button', id: 'batch-csv-en', onclick: () => download('en') }, '⬇ ', t('download.csvEn')),
    ),
    tables,
  );
}

function renderDistribution(g) {
  const f = formatters(state.locale);
  const stats = Object.fromEntries(kinds().map((k) => [k, distribution(g[k].map((r) => r.index))]));
  const all = state.rows.map((r) => r.index).filter((v) => v !== null);
  // One axis for both groups, in half steps around the data, within the 1–4 scale.
  const lo = Math.max(1, Math.floor(Math.min(...all) * 2) / 2);
  const hi = Math.min(4, Math.max(lo + 0.5, Math.ceil(Math.max(...all) * 2) / 2));
  const left = 150;
  const width = 520;
  const rowH = 96;
  const top = 12;
  const height = top + kinds().length * rowH + 36;
  const x = (v) => left + ((v - lo) / (hi - lo)) * width;
  const describe = (k) => {
    const s = stats[k];
    return s
      ? t('batch.distSummary', { group: label('region_kinds', k), n: f.int(s.n), min: f.score(s.min), q1: f.score(s.q1), median: f.score(s.median), q3: f.score(s.q3), max: f.score(s.max), mean: f.score(s.mean) })
      : `${label('region_kinds', k)}: ${t('batch.noneInGroup')}`;
  };
  const chart = svg(
    'svg',
    { viewBox: `0 0 ${left + width + 30} ${height}`, role: 'img', 'aria-labelledby': 'dist-title dist-desc', class: 'chart dist-chart', preserveAspectRatio: 'xMinYMin meet' },
    svg('title', { id: 'dist-title' }, t('batch.distTitle')),
    svg('desc', { id: 'dist-desc' }, kinds().map(describe).join(' ')),
  );
  // Axis with ticks every 0,25.
  const axisY = top + kinds().length * rowH + 4;
  chart.append(svg('line', { x1: left, x2: left + width, y1: axisY, y2: axisY, class: 'dist-axis' }));
  for (let v = lo; v <= hi + 1e-9; v += 0.25) {
    const major = Math.abs(v * 2 - Math.round(v * 2)) < 1e-9;
    chart.append(svg('line', { x1: x(v), x2: x(v), y1: top, y2: axisY + (major ? 6 : 3), class: major ? 'dist-grid' : 'dist-grid minor' }));
    if (major) chart.append(svg('text', { x: x(v), y: axisY + 20, 'text-anchor': 'middle', class: 'chart-label' }, f.num(v, 2)));
  }
  kinds().forEach((k, i) => {
    const s = stats[k];
    const y0 = top + i * rowH;
    const mid = y0 + rowH / 2;
    chart.append(svg('text', { x: left - 12, y: mid - 4, 'text-anchor': 'end', class: 'chart-label strong' }, label('region_kinds', k)));
    chart.append(svg('text', { x: left - 12, y: mid + 14, 'text-anchor': 'end', class: 'chart-label muted' }, `n = ${f.int(s?.n ?? 0)}`));
    if (!s) return;
    // The dots: every region, spread vertically by a fixed pattern (no randomness).
    g[k].forEach((r, j) => {
      if (r.index === null) return;
      const dy = ((j * 7) % 13) - 6;
      chart.append(svg('circle', { cx: x(r.index), cy: mid + 24 + dy * 1.6, r: 3, class: r.estimate ? 'dot estimate' : 'dot' }));
    });
    // Whiskers (min–max), box (Q1–Q3), median (thick), mean (diamond).
    const by = mid - 26;
    chart.append(svg('line', { x1: x(s.min), x2: x(s.max), y1: by + 12, y2: by + 12, class: 'whisker' }));
    chart.append(svg('line', { x1: x(s.min), x2: x(s.min), y1: by + 4, y2: by + 20, class: 'whisker' }));
    chart.append(svg('line', { x1: x(s.max), x2: x(s.max), y1: by + 4, y2: by + 20, class: 'whisker' }));
    chart.append(svg('rect', { x: x(s.q1), y: by, width: Math.max(1, x(s.q3) - x(s.q1)), height: 24, class: 'box' }));
    chart.append(svg('line', { x1: x(s.median), x2: x(s.median), y1: by - 3, y2: by + 27, class: 'median' }));
    const mx = x(s.mean);
    chart.append(svg('path', { d: `M${mx} ${by + 6} l6 6 l-6 6 l-6 -6 z`, class: 'mean' }));
  });
  const cols = ['n', 'min', 'q1', 'median', 'q3', 'max', 'mean'];
  // One row per statistic, one column per group: narrow enough to sit beside the chart.
  const rows = cols.map((c) =>
    h('tr', { 'data-stat': c }, h('th', { scope: 'row' }, t(`batch.stat.${c}`)),
      kinds().map((k) => h('td', { class: 'n', 'data-kind': k }, stats[k] ? (c === 'n' ? f.int(stats[k].n) : f.score(stats[k][c])) : '—'))),
  );
  return h(
    'section',
    { id: 'batch-distribution', class: 'card', 'aria-labelledby': 'batch-distribution-h' },
    h('h2', { id: 'batch-distribution-h' }, t('batch.distHeading')),
    h('p', { class: 'lead' }, t('batch.distLead')),
    h(
      'div',
      { class: 'dist-grid-layout' },
      h('figure', {}, chart, h('figcaption', { class: 'small' }, t('batch.distLegend'))),
      h(
        'div',
        { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': t('batch.distTable') },
        h('table', { id: 'dist-table' },
          h('caption', {}, t('batch.distTable')),
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('batch.statCol')), kinds().map((k) => h('th', { scope: 'col', class: 'n' }, label('region_kinds', k))))),
          h('tbody', {}, rows)),
      ),
    ),
    h('p', { class: 'small' }, t('batch.distMethod')),
  );
}

// ---------- downloads ----------
function today() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

async function download(locale) {
  if (!state.rows.length) return;
  try {
    const csv = rankingCsv(groups(), locale, dimensions());
    const saved = await saveText(csv, `kota-cerdas_peringkat_${state.method || 'bawaan'}_${today()}_${locale}.csv`, 'text/csv;charset=utf-8');
    if (saved) say('status.saved', {}, 'ok');
  } catch (error) {
    const el = $('batch-status');
    el.textContent = `${t('status.saveFailed')} ${error?.message ?? error}`;
    el.className = 'status error';
    lastSaid = null;
  }
}

// ---------- events ----------
function wire() {
  for (const id of ['batch-files', 'batch-folder']) {
    $(id).addEventListener('change', (e) => {
      const files = [...(e.target.files ?? [])].filter((file) => id === 'batch-files' || MASTERPLAN_FILE.test(file.name));
      startWith(files)?.finally(() => {
        e.target.value = '';
      });
    });
  }
  $('batch-method').addEventListener('change', (e) => {
    state.method = e.target.value;
    if (state.items.length) runBatch();
  });
  $('lang').addEventListener('click', () => setLocale(state.locale === 'id' ? 'en' : 'id'));

  dropAnywhere($('drop-overlay'), {
    accepts: (dt) => Boolean(dt.files?.length || dt.items?.length),
    onDrop: async (dt) => startWith(await droppedFiles(dt)),
  });
}

async function start() {
  document.body.dataset.state = 'empty';
  let locale = 'id';
  try {
    locale = localStorage.getItem('kcm.locale') === 'en' ? 'en' : 'id';
  } catch {
    /* keep Indonesian */
  }
  wire();
  await setLocale(locale);
  try {
    state.methods = await methods();
    state.vocabulary = vocabulary(await vocabularies());
    state.method = state.methods[0]?.id ?? '';
    renderMethods();
    $('engine-version').textContent = t('footer.engine', { version: await version() });
  } catch (error) {
    const el = $('batch-status');
    el.textContent = `${t('status.engineFailed')} ${error?.message ?? error}`;
    el.className = 'status error';
    return;
  }
  document.body.dataset.ready = 'true';
}

if (typeof document !== 'undefined') start();
