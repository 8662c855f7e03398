// Page glue: getting a file in (input, drop, paste, samples, restore), the page's state (what
// is on screen, the chosen agency and filters), events, and handing the engine's assessment to
// report/. No scoring happens here, and no list or label of the format is written here: those
// come from the engine (vocabularies(), the assessment).
//
// Latest wins: every way in starts a numbered request (begin()); when a newer one starts,
// the older one's result is neither shown nor stored, however late it arrives.

import { SUPERSEDED, createClient, methods, version, vocabularies } from './lib/engine-client.js';
import { exportCsv } from './lib/compare-client.js';
import { formatters } from './lib/format.js';
import { sha256Fallback, sha256Hex, withHash } from './lib/hash.js';
import { decode } from './lib/read.js';
import { loadStrings, pick, translator } from './lib/strings.js';
import { vocabulary } from './lib/vocabulary.js';
import { XLSX_TYPE, isTable, isWorkbookName, readInput, readPastedPrograms, templateWorkbook, writeAssessment, writeWorkbook } from './lib/workbook-client.js';
import * as store from './store.js';
import { fileName as downloadName, saveText } from './download.js';
import { dropAnywhere } from './drop.js';
import { renderReport, revealResults } from './report/report.js';
import { forgetLetter, loadLetter } from './report/letter.js';
import { showAgency } from './report/agencies.js';
import { fillPrograms } from './report/programs.js';
import { renderProblems } from './report/problems.js';
import { createEditor } from './editor/editor.js';
import { ask } from './editor/dialog.js';
import { openLinked } from './lib/deep-link.js';

const $ = (id) => document.getElementById(id);
const NO_FILTERS = Object.freeze({ pillar: '', horizon: '', status: '' });

const engine = createClient();
let asked = false; // whether the person has asked for anything yet (see start: restore)
/** A new request: whatever was read or assessed before it will not be shown or stored. */
function begin() {
  asked = true;
  return engine.begin();
}
let vocabReady; // the engine's vocabularies, once (see start)

const state = {
  locale: 'id',
  t: translator({}),
  methods: [],
  vocabulary: null,
  text: null, // exact input text of the assessment on screen (BOM kept)
  inputHash: '', // its input_sha256 (of the file's bytes, or of the text the page saves), computed here
  fileName: '',
  masterplan: null, // parsed input, for the program list and the downloaded JSON
  assessment: null,
  method: null, // method chosen in the page: a preset id, or a custom method the person confirmed; null = the file's own or the default
  view: { agency: null, filters: { ...NO_FILTERS }, pages: {} }, // what the person chose in the report (pages: of the paged tables)
  lastProblems: null,
  lastProblemsName: '',
  lastProblemsKind: 'error', // 'error': the file was not assessed; 'read'/'write': notes of a workbook
  busy: 0,
};

const t = (key, vars) => state.t(key, vars);

// ---------- language ----------
async function setLocale(locale) {
  state.t = translator(await loadStrings(locale));
  state.locale = locale;
  document.documentElement.lang = locale;
  document.title = t('app.documentTitle');
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of document.querySelectorAll('[data-i18n-aria]')) el.setAttribute('aria-label', t(el.dataset.i18nAria));
  for (const el of document.querySelectorAll('[data-i18n-placeholder]')) el.placeholder = t(el.dataset.i18nPlaceholder);
  $('lang').lang = locale === 'id' ? 'en' : 'id';
  editor.setLocale();
  try {
    localStorage.setItem('kcm.locale', locale);
  } catch {
    /* storage may be disabled; the choice then lasts for this visit */
  }
  renderSamples();
  rerender();
  if (lastSaid) say(lastSaid.key, lastSaid.vars, lastSaid.kind);
  if (state.lastProblems) showProblems(state.lastProblems, state.lastProblemsName, state.lastProblemsKind);
}

// ---------- status ----------
let lastSaid = null;
/** A status message from the locale files; re-said in the new language when it changes. */
function say(key, vars = {}, kind = '') {
  setStatus(t(key, vars), kind);
  lastSaid = { key, vars, kind };
}

function setStatus(text, kind = '') {
  lastSaid = null;
  const el = $('status');
  el.textContent = text;
  el.className = `status ${kind}`;
}

function setBusy(on, value) {
  state.busy += on ? 1 : -1;
  const bar = $('progress');
  bar.hidden = state.busy <= 0;
  if (value === undefined) bar.removeAttribute('value');
  else bar.value = value;
  document.body.dataset.busy = state.busy > 0 ? 'true' : 'false';
}

// ---------- reading input ----------
function readFailed(error) {
  return { severity: 'error', code: 'read_failed', message: { id: t('problems.readFailed'), en: String(error?.message ?? error) } };
}

async function openFile(file) {
  if (!file || !(await editor.mayReplace())) return;
  const request = begin();
  setBusy(true, 0);
  say('status.reading', { name: file.name, pct: 0 });
  try {
    // A workbook (by its bytes) is read by the workbook module, loaded now if not yet.
    const input = await readInput(file, {
      signal: request.signal,
      onProgress: (pct) => {
        if (request.superseded) return;
        $('progress').value = pct;
        say('status.reading', { name: file.name, pct });
      },
      onWorkbook: () => {
        if (!request.superseded) say('status.readingWorkbook', { name: file.name });
      },
    });
    if (request.superseded) return;
    const shown = await assessInput(request, input.text, file.name, { bytes: input.bytes });
    if (shown) showNotes(input.notes, file.name);
  } catch (error) {
    if (!request.superseded) showProblems(error?.problems?.length ? error.problems : [readFailed(error)], file.name);
  } finally {
    setBusy(false);
  }
}

/** The reader's warnings (a sheet or field not read …) that the findings do not repeat. */
function showNotes(notes, name) {
  const findings = new Set((state.assessment?.findings ?? []).map((f) => `${f.code} ${f.path}`));
  const left = notes.filter((p) => !findings.has(`${p.code} ${p.path}`));
  if (left.length) showProblems(left, name, 'read');
}

/** Pasted text: rows of a spreadsheet (a program table) or JSON. */
function assessPasted(text) {
  if (isTable(text)) return pasteTable(text);
  return assessInput(begin(), text, t('input.pastedName'));
}

/**
 * Rows copied from a spreadsheet: read as the program table of the masterplan on screen
 * (its programs replaced), then assessed; problems located by row and column of the text.
 */
async function pasteTable(text) {
  const request = begin();
  const name = t('input.pastedTableName');
  if (!state.masterplan) {
    const [id, en] = await Promise.all([loadStrings('id'), loadStrings('en')]);
    const message = { id: id['problems.pasteNeedsMasterplan'], en: en['problems.pasteNeedsMasterplan'] };
    showProblems([{ severity: 'error', code: 'paste_needs_masterplan', path: '', message }], name);
    return;
  }
  setBusy(true);
  say('status.readingTable');
  try {
    const reading = await readPastedPrograms(text, state.masterplan);
    if (request.superseded) return;
    if (typeof reading.text !== 'string') {
      showProblems(reading.problems, name);
      return;
    }
    const base = state.fileName.split(' + ')[0];
    const shown = await assessInput(request, reading.text, `${base} + ${name}`);
    if (shown) {
      $('paste').dataset.clean = 'true';
      showNotes(reading.problems, name);
    }
  } catch (error) {
    if (!request.superseded) showProblems(error?.problems?.length ? error.problems : [readFailed(error)], name);
  } finally {
    setBusy(false);
  }
}

function parseQuietly(text) {
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return undefined;
  }
}

/**
 * A downloaded assessment (what this page saves: the engine's result plus `input_text` and
 * `masterplan`): its input text, or null when `parsed` is anything else. A masterplan is never
 * one, whatever extra keys it carries (`input_text`, `engine` …): it is scored on its own
 * content, as the CLI, the batch view and the widget do.
 */
function downloadedInput(parsed) {
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return null;
  if ('format' in parsed || 'programs' in parsed) return null;
  if (!parsed.engine || typeof parsed.engine !== 'object') return null;
  if (typeof parsed.input_text === 'string') return parsed.input_text;
  if (parsed.masterplan && typeof parsed.masterplan === 'object' && !Array.isArray(parsed.masterplan)) return JSON.stringify(parsed.masterplan);
  return null;
}

/** A bilingual page message from both locale files: `{ id, en }`; `vars` per language. */
async function bilingual(key, vars = () => ({})) {
  const [id, en] = await Promise.all([loadStrings('id'), loadStrings('en')]);
  return { id: translator(id)(key, vars('id')), en: translator(en)(key, vars('en')) };
}

/** The name a method object gives itself (for the question and the notes). */
function methodName(method) {
  const name = method?.name;
  const text = typeof name === 'string' ? name : name && typeof name === 'object' ? name.id ?? name.en : '';
  return String(text || (typeof method?.id === 'string' ? method.id : '') || '?');
}

/**
 * The method a downloaded assessment asks for: a preset id is taken; a custom method object only
 * when the person confirms it (shown as custom); anything else is left out (the input's own
 * method or the default preset decides). Returns { method, notes } or SUPERSEDED.
 */
async function downloadMethod(request, asked) {
  if (typeof asked === 'string') {
    const presets = state.methods.length ? state.methods : await methods();
    if (presets.some((m) => m.id === asked)) return { method: asked, notes: [] };
    const message = await bilingual('reopen.methodUnknown', () => ({ method: asked }));
    return { method: null, notes: [{ severity: 'warning', code: 'reopen_method_unknown', path: '/method/id', message }] };
  }
  if (!asked || typeof asked !== 'object' || Array.isArray(asked)) return { method: null, notes: [] };
  const name = methodName(asked);
  const yes = await ask({ title: t('reopen.customTitle'), text: t('reopen.customAsk', { name }), yes: t('reopen.customYes'), no: t('reopen.customNo') });
  if (request.superseded) return SUPERSEDED;
  const key = yes ? 'reopen.customUsed' : 'reopen.customDeclined';
  const message = await bilingual(key, () => ({ name }));
  return { method: yes ? asked : null, notes: [{ severity: 'warning', code: yes ? 'reopen_custom_method' : 'reopen_custom_declined', path: '/method/id', message }] };
}

/** The index (or its estimate) of an assessment, or null. */
const indexOf = (a) => a?.evaluation?.index ?? a?.evaluation?.index_estimate ?? null;

/** Notes when a downloaded assessment's stored hash or index differs from the recomputed one. */
async function reopenChecks(parsed, hash, assessment) {
  const notes = [];
  if (typeof parsed.input_sha256 === 'string' && parsed.input_sha256 !== hash) {
    const message = await bilingual('reopen.hashMismatch', () => ({ stored: parsed.input_sha256, actual: hash }));
    notes.push({ severity: 'warning', code: 'reopen_hash_mismatch', path: '/input_sha256', message });
  }
  const stored = indexOf(parsed);
  const actual = indexOf(assessment);
  if (stored !== actual) {
    const score = (locale, v) => (typeof v === 'number' ? formatters(locale).score(v) : '—');
    const message = await bilingual('reopen.indexMismatch', (locale) => ({ stored: score(locale, stored), actual: score(locale, actual) }));
    notes.push({ severity: 'warning', code: 'reopen_index_mismatch', path: '/evaluation/index', message });
  }
  return notes;
}

/**
 * Assesses `text` (a masterplan, or an assessment JSON this page downloaded earlier) as
 * `request` (from begin()). On failure the problems are shown and the results on screen
 * stay. Returns true when the result is on screen; false when it failed or was superseded.
 * `bytes`: the file's exact bytes (the input hash is theirs); `hash`: a hash already known
 * (a restored session); otherwise the hash is of the text's UTF-8 bytes.
 * `notes`: remarks to show with the result (e.g. a custom method not kept across a reload).
 */
async function assessInput(request, text, name, { method, restored = false, bytes, hash, notes: given = [] } = {}) {
  let input = text;
  let parsed = parseQuietly(text);
  let chosen = method === undefined ? null : method;
  let hashing = hash ? Promise.resolve(hash) : null;
  const notes = [...given];
  const downloaded = downloadedInput(parsed);
  if (downloaded !== null) {
    const answer = await downloadMethod(request, parsed.method?.id);
    if (answer === SUPERSEDED || request.superseded) return false;
    notes.push(...answer.notes);
    chosen = answer.method ?? (typeof chosen === 'string' ? chosen : null);
    input = downloaded;
  } else {
    hashing ??= sha256Hex(bytes ?? text);
  }
  hashing ??= sha256Hex(input);
  const stored = downloaded !== null ? parsed : null;
  if (downloaded !== null) parsed = parseQuietly(input);
  setBusy(true);
  say('status.assessing', { name });
  const started = performance.now();
  try {
    const options = chosen ? { method: chosen } : {};
    const [outcome, inputHash] = await Promise.all([request.assess(input, options), hashing]);
    if (outcome === SUPERSEDED) return false;
    state.vocabulary ??= await vocabReady;
    if (stored) notes.push(...(await reopenChecks(stored, inputHash, outcome.assessment)));
    if (request.superseded) return false;
    state.text = input;
    state.inputHash = inputHash;
    state.fileName = name;
    state.masterplan = parsed ?? null;
    // What the page writes for people carries the page's hash, never the engine's.
    state.assessment = withHash(outcome.assessment, inputHash);
    state.method = chosen;
    state.lastProblems = null;
    if (!restored) state.view = { agency: null, filters: { ...NO_FILTERS }, pages: {} };
    hideProblems();
    rerender();
    if (!restored) revealResults();
    document.body.dataset.where = outcome.where;
    const ms = Math.round(performance.now() - started);
    say(restored ? 'status.restored' : 'status.done', { name, ms, region: outcome.assessment.region?.name ?? '' }, 'ok');
    if (notes.length) showProblems(notes, name, 'reopen');
    if ($('paste').value === input) $('paste').dataset.clean = 'true';
    saveSession().catch(() => {
      say('status.notSaved', {}, 'warn');
    });
    return true;
  } catch (error) {
    if (request.superseded) return false;
    const problems = error?.problems?.length ? error.problems : [await engineProblem(error)];
    showProblems(problems, name);
    return false;
  } finally {
    setBusy(false);
  }
}

/** The engine failed without a problem list (a crash it recovered from, or worse). */
async function engineProblem(error) {
  const detail = String(error?.message ?? error);
  if (error?.recovered) {
    const message = await bilingual('problems.engineRestarted', () => ({ detail }));
    return { severity: 'error', code: 'engine_restarted', message };
  }
  return { severity: 'error', code: 'engine', message: { id: detail, en: detail } };
}

/**
 * Keeps the session on this device for a reload. A custom method is never kept: only its name,
 * so the reload says it was left out (the file is then assessed with its own or the default).
 */
function saveSession(extra = {}) {
  const custom = state.method && typeof state.method === 'object';
  return store.save({
    text: state.text,
    fileName: state.fileName,
    method: custom ? null : state.method,
    customMethod: custom ? methodName(state.method) : undefined,
    sha256: state.inputHash,
    savedAt: new Date().toISOString(),
    ...extra,
  });
}

// ---------- problems ----------
/**
 * The problems panel. `kind` 'error': the file could not be assessed (what is on screen
 * stays); 'read': a workbook was assessed, with the reader's notes; 'write': a downloaded
 * workbook could not carry everything.
 */
function showProblems(problems, name = state.lastProblemsName, kind = 'error') {
  state.lastProblems = problems;
  state.lastProblemsName = name;
  state.lastProblemsKind = kind;
  const box = $('problems');
  const errors = problems.filter((p) => p.severity === 'error').length;
  const notes = kind !== 'error';
  $('problems-h').textContent = t(notes ? `problems.${kind}Heading` : 'problems.heading');
  $('problems-lead').textContent = t(notes ? `problems.${kind}Lead` : 'problems.lead', { name: name ?? '', n: problems.length, errors });
  $('problems-list').replaceChildren(...renderProblems(ctx(), problems));
  $('problems-kept').hidden = notes || !state.assessment;
  box.classList.toggle('notes', notes);
  box.dataset.kind = kind;
  box.hidden = false;
  if (notes) return;
  document.body.dataset.state = 'error';
  say('status.failed', { name: name ?? '', n: problems.length }, 'error');
  box.focus({ preventScroll: false });
}

function hideProblems() {
  $('problems').hidden = true;
  $('problems-list').replaceChildren();
}

// ---------- rendering ----------
/** The read-only context every report section gets (see report/parts.js). */
function ctx() {
  return {
    a: state.assessment,
    mp: state.masterplan,
    t,
    locale: state.locale,
    f: formatters(state.locale),
    v: state.vocabulary,
    msg: (text) => pick(text, state.locale),
    methods: state.methods,
    fileName: state.fileName,
    view: state.view,
    on: {
      // While editing, the method becomes the plan's and the JSON is the plan's (editor/).
      method: (id) => (editor.isOpen ? editor.setMethod(id) : changeMethod(id)),
      download: (kind) => (kind === 'json' && editor.isOpen ? editor.save() : download(kind)),
      print: () => window.print(),
      agency: chooseAgency,
      filter: setFilter,
      page: (list, n) => {
        state.view = { ...state.view, pages: { ...state.view.pages, [list]: n } };
      },
    },
  };
}

function rerender() {
  const results = $('results');
  if (!state.assessment || !state.vocabulary) {
    editor.loadedChanged();
    results.replaceChildren();
    $('empty').hidden = false;
    if (!state.lastProblems) document.body.dataset.state = 'empty';
    return;
  }
  editor.loadedChanged();
  const focusedId = document.activeElement?.id;
  results.replaceChildren(renderReport(ctx()));
  $('empty').hidden = true;
  document.body.dataset.state = 'results';
  if (focusedId && focusedId !== 'results') document.getElementById(focusedId)?.focus({ preventScroll: true });
}

/** The person chose an agency (an index into assessment.agencies, or null). */
function chooseAgency(index, { scroll = false } = {}) {
  state.view = { ...state.view, agency: index };
  showAgency(ctx());
  if (scroll) $('agency-detail').scrollIntoView({ block: 'nearest' });
}

/** The person changed a filter of the program list. */
function setFilter(key, value) {
  state.view = { ...state.view, filters: { ...state.view.filters, [key]: value }, pages: { ...state.view.pages, programs: 0 } };
  fillPrograms(ctx());
}

async function changeMethod(id) {
  if (!state.text || !id) return; // '' is the custom method's own line in the dropdown
  const ok = await assessInput(begin(), state.text, state.fileName, { method: id, restored: true, hash: state.inputHash });
  if (ok) say('status.method', { method: id }, 'ok');
}

// ---------- samples ----------
let sampleList = [];
function renderSamples() {
  $('samples').replaceChildren(
    ...sampleList.map((sample) => {
      const li = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'sample';
      button.dataset.sample = sample.file;
      button.textContent = pick(sample.title, state.locale) || sample.file;
      button.addEventListener('click', () => openSample(sample.file));
      li.append(button);
      return li;
    }),
  );
}

async function openSample(file) {
  if (!(await editor.mayReplace())) return;
  const request = begin();
  setBusy(true);
  try {
    const response = await fetch(new URL(`./samples/${file}`, import.meta.url), { signal: request.signal });
    if (!response.ok) throw new Error(`${response.status}`);
    await assessInput(request, decode(await response.arrayBuffer()), file);
  } catch (error) {
    if (!request.superseded) showProblems([readFailed(error)], file);
  } finally {
    setBusy(false);
  }
}

// ---------- downloads ----------
async function download(kind) {
  const a = state.assessment;
  if (!a) {
    say('status.nothingToSave', {}, 'warn');
    return;
  }
  try {
    let saved;
    if (kind === 'xlsx') {
      saved = await saveWorkbook(state.masterplan);
      if (saved === 'partly') return;
    } else if (kind === 'results-xlsx') {
      // The results on screen as a workbook (the findings as an action plan).
      setBusy(true);
      const bytes = await writeAssessment(a, state.masterplan, state.locale).finally(() => setBusy(false));
      saved = await saveText(bytes, downloadName(a, 'xlsx', t('download.resultsSuffix')), XLSX_TYPE);
    } else if (kind === 'json') {
      saved = await saveAssessmentJson(a, state.masterplan, state.text, state.inputHash);
    } else {
      const locale = kind === 'csv-en' ? 'en' : 'id';
      // The CSV writer lives in the comparison module (loaded on first use), not the core one.
      setBusy(true);
      const csv = await exportCsv(a, { locale }).finally(() => setBusy(false));
      saved = await saveText(csv, downloadName(a, 'csv', locale), 'text/csv;charset=utf-8');
    }
    if (saved) say('status.saved', {}, 'ok');
  } catch (error) {
    setStatus(`${t('status.saveFailed')} ${error?.message ?? error}`, 'error');
  }
}

/**
 * A masterplan as a filled workbook; what it cannot carry is listed (then 'partly': the
 * status line already says so).
 */
async function saveWorkbook(masterplan) {
  setBusy(true);
  const { bytes, warnings } = await writeWorkbook(masterplan, state.locale).finally(() => setBusy(false));
  const name = downloadName({ region: masterplan?.region, year: masterplan?.evaluation?.year }, 'xlsx', 'masterplan');
  const saved = await saveText(bytes, name, XLSX_TYPE);
  if (saved && warnings.length) {
    showProblems(warnings, name, 'write');
    say('status.savedNotCarried', { n: warnings.length }, 'warn');
    return 'partly';
  }
  return saved;
}

/** The empty Excel template, dropdowns in the page's language. */
async function downloadTemplate() {
  setBusy(true);
  say('status.preparingWorkbook');
  try {
    const bytes = await templateWorkbook(state.locale);
    if (await saveText(bytes, t('template.fileName'), XLSX_TYPE)) say('status.saved', {}, 'ok');
    else setStatus('');
  } catch (error) {
    setStatus(`${t('status.saveFailed')} ${error?.message ?? error}`, 'error');
  } finally {
    setBusy(false);
  }
}

/**
 * The full assessment plus the input, so the file opens again and reproduces input_sha256
 * (`hash`: the input's, when known; else that of `text`, as for a plan being edited).
 */
async function saveAssessmentJson(assessment, masterplan, text, hash) {
  const full = { ...withHash(assessment, hash || (await sha256Hex(text))), masterplan, input_text: text };
  return saveText(`${JSON.stringify(full, null, 2)}\n`, downloadName(assessment, 'json'), 'application/json');
}

// ---------- editor (www/editor/): forms, live score, what-if, drafts ----------
const editor = createEditor({
  root: $('editor'),
  entry: $('editor-entry'),
  host: {
    begin,
    ui: () => ({ t, locale: state.locale, f: formatters(state.locale), v: state.vocabulary, msg: (text) => pick(text, state.locale), methods: state.methods }),
    loaded: () => (state.masterplan ? { masterplan: state.masterplan, fileName: state.fileName, method: state.method } : null),
    /** An assessment of the plan being edited: shown like any other, kept for a reload (persist). */
    adopt({ text, assessment, name, draftId, persist }) {
      // Hashed here and now (the editor reads the state right after): the plain-JavaScript
      // SHA-256, a few milliseconds for a plan of a few hundred kilobytes.
      const inputHash = Array.from(sha256Fallback(new TextEncoder().encode(text)), (b) => b.toString(16).padStart(2, '0')).join('');
      Object.assign(state, { text, inputHash, fileName: name, masterplan: JSON.parse(text), assessment: withHash(assessment, inputHash), method: null, lastProblems: null });
      hideProblems();
      rerender();
      document.body.dataset.where = 'main';
      if (persist) saveSession({ draftId }).catch(() => {});
    },
    saveJson: saveAssessmentJson,
    /** The plan as a workbook (a plan that came from one is saved as one): true, 'partly' or false. */
    saveWorkbook,
    /** The editor closed: a reload shows the last result again, not the editor. */
    detach() {
      if (state.text) saveSession().catch(() => {});
    },
  },
});

// ---------- events ----------
function wire() {
  $('file').addEventListener('change', (e) => {
    const file = e.target.files?.[0];
    openFile(file).finally(() => {
      e.target.value = '';
    });
  });

  $('dl-template').addEventListener('click', downloadTemplate);

  $('paste-go').addEventListener('click', async () => {
    const text = $('paste').value;
    if (!text.trim()) {
      say('status.pasteEmpty', {}, 'warn');
      $('paste').focus();
      return;
    }
    if (!(await editor.mayReplace())) return;
    assessPasted(text);
  });
  $('paste').addEventListener('input', () => {
    $('paste').dataset.clean = 'false';
  });

  // Pasting JSON (or rows of a program table) anywhere outside a text field assesses it at once.
  document.addEventListener('paste', async (e) => {
    const target = e.target;
    if (target instanceof HTMLElement && (target.closest('textarea, input, select') || target.isContentEditable)) return;
    const text = e.clipboardData?.getData('text/plain') ?? '';
    if (!text.trim()) return;
    e.preventDefault();
    if (!(await editor.mayReplace())) return;
    $('paste').value = text;
    assessPasted(text);
  });

  // Drop anywhere on the page.
  dropAnywhere($('drop-overlay'), {
    accepts: (dt) => Boolean(dt.files?.[0]),
    onDrop: (dt) => openFile(dt.files[0]),
  });

  $('lang').addEventListener('click', () => setLocale(state.locale === 'id' ? 'en' : 'id'));

  $('forget').addEventListener('click', async () => {
    // Asks first, naming what is kept here; then says what was removed (or that nothing was).
    const stored = [];
    if (await store.load().catch(() => undefined)) stored.push(t('forget.session'));
    if (Object.keys(loadLetter()).length) stored.push(t('forget.letter'));
    const what = stored.join(t('forget.and'));
    // With drafts the editor asks once ("remove the N drafts too?"); otherwise asked here.
    const drafts = (await store.listDrafts().catch(() => [])).length;
    if (!drafts && stored.length && !(await ask({ title: t('forget.askTitle'), text: t('forget.ask', { what }), yes: t('forget.yes'), no: t('forget.no'), danger: true }))) return;
    if (!(await editor.beforeForget())) return; // drafts go too, after asking
    if (drafts) stored.push(t('forget.drafts', { n: drafts }));
    begin(); // whatever is still being read or assessed must not come back
    await store.forget().catch(() => {});
    forgetLetter();
    Object.assign(state, { text: null, inputHash: '', fileName: '', masterplan: null, assessment: null, method: null, lastProblems: null, view: { agency: null, filters: { ...NO_FILTERS }, pages: {} } });
    $('paste').value = '';
    $('paste').dataset.clean = 'true';
    hideProblems();
    rerender();
    if (stored.length) say('forget.done', { what: stored.join(t('forget.and')) }, 'ok');
    else say('forget.nothing', {}, 'ok');
  });

  document.addEventListener('keydown', (e) => {
    if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 's') {
      e.preventDefault();
      // Saved in the form it came in: a workbook as a workbook, anything else as JSON.
      download(isWorkbookName(state.fileName) ? 'xlsx' : 'json');
    }
  });

  // Warn only when pasted text has not been assessed yet.
  window.addEventListener('beforeunload', (e) => {
    const paste = $('paste');
    if (paste.value.trim() && paste.dataset.clean !== 'true') {
      e.preventDefault();
      e.returnValue = '';
    }
  });

  // A printed report shows every "how was this computed" section.
  const opened = [];
  window.addEventListener('beforeprint', () => {
    for (const d of document.querySelectorAll('#results details:not([open])')) {
      d.open = true;
      opened.push(d);
    }
  });
  window.addEventListener('afterprint', () => {
    for (const d of opened.splice(0)) d.open = false;
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
  const samples = fetch(new URL('./samples/index.json', import.meta.url)).then((r) => r.json()).catch(() => []);
  vocabReady = vocabularies().then(vocabulary);
  vocabReady.catch(() => {}); // reported below
  await setLocale(locale);
  sampleList = await samples;
  renderSamples();
  try {
    state.methods = await methods();
    state.vocabulary = await vocabReady;
    $('engine-version').textContent = t('footer.engine', { version: await version() });
  } catch (error) {
    setStatus(`${t('status.engineFailed')} ${error?.message ?? error}`, 'error');
    return;
  }
  if (await openLinked({ open: openFile, fail: showProblems })) asked = true; // index.html#src=<url> (the widget's full-report link)
  const session = await store.load().catch(() => undefined);
  // The last session comes back unless the person already chose something meanwhile: the
  // draft being edited, or else the last file.
  const resumed = session?.draftId && !asked && (await editor.resume(session.draftId));
  if (!resumed && session?.text && !asked) {
    // A custom method is never restored silently (older sessions may still hold one): the file
    // comes back with its own or the default method, and a note says so.
    const custom = session.customMethod ?? (session.method && typeof session.method === 'object' ? methodName(session.method) : null);
    const notes = custom ? [{ severity: 'warning', code: 'reopen_custom_not_kept', path: '', message: await bilingual('reopen.customNotKept', () => ({ name: custom })) }] : [];
    const hash = typeof session.sha256 === 'string' && session.sha256 ? session.sha256 : undefined;
    await assessInput(begin(), session.text, session.fileName, { method: typeof session.method === 'string' ? session.method : null, restored: true, hash, notes });
  }
  editor.refreshEntry();
  document.body.dataset.ready = 'true';
}

start();
