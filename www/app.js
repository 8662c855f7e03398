// Page glue: getting a file in (input, drop, paste, samples, restore), the page's state (what
// is on screen, the chosen agency and filters), events, and handing the engine's assessment to
// report/. No scoring happens here, and no list or label of the format is written here: those
// come from the engine (vocabularies(), the assessment).
//
// Latest wins: every way in starts a numbered request (begin()); when a newer one starts,
// the older one's result is neither shown nor stored, however late it arrives.

import { SUPERSEDED, createClient, exportCsv, methods, version, vocabularies } from './lib/engine-client.js';
import { formatters } from './lib/format.js';
import { decode } from './lib/read.js';
import { loadStrings, pick, translator } from './lib/strings.js';
import { vocabulary } from './lib/vocabulary.js';
import { XLSX_TYPE, isTable, readInput, readPastedPrograms, templateWorkbook, writeAssessment, writeWorkbook } from './lib/workbook-client.js';
import * as store from './store.js';
import { fileName as downloadName, saveText } from './download.js';
import { dropAnywhere } from './drop.js';
import { renderReport, revealResults } from './report/report.js';
import { forgetLetter, loadLetter } from './report/letter.js';
import { ask } from './editor/dialog.js';
import { showAgency } from './report/agencies.js';
import { fillPrograms } from './report/programs.js';
import { renderProblems } from './report/problems.js';
import { createEditor } from './editor/editor.js';

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
  fileName: '',
  masterplan: null, // parsed input, for the program list and the downloaded JSON
  assessment: null,
  method: null, // method chosen in the page; null = the file's own or the default
  view: { agency: null, filters: { ...NO_FILTERS } }, // what the person chose in the report
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
    const shown = await assessInput(request, input.text, file.name);
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
 * Assesses `text` (a masterplan, or an assessment JSON this page downloaded earlier) as
 * `request` (from begin()). On failure the problems are shown and the results on screen
 * stay. Returns true when the result is on screen; false when it failed or was superseded.
 */
async function assessInput(request, text, name, { method, restored = false } = {}) {
  let input = text;
  let parsed = parseQuietly(text);
  let chosen = method === undefined ? null : method;
  // A downloaded assessment carries the exact input text (or at least the masterplan object).
  if (parsed && typeof parsed === 'object' && parsed.input_sha256 && parsed.engine && (parsed.input_text || parsed.masterplan)) {
    input = typeof parsed.input_text === 'string' ? parsed.input_text : JSON.stringify(parsed.masterplan);
    chosen = parsed.method?.id ?? chosen;
    parsed = parseQuietly(input);
  }
  setBusy(true);
  say('status.assessing', { name });
  const started = performance.now();
  try {
    const options = chosen ? { method: chosen } : {};
    const outcome = await request.assess(input, options);
    if (outcome === SUPERSEDED) return false;
    state.vocabulary ??= await vocabReady;
    if (request.superseded) return false;
    state.text = input;
    state.fileName = name;
    state.masterplan = parsed ?? null;
    state.assessment = outcome.assessment;
    state.method = chosen;
    state.lastProblems = null;
    if (!restored) state.view = { agency: null, filters: { ...NO_FILTERS } };
    hideProblems();
    rerender();
    if (!restored) revealResults();
    document.body.dataset.where = outcome.where;
    const ms = Math.round(performance.now() - started);
    say(restored ? 'status.restored' : 'status.done', { name, ms, region: outcome.assessment.region?.name ?? '' }, 'ok');
    if ($('paste').value === input) $('paste').dataset.clean = 'true';
    store.save({ text: input, fileName: name, method: chosen, savedAt: new Date().toISOString() }).catch(() => {
      say('status.notSaved', {}, 'warn');
    });
    return true;
  } catch (error) {
    if (request.superseded) return false;
    const problems = error?.problems?.length
      ? error.problems
      : [{ severity: 'error', code: 'engine', message: { id: String(error?.message ?? error), en: String(error?.message ?? error) } }];
    showProblems(problems, name);
    return false;
  } finally {
    setBusy(false);
  }
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
  state.view = { ...state.view, filters: { ...state.view.filters, [key]: value } };
  fillPrograms(ctx());
}

async function changeMethod(id) {
  if (!state.text) return;
  const ok = await assessInput(begin(), state.text, state.fileName, { method: id, restored: true });
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
      // The masterplan on screen as a filled workbook; what it cannot carry is listed.
      setBusy(true);
      const { bytes, warnings } = await writeWorkbook(state.masterplan, state.locale).finally(() => setBusy(false));
      saved = await saveText(bytes, downloadName(a, 'xlsx', 'masterplan'), XLSX_TYPE);
      if (saved && warnings.length) {
        showProblems(warnings, downloadName(a, 'xlsx', 'masterplan'), 'write');
        say('status.savedNotCarried', { n: warnings.length }, 'warn');
        return;
      }
    } else if (kind === 'results-xlsx') {
      // The results on screen as a workbook (the findings as an action plan).
      setBusy(true);
      const bytes = await writeAssessment(a, state.masterplan, state.locale).finally(() => setBusy(false));
      saved = await saveText(bytes, downloadName(a, 'xlsx', t('download.resultsSuffix')), XLSX_TYPE);
    } else if (kind === 'json') {
      saved = await saveAssessmentJson(a, state.masterplan, state.text);
    } else {
      const locale = kind === 'csv-en' ? 'en' : 'id';
      const csv = await exportCsv(a, { locale });
      saved = await saveText(csv, downloadName(a, 'csv', locale), 'text/csv;charset=utf-8');
    }
    if (saved) say('status.saved', {}, 'ok');
  } catch (error) {
    setStatus(`${t('status.saveFailed')} ${error?.message ?? error}`, 'error');
  }
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

/** The full assessment plus the input, so the file opens again and reproduces input_sha256. */
function saveAssessmentJson(assessment, masterplan, text) {
  const full = { ...assessment, masterplan, input_text: text };
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
      Object.assign(state, { text, fileName: name, masterplan: JSON.parse(text), assessment, method: null, lastProblems: null });
      hideProblems();
      rerender();
      document.body.dataset.where = 'main';
      if (persist) store.save({ text, fileName: name, method: null, draftId, savedAt: new Date().toISOString() }).catch(() => {});
    },
    saveJson: saveAssessmentJson,
    /** The editor closed: a reload shows the last result again, not the editor. */
    detach() {
      if (state.text) store.save({ text: state.text, fileName: state.fileName, method: state.method, savedAt: new Date().toISOString() }).catch(() => {});
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
    Object.assign(state, { text: null, fileName: '', masterplan: null, assessment: null, method: null, lastProblems: null, view: { agency: null, filters: { ...NO_FILTERS } } });
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
      download('json');
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
  const session = await store.load().catch(() => undefined);
  // The last session comes back unless the person already chose something meanwhile: the
  // draft being edited, or else the last file.
  const resumed = session?.draftId && !asked && (await editor.resume(session.draftId));
  if (!resumed && session?.text && !asked) await assessInput(begin(), session.text, session.fileName, { method: session.method ?? null, restored: true });
  editor.refreshEntry();
  document.body.dataset.ready = 'true';
}

start();
