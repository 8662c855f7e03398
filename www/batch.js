// Batch view for evaluators: many masterplan files in, one ranking per evaluation year and
// region kind, the distribution of the index in each, a pillar × region heat map, duplicates
// and failed files listed, and the ranking CSV. Every score comes from the engine (assessText
// in module workers, through lib/engine-client.js: one run is one request, and a new run or
// method supersedes the old one); the ranking, its statistics, the duplicates and the CSV come
// from the engine's rank() and rankingCsv() (lib/compare-client.js); labels from the engine's
// vocabularies(). This file reads files, hashes their bytes (crypto.subtle), draws and sorts
// the display; it computes no score, rank or statistic.

import { SUPERSEDED, createClient, methods, version, vocabularies } from './lib/engine-client.js';
import { rank, rankingCsv } from './lib/compare-client.js';
import * as store from './store.js';
import { h, svg } from './lib/dom.js';
import { formatters } from './lib/format.js';
import { applyLocale, pick, translator } from './lib/strings.js';
import { vocabulary } from './lib/vocabulary.js';
import { readInput } from './lib/workbook-client.js';
import { saveText } from './download.js';
import { dropAnywhere } from './drop.js';

// ---------- pure helpers (exported for the tests) ----------

/** Value of an engine ranking row for a display sort key; null sorts last in both directions. */
export function valueOf(row, key) {
  if (key === 'rank') return row.index;
  if (key === 'name') return row.region;
  if (key === 'index' || key === 'improvement' || key === 'implementation' || key === 'quick_wins') return row[key];
  if (row.dimensions && Object.hasOwn(row.dimensions, key)) return row.dimensions[key];
  return null;
}

/**
 * A stable DISPLAY sort of the engine's ranked rows by a column the user clicked (the ranks
 * themselves come from the engine's rank()); nulls last whatever the direction; ties in file
 * order.
 */
export function sortRows(rows, key, dir = 'desc') {
  if (key === 'rank' && dir === 'asc') return [...rows];
  const sign = dir === 'asc' ? 1 : -1;
  const collator = new Intl.Collator('id');
  return [...rows].sort((p, q) => {
    const s = key === 'rank' ? -sign : sign;
    const a = valueOf(p, key);
    const b = valueOf(q, key);
    if (a == null || b == null) {
      if (a == null && b == null) return collator.compare(p.file, q.file);
      return a == null ? 1 : -1;
    }
    const c = typeof a === 'string' ? collator.compare(a, b) : a - b;
    return s * c || collator.compare(p.file, q.file);
  });
}

/** SHA-256 (hex) of bytes, by the platform (the engine no longer computes it). */
export async function sha256Hex(bytes) {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
}

// ---------- the page ----------

const $ = (id) => document.getElementById(id);

const state = {
  locale: 'id',
  t: translator({}),
  methods: [],
  vocabulary: null,
  method: '',
  items: [], // {file: File|null, name, text, error?}
  entries: [], // what rank() gets: {name, sha256?, assessment?, error?}, in items' order
  ranking: null, // the engine's rank(entries)
  timing: null, // {files, ms, workers}
  sort: {}, // group key → { key, dir }; rank ascending by default
  running: false,
};

const t = (key, vars) => state.t(key, vars);
const msg = (text) => pick(text, state.locale);
const dimensions = () => state.vocabulary?.list('dimensions').map((d) => d.id) ?? [];
const pillars = () => state.vocabulary?.list('pillars').map((d) => d.id) ?? [];
const label = (kind, id) => state.vocabulary?.label(kind, id, state.locale) ?? id;
const groupKey = (g) => `${g.year}-${g.kind}`;
const groupName = (g) => `${label('region_kinds', g.kind)} ${g.year}`;
const sortOf = (g) => state.sort[groupKey(g)] ?? { key: 'rank', dir: 'asc' };

let lastSaid = null;
function say(key, vars = {}, kind = '') {
  lastSaid = { key, vars, kind };
  const el = $('batch-status');
  el.textContent = t(key, vars);
  el.className = `status ${kind}`;
}

async function setLocale(locale) {
  state.t = await applyLocale(locale, 'batch.documentTitle');
  state.locale = locale;
  renderMethods();
  if (lastSaid) say(lastSaid.key, lastSaid.vars, lastSaid.kind);
  render();
}

// ---------- reading ----------
/** The files a folder contributes: masterplans as JSON or as workbooks. */
const MASTERPLAN_FILE = /\.(json|xlsx|ods)$/i;

/**
 * Files of a drop, folders walked (only masterplan files taken from folders). An entry that
 * cannot be read (permissions, a vanished file, a folder that cannot be listed) becomes a
 * failed item with its reason; it never stops the rest of the drop.
 * @returns {Promise<(File | {name: string, error: string})[]>}
 */
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
  const unreadable = (entry, error) => out.push({ name: entry.fullPath?.replace(/^\//, '') || entry.name, error: String(error?.message ?? error) });
  const walk = async (entry) => {
    try {
      if (entry.isFile) {
        if (MASTERPLAN_FILE.test(entry.name)) out.push(await fileOf(entry));
      } else if (entry.isDirectory) {
        for (const child of await readAll(entry)) await walk(child);
      }
    } catch (error) {
      unreadable(entry, error);
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

/** The reason of a failure for the ranking and its CSV: the first problem, both languages. */
function reasonOf(error) {
  const first = error?.problems?.[0];
  if (first?.message) {
    const more = error.problems.length - 1;
    const where = first.cell ? ` (${first.sheet} ${first.cell})` : first.line ? ` (${first.line}:${first.column ?? '?'})` : '';
    return {
      id: `${first.message.id}${where}${more > 0 ? ` (+${more} masalah lain)` : ''}`,
      en: `${first.message.en}${where}${more > 0 ? ` (+${more} more problems)` : ''}`,
    };
  }
  const text = String(error?.message ?? error);
  return { id: `Berkas tidak dapat dibaca: ${text}`, en: `The file cannot be read: ${text}` };
}

/** The parts of an assessment rank() reads (a smaller copy to hand over). */
function slim(a) {
  return {
    engine: a.engine,
    method: { id: a.method?.id, version: a.method?.version },
    region: a.region,
    year: a.year,
    evaluation: a.evaluation,
    implementation: { pillars: a.implementation?.pillars, overall: a.implementation?.overall },
    quick_wins: { percent: a.quick_wins?.percent },
  };
}

async function runBatch() {
  client ??= createClient({ workers: workerCount(), threshold: 0 });
  const request = client.begin();
  const items = state.items;
  const options = state.method ? { method: state.method } : {};
  const entries = items.map((item) => ({ name: item.name }));
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
        const i = next++;
        const item = items[i];
        try {
          if (item.error) throw new Error(item.error);
          if (item.text === null || item.text === undefined) {
            // A workbook (by its bytes) is read into its masterplan text first; the hash is of
            // the file's bytes for JSON (BOM included), of that text for a workbook (spec §4).
            const read = await readInput(item.file, { signal: request.signal });
            item.text = read.text;
            item.sha256 = await sha256Hex(read.workbook ? new TextEncoder().encode(read.text) : await item.file.arrayBuffer());
          }
          const outcome = await request.assess(item.text, options);
          if (outcome === SUPERSEDED) return;
          entries[i] = { name: item.name, sha256: item.sha256, assessment: slim(outcome.assessment) };
        } catch (error) {
          if (request.superseded) return;
          entries[i] = { name: item.name, sha256: item.sha256, error: reasonOf(error) };
        }
        done++;
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
  state.entries = entries;
  try {
    state.ranking = await rank(entries);
  } catch (error) {
    state.ranking = null;
    const el = $('batch-status');
    el.textContent = `${t('status.engineFailed')} ${error?.message ?? error}`;
    el.className = 'status error';
  }
  render();
  await new Promise((resolve) => requestAnimationFrame(() => resolve()));
  const ms = performance.now() - started;
  state.timing = { files: items.length, ms, workers: Math.max(1, client.workers) };
  state.running = false;
  bar.hidden = true;
  text.hidden = true;
  renderTiming();
  const c = state.ranking?.counts;
  if (c) say('batch.doneCounts', { ok: c.ranked, n: c.files, failed: c.failed, duplicates: c.duplicates }, c.failed || c.duplicates ? 'warn' : 'ok');
  document.body.dataset.busy = 'false';
  document.body.dataset.state = 'done';
}

function startWith(files) {
  const list = [...files].filter(Boolean);
  if (!list.length) return;
  state.items = list
    .map((file) => (file instanceof Blob
      ? { file, name: file.webkitRelativePath || file.name, text: null }
      : { file: null, name: file.name, text: null, error: file.error }))
    .sort((a, b) => a.name.localeCompare(b.name));
  state.timing = null;
  renderTiming();
  return runBatch();
}

/** Opens a ranked file's full report: the single-file page restores the last session it finds. */
async function openReport(entry) {
  const item = state.items[entry];
  if (!item?.text) return;
  await store.save({ text: item.text, fileName: item.name, method: state.method || null, savedAt: new Date().toISOString() });
  window.open('index.html', '_blank', 'noopener');
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
  $('batch-time').textContent = t('batch.timing', { files: f.int(tm.files), ms: f.int(tm.ms), per: f.num(tm.ms / Math.max(1, tm.files), 1), workers: tm.workers });
  el.dataset.ms = String(Math.round(tm.ms));
  el.dataset.files = String(tm.files);
}

function render() {
  renderTiming();
  renderFailures();
  const results = $('batch-results');
  const r = state.ranking;
  $('batch-empty').hidden = Boolean(r && r.counts.files);
  if (!r || !r.groups.length) {
    results.replaceChildren();
    return;
  }
  const focusedId = document.activeElement?.id;
  results.replaceChildren(renderRanking(r), renderDistribution(r), renderHeat(r));
  if (focusedId) document.getElementById(focusedId)?.focus({ preventScroll: true });
}

function renderFailures() {
  const r = state.ranking;
  const box = $('batch-failures');
  const failed = r?.failed ?? [];
  const dups = r?.duplicates ?? [];
  box.hidden = !failed.length && !dups.length;
  if (box.hidden) return;
  $('batch-failures-h').textContent = t('batch.failuresAndDuplicates', { failed: failed.length, duplicates: dups.length });
  $('batch-failures-list').replaceChildren(
    ...failed.map((x) => h('li', { class: 'batch-failure', 'data-entry': String(x.entry) }, h('code', { class: 'failure-file' }, x.file), h('p', { class: 'problem-msg' }, msg(x.reason)))),
    ...dups.map((x) => h('li', { class: 'batch-duplicate', 'data-entry': String(x.entry) }, h('code', { class: 'failure-file' }, x.file), h('p', { class: 'problem-msg' }, msg(x.message)))),
  );
}

const columns = () => [
  { key: 'rank', label: () => t('batch.rank'), dir: 'asc' },
  { key: 'name', label: () => t('batch.region'), dir: 'asc' },
  { key: 'index', label: () => t('summary.index'), dir: 'desc' },
  { key: 'improvement', label: () => t('batch.improvement'), dir: 'desc' },
  ...dimensions().map((d) => ({ key: d, label: () => label('dimensions', d), dir: 'desc' })),
  { key: 'implementation', label: () => t('batch.implementation'), dir: 'desc' },
  { key: 'quick_wins', label: () => t('batch.quickWins'), dir: 'desc' },
];

function indexCell(f, row) {
  if (row.index === null) return '—';
  return row.estimate
    ? [h('span', { 'aria-hidden': 'true', class: 'est' }, '≈ '), f.score(row.index), h('span', { class: 'sr-only' }, ` (${t('summary.estimateShort')})`)]
    : f.score(row.index);
}

function renderRanking(r) {
  const f = formatters(state.locale);
  const tables = r.groups.map((g) => {
    const { key, dir } = sortOf(g);
    const rows = sortRows(g.rows, key, dir);
    const gk = groupKey(g);
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
            id: `sort-${gk}-${col.key}`,
            onclick: () => {
              state.sort[gk] = { key: col.key, dir: next };
              render();
            },
          },
          col.label(),
          h('span', { 'aria-hidden': 'true', class: 'sort-mark' }, active ? (dir === 'asc' ? '\u00a0▲' : '\u00a0▼') : '\u00a0↕'),
        ),
      );
    });
    const body = rows.map((row) =>
      h(
        'tr',
        { 'data-sha': row.sha256, 'data-entry': String(row.entry), class: row.estimate ? 'estimate' : null },
        h('td', { class: 'n rank' }, row.rank === null ? '—' : f.int(row.rank)),
        h('th', { scope: 'row' },
          h('span', { class: 'region-name' }, row.region),
          h('span', { class: 'region-sub' }, [row.province, row.file].filter(Boolean).join(' · ')),
          h('button', { type: 'button', class: 'link-button open-report', onclick: () => openReport(row.entry) }, t('batch.openReport'))),
        h('td', { class: 'n idx' }, indexCell(f, row)),
        h('td', { class: 'n' }, f.signed(row.improvement)),
        dimensions().map((d) => h('td', { class: 'n' }, f.score(row.dimensions[d]))),
        h('td', { class: 'n' }, f.pct(row.implementation)),
        h('td', { class: 'n' }, f.pct(row.quick_wins)),
      ),
    );
    const caption = t('batch.groupCaption', { group: groupName(g), n: rows.length });
    return h(
      'div',
      { class: 'batch-group', id: `ranking-${gk}`, 'data-year': String(g.year), 'data-kind': g.kind },
      h('h3', {}, groupName(g), ' ', h('span', { class: 'count' }, `(${f.int(rows.length)})`)),
      h(
        'div',
        { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': caption },
        h('table', { class: 'ranking', 'data-kind': g.kind, 'data-year': String(g.year) }, h('caption', { class: 'sr-only' }, caption), h('thead', {}, h('tr', {}, head)), h('tbody', {}, body)),
      ),
    );
  });
  const estimates = r.groups.reduce((n, g) => n + g.rows.filter((x) => x.estimate).length, 0);
  return h(
    'section',
    { id: 'batch-ranking', class: 'card', 'aria-labelledby': 'batch-ranking-h' },
    h('h2', { id: 'batch-ranking-h' }, t('batch.rankingHeading')),
    r.notices.map((n) => h('p', { class: 'notice mixed-years', 'data-code': n.code, role: 'note' }, msg(n.message))),
    h('p', { class: 'lead' }, t('batch.rankingLeadYears', { method: state.method })),
    h('ul', { class: 'batch-notes small' },
      h('li', {}, t('batch.ties')),
      h('li', {}, t('batch.estimateNote', { n: f.int(estimates) })),
      r.duplicates.length ? h('li', {}, t('batch.duplicatesNote', { n: f.int(r.duplicates.length) })) : null,
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

function renderDistribution(r) {
  const f = formatters(state.locale);
  const groups = r.groups.filter((g) => g.stats);
  const all = groups.flatMap((g) => [g.stats.min, g.stats.max]);
  // One axis for every group, in half steps around the data, within the 1–4 scale.
  const lo = Math.max(1, Math.floor(Math.min(...all) * 2) / 2);
  const hi = Math.min(4, Math.max(lo + 0.5, Math.ceil(Math.max(...all) * 2) / 2));
  const left = 150;
  const width = 520;
  const rowH = 96;
  const top = 12;
  const height = top + groups.length * rowH + 36;
  const x = (v) => left + ((v - lo) / (hi - lo)) * width;
  const describe = (g) => t('batch.distSummary', { group: groupName(g), n: f.int(g.stats.n), min: f.score(g.stats.min), q1: f.score(g.stats.q1), median: f.score(g.stats.median), q3: f.score(g.stats.q3), max: f.score(g.stats.max), mean: f.score(g.stats.mean) });
  const chart = svg(
    'svg',
    { viewBox: `0 0 ${left + width + 30} ${height}`, role: 'img', 'aria-labelledby': 'dist-title dist-desc', class: 'chart dist-chart', preserveAspectRatio: 'xMinYMin meet' },
    svg('title', { id: 'dist-title' }, t('batch.distTitle')),
    svg('desc', { id: 'dist-desc' }, groups.map(describe).join(' ')),
  );
  const axisY = top + groups.length * rowH + 4;
  chart.append(svg('line', { x1: left, x2: left + width, y1: axisY, y2: axisY, class: 'dist-axis' }));
  for (let v = lo; v <= hi + 1e-9; v += 0.25) {
    const major = Math.abs(v * 2 - Math.round(v * 2)) < 1e-9;
    chart.append(svg('line', { x1: x(v), x2: x(v), y1: top, y2: axisY + (major ? 6 : 3), class: major ? 'dist-grid' : 'dist-grid minor' }));
    if (major) chart.append(svg('text', { x: x(v), y: axisY + 20, 'text-anchor': 'middle', class: 'chart-label' }, f.num(v, 2)));
  }
  groups.forEach((g, i) => {
    const s = g.stats;
    const mid = top + i * rowH + rowH / 2;
    chart.append(svg('text', { x: left - 12, y: mid - 4, 'text-anchor': 'end', class: 'chart-label strong' }, groupName(g)));
    chart.append(svg('text', { x: left - 12, y: mid + 14, 'text-anchor': 'end', class: 'chart-label muted' }, `n = ${f.int(s.n)}`));
    g.rows.forEach((row, j) => {
      if (row.index === null) return;
      const dy = ((j * 7) % 13) - 6;
      chart.append(svg('circle', { cx: x(row.index), cy: mid + 24 + dy * 1.6, r: 3, class: row.estimate ? 'dot estimate' : 'dot' }));
    });
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
  const rows = groups.map((g) =>
    h('tr', { 'data-group': groupKey(g) }, h('th', { scope: 'row' }, groupName(g)),
      cols.map((c) => h('td', { class: 'n', 'data-stat': c }, c === 'n' ? f.int(g.stats.n) : f.score(g.stats[c])))),
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
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('batch.statCol')), cols.map((c) => h('th', { scope: 'col', class: 'n' }, t(`batch.stat.${c}`))))),
          h('tbody', {}, rows)),
      ),
    ),
    h('p', { class: 'small' }, t('batch.distMethodEngine')),
  );
}

/** The heat map: one table per group, a row per region, a column per pillar; the cell's shade
 * is a quarter of the 0–100 % scale (presentation only), its text the engine's rate. */
function renderHeat(r) {
  const f = formatters(state.locale);
  const shade = (v) => (typeof v === 'number' ? `heat-${Math.min(4, Math.floor(v / 25))}` : 'heat-none');
  return h(
    'section',
    { id: 'batch-heat', class: 'card', 'aria-labelledby': 'batch-heat-h' },
    h('h2', { id: 'batch-heat-h' }, t('batch.heatHeading')),
    h('p', { class: 'small' }, t('batch.heatLead')),
    r.groups.map((g) => {
      const caption = t('batch.heatCaption', { group: groupName(g) });
      return h(
        'div',
        { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': caption },
        h('table', { class: 'heat', 'data-group': groupKey(g) },
          h('caption', {}, caption),
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('batch.region')), pillars().map((p) => h('th', { scope: 'col', class: 'n' }, label('pillars', p))))),
          h('tbody', {}, g.rows.map((row) => h('tr', { 'data-entry': String(row.entry) }, h('th', { scope: 'row' }, row.region),
            pillars().map((p) => h('td', { class: `n ${shade(row.pillars[p])}` }, f.pct(row.pillars[p]))))))),
      );
    }),
  );
}

// ---------- downloads ----------
function today() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

async function download(locale) {
  if (!state.entries.length) return;
  try {
    const csv = await rankingCsv(state.entries, { locale });
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
