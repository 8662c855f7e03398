// The masterplan editor (issue 11): "Mulai baru" (a guided start: region and evaluation year
// first, then the sections) and "Ubah" (what is loaded: a file, a restored draft), every part
// of format v1 in forms, the programs as a table, a live score from the engine with what
// changed, problems beside their fields, what-if trials, drafts kept on the device, undo/redo.
//
// JS never computes a score here: an edit changes the masterplan object, the page's one engine
// client assesses it (latest wins: an edit made while the previous one is being assessed
// supersedes it), and the engine's answer is shown; the "what changed" figures are differences
// of two engine outputs.
//
// app.js creates one editor and calls it at a few points (see its "editor" block): before a file
// replaces what is on screen (mayReplace), before "Lupakan data" (beforeForget), on a language
// switch, after each render (refreshEntry), at start (resume). The editor reports each of its
// assessments back (host.adopt) so the report below shows it.

import { h } from '../lib/dom.js';
import { SUPERSEDED, validate } from '../lib/engine-client.js';
import { fileName as downloadName, saveText } from '../download.js';
import { isWorkbookName } from '../lib/workbook-client.js';
import * as store from '../store.js';
import { createDoc } from './doc.js';
import { ask } from './dialog.js';
import { fieldId } from './fields.js';
import { documentSection, impactSection, institutionsSection, nationalSection, readinessSection, regionFields, regionSection } from './form.js';
import { locate, sectionOf } from './labels.js';
import { changeSentence, changes, renderBar, renderPanel } from './live.js';
import { format, parse } from './pointer.js';
import { createProgramsView } from './programs.js';

const FORMAT = 'kota-cerdas/masterplan';
const FORMAT_VERSION = 1;
/** Typing pauses this long before the engine is asked; a pick is assessed at once. */
const TYPING_MS = 150;
const AUTOSAVE_MS = 400;

/**
 * @param {{ root: HTMLElement, entry: HTMLElement, host: {
 *   begin: () => object, ui: () => { t, locale, f, v, msg, methods },
 *   loaded: () => ({ masterplan: object, fileName: string, method: string|null } | null),
 *   adopt: (result: { text: string, assessment: object, name: string, draftId: string, persist: boolean }) => void,
 *   saveJson: (assessment: object, masterplan: object, text: string) => Promise<boolean>,
 *   saveWorkbook: (masterplan: object) => Promise<boolean|'partly'>,
 *   detach: () => void } }} options
 */
export function createEditor({ root, entry, host }) {
  const content = h('div', { class: 'ed-content' });
  const announcer = h('p', { class: 'sr-only', id: 'ed-announce', 'aria-live': 'polite' });
  root.replaceChildren(content, announcer);

  let plan = null; // the plan's document (doc.js)
  let trial = null; // the what-if copy, while trying
  let guide = null; // the first step of "Mulai baru"
  let meta = null; // { id, fileName, createdAt, savedAt, unsaved }
  let planResult = null; // the plan's latest assessment: { version, text, assessment }
  let quickWinHorizon; // the horizon that needs quick-win details, learnt from the engine (see ready)
  let saveFailed = false;
  const live = { assessment: null, reference: null, base: null, items: [], stale: false, busy: false, whatIf: false };
  const registry = new Map(); // pointer → { control, msg } of the fields on screen
  let openSections = new Set(['region', 'programs']);
  const programs = createProgramsView();

  const active = () => trial ?? plan ?? guide;
  const isOpen = () => Boolean(plan || guide);

  // ---------- the render context of every form ----------
  function makeUi() {
    const base = host.ui();
    const doc = active();
    return {
      ...base,
      doc,
      whatIf: Boolean(trial),
      quickWinHorizon,
      assessment: () => live.assessment,
      method: () => base.methods.find((m) => m.id === live.assessment?.method?.id) ?? base.methods[0],
      edit,
      say,
      redraw: draw,
      register: (pointer, control, msg) => registry.set(pointer, { control, msg }),
    };
  }

  function say(text) {
    announcer.textContent = '';
    requestAnimationFrame(() => {
      announcer.textContent = text;
    });
  }

  // ---------- editing ----------
  /**
   * Writes `pairs` ([segments, value]) as one change of the active document. A value removed
   * from an object that then holds nothing else removes that object too, up to the section
   * (an empty `budget` is not the same file as none).
   */
  function edit(pairs, { merge = null, redraw = false, focus } = {}) {
    const doc = active();
    if (!doc) return;
    const pruned = pairs.map(([at, value]) => (value === undefined ? [prune(doc, at), undefined] : [at, value]));
    if (!doc.change(pruned, { merge })) return;
    if (redraw) draw({ focus });
    else paintToolbar();
    if (doc !== guide) schedule(merge ? TYPING_MS : 0);
  }

  function prune(doc, at) {
    let path = at;
    while (path.length > 1) {
      const parent = doc.get(path.slice(0, -1));
      if (!parent || typeof parent !== 'object' || Array.isArray(parent)) break;
      const last = path[path.length - 1];
      if (Object.keys(parent).some((k) => k !== String(last) && parent[k] !== undefined)) break;
      path = path.slice(0, -1);
    }
    return path;
  }

  function undo() {
    history('undo', 'ed.undone', 'ed.nothingUndo');
  }

  function redo() {
    history('redo', 'ed.redone', 'ed.nothingRedo');
  }

  function history(which, done, nothing) {
    const doc = active();
    const step = doc?.[which]();
    const ui = makeUi();
    if (!step) {
      say(ui.t(nothing));
      return;
    }
    const pointer = format(step.ops[0].at);
    reveal(pointer);
    draw({ focus: pointer });
    if (doc !== guide) schedule(0);
    say(ui.t(done, { what: locate(ui, pointer, doc.masterplan) }));
  }

  // ---------- assessing ----------
  let timer = 0;
  let reportToken = 0;
  let lastProblems = ''; // the problems last announced
  let inflight = Promise.resolve();

  function schedule(ms) {
    clearTimeout(timer);
    live.busy = true;
    paintBar();
    timer = setTimeout(() => {
      timer = 0;
      inflight = assessNow();
    }, ms);
  }

  /** Runs a pending assessment now and waits for it (before saving). */
  async function flush() {
    if (timer) {
      clearTimeout(timer);
      timer = 0;
      inflight = assessNow();
    }
    await inflight;
  }

  async function assessNow() {
    const doc = trial ?? plan;
    if (!doc) return;
    const version = doc.version;
    const text = `${JSON.stringify(doc.masterplan, null, 2)}\n`;
    const request = host.begin();
    let outcome;
    try {
      outcome = await request.assess(text, {});
    } catch (error) {
      if (request.superseded || doc !== (trial ?? plan)) return;
      const message = String(error?.message ?? error);
      rejected(error?.problems?.length ? error.problems : [{ severity: 'error', code: 'engine', path: '', message: { id: message, en: message } }]);
      return;
    }
    if (outcome === SUPERSEDED || doc !== (trial ?? plan)) return;
    accepted(doc, version, text, outcome.assessment);
  }

  function accepted(doc, version, text, assessment) {
    const ui = makeUi();
    const before = live.assessment;
    const wasStale = live.stale;
    if (doc === plan) planResult = { version, text, assessment };
    live.assessment = assessment;
    live.reference = trial ? live.base : before;
    live.stale = false;
    live.busy = Boolean(timer);
    live.items = sortItems(ui, (assessment.findings ?? []).filter((x) => located(x.path)));
    paintLive();
    decorate();
    programs.refresh(ui, content);
    // The live score is painted first; the whole report under the editor follows a frame later
    // (it takes longer to draw), unless a newer answer came meanwhile.
    const token = ++reportToken;
    root.dataset.report = 'behind';
    requestAnimationFrame(() => setTimeout(() => {
      if (token !== reportToken) return;
      host.adopt({ text, assessment, name: meta?.fileName ?? '', draftId: meta?.id, persist: doc === plan });
      root.dataset.report = 'current';
    }, 0));
    const list = changes(ui, live.reference, assessment);
    lastProblems = '';
    if (wasStale) say(ui.t('ed.live.fixedAnnounce'));
    else if (list.length) say(changeSentence(ui, list));
  }

  function rejected(problems) {
    const ui = makeUi();
    live.stale = true;
    live.busy = Boolean(timer);
    live.items = sortItems(ui, problems);
    paintLive();
    decorate();
    const errors = live.items.filter((x) => x.severity === 'error');
    // Told once per set of problems, not again with every letter typed while they last.
    const key = errors.map((x) => `${x.code} ${x.path}`).join('|');
    if (errors.length && key !== lastProblems) say(ui.t('ed.live.problemsAnnounce', { n: errors.length, first: `${locate(ui, errors[0].path ?? '', ui.doc.masterplan)}: ${ui.msg(errors[0].message)}` }));
    lastProblems = key;
  }

  /** A finding about a field or an entry (not about a whole section or the whole file). */
  function located(pointer) {
    if (!pointer) return false;
    const segments = parse(pointer);
    return segments.length >= 2 || !sectionOf(segments);
  }

  /** Errors first, then the engine's order of severities; file order within each. */
  function sortItems(ui, items) {
    const order = new Map(ui.v.list('severities').map((s, i) => [s.id, i]));
    const rank = (x) => (x.severity === 'error' ? -1 : order.get(x.severity) ?? order.size);
    return items.map((x, i) => ({ x, i })).sort((p, q) => rank(p.x) - rank(q.x) || p.i - q.i).map(({ x }) => ({ ...x, path: x.path ?? '' }));
  }

  // ---------- problems beside their fields ----------
  /**
   * The field showing `pointer`: itself, the nearest field above it, or the first inside it.
   * `inside`: the pointers that hold a field on screen (see holders), to skip the search for
   * the many that hold none (programs on other pages).
   */
  function fieldFor(pointer, inside = holders()) {
    if (registry.has(pointer)) return registry.get(pointer);
    const segments = parse(pointer);
    for (let n = segments.length - 1; n >= 2; n--) {
      const up = registry.get(format(segments.slice(0, n)));
      if (up) return up;
    }
    if (segments.length < 2 || !inside.has(pointer)) return undefined; // a whole section: the list says so
    for (const [key, value] of registry) if (key.startsWith(`${pointer}/`)) return value;
    return undefined;
  }

  /** Every pointer above a field on screen. */
  function holders() {
    const out = new Set();
    for (const key of registry.keys()) {
      for (let i = key.lastIndexOf('/'); i > 0; i = key.lastIndexOf('/', i - 1)) {
        const up = key.slice(0, i);
        if (out.has(up)) break;
        out.add(up);
      }
    }
    return out;
  }

  function decorate() {
    const ui = makeUi();
    for (const { control, msg } of registry.values()) {
      if (msg.firstChild) msg.replaceChildren();
      control.removeAttribute('aria-invalid');
    }
    const inside = holders();
    for (const x of live.items) {
      const target = fieldFor(x.path, inside);
      if (!target) continue;
      target.msg.append(h('span', { class: `sev-${x.severity}` }, ui.msg(x.message)));
      if (x.severity === 'error') target.control.setAttribute('aria-invalid', 'true');
    }
  }

  /** Opens what holds `pointer` (its section, its program's page and detail row). */
  function reveal(pointer) {
    const segments = parse(pointer);
    const section = sectionOf(segments);
    if (section) openSections.add(section[0]);
    if (section?.[0] === 'programs' && typeof segments[1] === 'number') programs.reveal(makeUi(), segments[1], segments[2]);
  }

  function jump(pointer) {
    reveal(pointer);
    draw({ focus: pointer });
  }

  function focusTarget(target) {
    let el = null;
    if (target.startsWith('#')) el = content.querySelector(target) ?? document.querySelector(target);
    else el = fieldFor(target)?.control ?? content.querySelector(`[data-pointer="${CSS.escape(target)}"]`) ?? sectionElement(target);
    if (!el) return;
    el.focus({ preventScroll: true });
    el.scrollIntoView?.({ block: 'center' });
  }

  function sectionElement(pointer) {
    const section = sectionOf(parse(pointer));
    return section ? content.querySelector(`#ed-sec-${section[0]} > summary`) : null;
  }

  // ---------- drawing ----------
  const bar = h('div', { class: 'ed-bar', id: 'ed-bar', role: 'region', 'aria-label': '' });
  const panel = h('div', { class: 'ed-panel', id: 'ed-panel' });
  let toolbar = null;

  function draw({ focus } = {}) {
    if (!isOpen()) return;
    const activeEl = document.activeElement;
    const keep = focus ?? (content.contains(activeEl) && activeEl.id ? `#${activeEl.id}` : null);
    registry.clear();
    const ui = makeUi();
    root.hidden = false;
    root.setAttribute('aria-labelledby', 'editor-h');
    if (guide) {
      put(content, guideView(ui));
    } else {
      bar.setAttribute('aria-label', ui.t('ed.live.heading'));
      put(content, header(ui), trial ? whatIfBanner(ui) : null, bar, panel, sections(ui));
      paintLive();
    }
    decorate();
    if (keep) focusTarget(keep);
  }

  function paintBar() {
    // For tests and scripts: whether the score on screen is the engine's answer to what is typed.
    root.dataset.live = live.busy ? 'busy' : live.stale ? 'stale' : 'ok';
    if (!plan) return;
    const ui = makeUi();
    put(bar, renderBar(ui, live, { onProblems: () => focusTarget('#ed-problems') }));
  }

  function paintLive() {
    if (!plan) return;
    live.whatIf = Boolean(trial);
    paintBar();
    const ui = makeUi();
    const hadFocus = panel.contains(document.activeElement);
    put(panel, renderPanel(ui, live, {
      jump,
      tryProgram,
      filterPillar: (pillar) => {
        programs.view.filters = { pillar, agency: '', status: '' };
        programs.view.page = 0;
        openSections.add('programs');
        draw({ focus: '#ed-filter-pillar' });
      },
    }));
    if (hadFocus) panel.querySelector('h4')?.parentElement?.focus?.();
    paintToolbar();
  }

  function heading(ui) {
    return ui.t('ed.headingRegion', { region: regionName(ui, plan.masterplan), year: plan.masterplan.evaluation?.year ?? '' });
  }

  function header(ui) {
    toolbar = h('div', { class: 'ed-toolbar', role: 'group', 'aria-label': ui.t('ed.toolbar') },
      h('button', { type: 'button', class: 'secondary', id: 'ed-undo', 'aria-keyshortcuts': 'Control+Z Meta+Z', onclick: undo }, `↶ ${ui.t('ed.undo')}`),
      h('button', { type: 'button', class: 'secondary', id: 'ed-redo', 'aria-keyshortcuts': 'Control+Shift+Z Control+Y Meta+Shift+Z', onclick: redo }, `↷ ${ui.t('ed.redo')}`),
      // Ctrl+S saves in the form the plan came in (a workbook as a workbook); the other form is a click away.
      h('button', { type: 'button', id: 'ed-save', 'aria-keyshortcuts': 'Control+S Meta+S', onclick: () => save() }, `⬇ ${ui.t(fromWorkbook() ? 'ed.saveExcel' : 'ed.save')}`),
      h('button', { type: 'button', class: 'secondary', id: 'ed-save-other', onclick: () => save({ as: fromWorkbook() ? 'json' : 'xlsx' }) }, `⬇ ${ui.t(fromWorkbook() ? 'ed.save' : 'ed.saveExcel')}`),
      trial ? null : h('button', { type: 'button', class: 'secondary', id: 'ed-whatif', onclick: () => enterWhatIf({ focus: '#ed-whatif-h' }) }, ui.t('ed.w.start')),
      h('button', { type: 'button', class: 'secondary', id: 'ed-close', onclick: () => close() }, ui.t('ed.close')));
    return h('header', { class: 'ed-head' },
      h('h2', { id: 'editor-h', tabindex: '-1' }, heading(ui)),
      toolbar,
      h('p', { class: 'small ed-save-note', id: 'ed-save-note' }, saveNote(ui)),
      h('p', { class: 'small ed-keys' }, ui.t(fromWorkbook() ? 'ed.keysExcel' : 'ed.keys')));
  }

  function saveNote(ui) {
    const parts = [];
    if (saveFailed) parts.push(ui.t('ed.autosaveFailed'));
    else if (meta?.savedAt) parts.push(ui.t('ed.autosaved', { time: clock(ui.locale, meta.savedAt) }));
    parts.push(ui.t(meta?.unsaved ? 'ed.unsavedNote' : 'ed.savedNote'));
    return parts.join(' ');
  }

  /** What an edit changes around the form without drawing it again. */
  function paintToolbar() {
    if (!toolbar || !plan) return;
    const ui = makeUi();
    const doc = active();
    toolbar.querySelector('#ed-undo').disabled = !doc.canUndo;
    toolbar.querySelector('#ed-redo').disabled = !doc.canRedo;
    const note = content.querySelector('#ed-save-note');
    if (note) note.textContent = saveNote(ui);
    const title = content.querySelector('#editor-h');
    if (title) title.textContent = heading(ui);
    const tried = content.querySelector('#ed-whatif-count');
    if (tried) {
      const n = trialChanges().length;
      tried.textContent = ui.t('ed.w.count', { n });
      content.querySelector('#ed-whatif-keep').disabled = !n;
    }
  }

  function whatIfBanner(ui) {
    const n = trialChanges().length;
    return h('div', { class: 'callout warn ed-whatif', role: 'region', 'aria-labelledby': 'ed-whatif-h' },
      h('h3', { id: 'ed-whatif-h', tabindex: '-1' }, ui.t('ed.w.heading')),
      h('p', {}, ui.t('ed.w.banner')),
      h('p', { class: 'small', id: 'ed-whatif-count' }, ui.t('ed.w.count', { n })),
      h('div', { class: 'ed-toolbar' },
        h('button', { type: 'button', id: 'ed-whatif-keep', disabled: !n, onclick: keep }, ui.t('ed.w.keep')),
        h('button', { type: 'button', class: 'secondary', id: 'ed-whatif-revert', onclick: revert }, ui.t('ed.w.revert'))));
  }

  function sections(ui) {
    const count = Array.isArray(ui.doc.masterplan.programs) ? ui.doc.masterplan.programs.length : 0;
    const list = [
      ['region', ui.t('ed.sec.region'), () => regionSection(ui)],
      ['document', ui.t('ed.sec.document'), () => documentSection(ui)],
      ['institutions', ui.t('ed.sec.institutions'), () => institutionsSection(ui)],
      ['readiness', ui.t('ed.sec.readiness'), () => readinessSection(ui)],
      ['programs', `${ui.t('ed.sec.programs')} (${ui.f.int(count)})`, () => programs.render(ui)],
      ['impact-data', ui.t('ed.sec.impactData'), () => impactSection(ui)],
      ['national', ui.t('ed.sec.national'), () => nationalSection(ui)],
    ];
    return list.map(([key, label, body]) => {
      const open = openSections.has(key);
      const details = h('details', { class: 'ed-sec', id: `ed-sec-${key}`, open },
        h('summary', {}, h('h3', {}, label)),
        // A closed section is drawn when it opens: a long plan stays quick to edit.
        open ? h('div', { class: 'ed-sec-body' }, body()) : null);
      details.addEventListener('toggle', () => {
        if (details.open === openSections.has(key)) return;
        if (details.open) openSections.add(key);
        else openSections.delete(key);
        draw({ focus: `#ed-sec-${key} > summary` });
      });
      return details;
    });
  }

  // ---------- "Mulai baru": region and year first ----------
  function guideView(ui) {
    return h('div', { class: 'ed-guide' },
      h('h2', { id: 'editor-h', tabindex: '-1' }, ui.t('ed.guide.heading')),
      h('p', { class: 'lead' }, ui.t('ed.guide.lead')),
      h('form', { class: 'ed-guide-form', novalidate: true, onsubmit: (e) => { e.preventDefault(); finishGuide(); } },
        regionFields(ui),
        h('div', { class: 'ed-toolbar' },
          h('button', { type: 'submit', id: 'ed-guide-next' }, `${ui.t('ed.guide.next')} →`),
          h('button', { type: 'button', class: 'secondary', id: 'ed-guide-cancel', onclick: () => close() }, ui.t('ed.guide.cancel')))));
  }

  async function startNew() {
    const base = host.ui();
    if (!(await ready())) return;
    if (plan) await close({ quiet: true });
    guide = createDoc({
      format: FORMAT,
      format_version: FORMAT_VERSION,
      region: { name: '' },
      evaluation: { year: new Date().getFullYear(), ...(base.methods[0] ? { method: base.methods[0].id } : {}) },
      programs: [],
    });
    live.items = [];
    document.body.dataset.editing = 'true';
    draw({ focus: `#${fieldId('/region/name')}` });
    refreshEntry();
  }

  async function finishGuide() {
    const ui = makeUi();
    const problems = await validate(JSON.stringify(guide.masterplan));
    const errors = problems.filter((p) => p.severity === 'error');
    if (errors.length) {
      live.items = sortItems(ui, errors);
      decorate();
      // The first one in the form's order (the engine lists missing keys first).
      const order = [...registry.keys()];
      const place = (x) => {
        const i = order.indexOf(x.path);
        return i < 0 ? order.length : i;
      };
      const first = [...errors].sort((a, b) => place(a) - place(b))[0];
      say(`${ui.t('ed.guide.fix')} ${ui.msg(first.message)}`);
      focusTarget(first.path || `#${fieldId('/region/name')}`);
      return;
    }
    const now = new Date().toISOString();
    const masterplan = guide.masterplan;
    guide = null;
    openSections = new Set(['programs']);
    await openDraft({ id: newId(), masterplan, fileName: '', unsaved: true, createdAt: now }, { focus: '#ed-add-program' });
    await autosave();
  }

  // ---------- drafts ----------
  function newId() {
    return globalThis.crypto?.randomUUID?.() ?? `d${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`;
  }

  async function openDraft(draft, { focus = '#editor-h' } = {}) {
    if (!(await ready())) return false;
    clearTimeout(timer);
    timer = 0;
    trial = null;
    guide = null;
    meta = { id: draft.id, fileName: draft.fileName ?? '', createdAt: draft.createdAt, savedAt: draft.savedAt, unsaved: Boolean(draft.unsaved) };
    plan = createDoc(draft.masterplan, () => {
      meta.unsaved = true;
      scheduleAutosave();
    }, draft.history);
    planResult = null;
    Object.assign(live, { assessment: null, reference: null, base: null, items: [], stale: false });
    programs.view.page = 0;
    programs.view.filters = { pillar: '', agency: '', status: '' };
    document.body.dataset.editing = 'true';
    draw({ focus });
    schedule(0);
    refreshEntry();
    const ui = makeUi();
    say(ui.t('ed.opened', { region: regionName(ui, plan.masterplan) }));
    return true;
  }

  let saveTimer = 0;
  let lastListed = '';
  function scheduleAutosave() {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(autosave, AUTOSAVE_MS);
    root.dataset.draft = 'waiting';
  }

  async function autosave() {
    clearTimeout(saveTimer);
    saveTimer = 0;
    if (!plan || !meta) return;
    // The history goes in the same record as the masterplan: undo still works after a reload.
    const record = { ...meta, masterplan: plan.masterplan, history: plan.history, savedAt: new Date().toISOString() };
    try {
      await store.saveDraft(record); // the masterplan is copied now: later edits do not reach it
      if (meta) meta.savedAt = record.savedAt;
      saveFailed = false;
    } catch {
      saveFailed = true;
    }
    // For tests and scripts: whether the draft on the device has every change.
    if (!saveTimer) root.dataset.draft = saveFailed ? 'failed' : 'saved';
    // The list of drafts names each by region and year: tell it when those change.
    const listed = `${record.id} ${record.masterplan?.region?.name} ${record.masterplan?.evaluation?.year} ${record.unsaved}`;
    if (listed !== lastListed) {
      lastListed = listed;
      refreshEntry();
    }
    paintToolbar();
  }

  function regionName(ui, mp) {
    return typeof mp?.region?.name === 'string' && mp.region.name.trim() ? mp.region.name : ui.t('ed.untitled');
  }

  /** Whether the plan came from a workbook (then it is saved as one by default). */
  function fromWorkbook() {
    return isWorkbookName(meta?.fileName);
  }

  /**
   * Saves the plan. As JSON: the assessment with its input when the plan can be assessed, else
   * the masterplan alone. As a workbook: the masterplan in the template's sheets.
   */
  async function save({ as = fromWorkbook() ? 'xlsx' : 'json' } = {}) {
    if (!plan) return false;
    await flush();
    const ui = makeUi();
    let saved;
    try {
      if (as === 'xlsx') {
        const done = await host.saveWorkbook(plan.masterplan);
        saved = Boolean(done);
        if (done === true) say(ui.t('ed.savedWorkbook'));
      } else if (planResult && planResult.version === plan.version) {
        saved = await host.saveJson(planResult.assessment, JSON.parse(planResult.text), planResult.text);
        if (saved) say(ui.t('ed.savedFile'));
      } else {
        const mp = plan.masterplan;
        saved = await saveText(`${JSON.stringify(mp, null, 2)}\n`, downloadName({ region: mp.region, year: mp.evaluation?.year }, 'json', 'masterplan'), 'application/json');
        const n = live.items.filter((x) => x.severity === 'error').length;
        if (saved) say(ui.t('ed.savedMasterplanOnly', { n }));
      }
    } catch (error) {
      say(`${ui.t('status.saveFailed')} ${error?.message ?? error}`);
      return false;
    }
    if (saved) {
      meta.unsaved = false;
      await autosave();
      refreshEntry();
    }
    return saved;
  }

  async function close({ quiet = false } = {}) {
    if (!isOpen()) return;
    const ui = makeUi();
    clearTimeout(timer);
    timer = 0;
    reportToken++;
    if (saveTimer) await autosave();
    const hadPlan = Boolean(plan);
    plan = null;
    trial = null;
    guide = null;
    meta = null;
    planResult = null;
    registry.clear();
    content.replaceChildren();
    root.hidden = true;
    delete document.body.dataset.editing;
    if (hadPlan) host.detach();
    refreshEntry();
    if (!quiet) {
      say(ui.t('ed.closed'));
      entry.querySelector('#ed-new')?.focus();
    }
  }

  // ---------- what if ----------
  function enterWhatIf({ focus } = {}) {
    const ui = makeUi();
    if (trial) return true;
    if (!plan || !planResult || planResult.version !== plan.version || live.stale) {
      say(ui.t('ed.w.needsValid'));
      return false;
    }
    trial = createDoc(structuredClone(plan.masterplan));
    live.base = planResult.assessment;
    live.reference = live.base;
    draw({ focus });
    say(ui.t('ed.w.started'));
    return true;
  }

  /** The statuses and quick-win details the trial changed, as changes to the plan. */
  function trialChanges() {
    if (!trial) return [];
    const before = Array.isArray(plan.masterplan.programs) ? plan.masterplan.programs : [];
    const after = Array.isArray(trial.masterplan.programs) ? trial.masterplan.programs : [];
    const out = [];
    after.forEach((p, i) => {
      if (p?.status !== before[i]?.status) out.push([['programs', i, 'status'], p.status]);
      if (JSON.stringify(p?.quick_win) !== JSON.stringify(before[i]?.quick_win)) {
        out.push([parse(`/programs/${i}/quick_win`), p.quick_win === undefined ? undefined : structuredClone(p.quick_win)]);
      }
    });
    return out;
  }

  function keep() {
    const ui = makeUi();
    const pairs = trialChanges();
    trial = null;
    // What changed is now told against the plan as it was before the trial.
    live.assessment = live.base;
    live.base = null;
    if (pairs.length) plan.change(pairs);
    draw({ focus: '#ed-whatif' });
    schedule(0);
    say(ui.t('ed.w.kept'));
  }

  function revert() {
    const ui = makeUi();
    trial = null;
    live.base = null;
    draw({ focus: '#ed-whatif' });
    schedule(0);
    say(ui.t('ed.w.reverted'));
  }

  /** A candidate of a "N more running programs" hint, tried in what-if mode. */
  function tryProgram(i, status) {
    if (!status || !enterWhatIf()) return;
    const pointer = `/programs/${i}/status`;
    reveal(pointer);
    edit([[['programs', i, 'status'], status]], { redraw: true, focus: pointer });
  }

  // ---------- the entry: start, edit what is loaded, the drafts ----------
  let entryVersion = 0;
  let hadLoaded = null;
  async function refreshEntry() {
    const ui = host.ui();
    if (!ui.v) return;
    const mine = ++entryVersion;
    const loaded = host.loaded();
    const drafts = await store.listDrafts().catch(() => []);
    if (mine !== entryVersion) return;
    const collator = new Intl.Collator('id');
    drafts.sort((a, b) => collator.compare(regionName(ui, a.masterplan), regionName(ui, b.masterplan)) || (Number(b.masterplan?.evaluation?.year) || 0) - (Number(a.masterplan?.evaluation?.year) || 0));
    const list = drafts.map((d) => {
      const region = regionName(ui, d.masterplan);
      const year = d.masterplan?.evaluation?.year ?? '';
      const current = meta?.id === d.id;
      return h('li', { class: 'ed-draft', 'data-draft': d.id },
        h('span', { class: 'ed-draft-name' }, h('strong', {}, region), ` · ${year}`),
        h('span', { class: 'small' }, [d.savedAt ? ui.t('ed.drafts.saved', { when: `${day(ui.locale, d.savedAt)} ${clock(ui.locale, d.savedAt)}` }) : null, d.unsaved ? ui.t('ed.drafts.unsaved') : null, current ? ui.t('ed.drafts.current') : null].filter(Boolean).join(' · ')),
        h('span', { class: 'ed-draft-buttons' },
          current ? null : h('button', { type: 'button', class: 'secondary small-btn', onclick: () => continueDraft(d.id) }, ui.t('ed.drafts.open'), h('span', { class: 'sr-only' }, ` ${region} ${year}`)),
          h('button', { type: 'button', class: 'secondary small-btn', onclick: () => removeDraft(d) }, ui.t('ed.drafts.delete'), h('span', { class: 'sr-only' }, ` ${region} ${year}`))));
    });
    put(entry,
      h('h2', { class: 'small-h', id: 'ed-entry-h' }, ui.t('ed.entry.heading')),
      h('p', { class: 'small' }, ui.t('ed.entry.lead')),
      h('div', { class: 'ed-toolbar' },
        h('button', { type: 'button', id: 'ed-new', onclick: () => startNew() }, ui.t('ed.entry.new')),
        loaded?.masterplan && !isOpen() ? h('button', { type: 'button', class: 'secondary', id: 'ed-edit', onclick: () => editLoaded() }, ui.t('ed.entry.edit')) : null),
      drafts.length ? [h('h3', { class: 'small-h', id: 'ed-drafts-h' }, ui.t('ed.drafts.heading')), h('ul', { class: 'plain ed-drafts', 'aria-labelledby': 'ed-drafts-h' }, list)] : null);
  }

  async function continueDraft(id) {
    const draft = await store.loadDraft(id).catch(() => undefined);
    if (!draft) return refreshEntry();
    if (plan && meta) await autosave();
    openSections = new Set(['region', 'programs']);
    await openDraft(draft);
  }

  async function removeDraft(d) {
    const ui = host.ui();
    const region = regionName(ui, d.masterplan);
    const year = d.masterplan?.evaluation?.year ?? '';
    const yes = await ask({ title: ui.t('ed.ask.title'), text: ui.t('ed.drafts.deleteAsk', { region, year }), yes: ui.t('ed.ask.deleteYes'), no: ui.t('ed.ask.cancel'), danger: true });
    if (!yes) return;
    if (meta?.id === d.id) await close({ quiet: true });
    await store.deleteDraft(d.id).catch(() => {});
    await refreshEntry();
    say(ui.t('ed.drafts.deleted', { region, year }));
    entry.querySelector('#ed-new')?.focus();
  }

  async function editLoaded() {
    const loaded = host.loaded();
    if (!loaded?.masterplan || typeof loaded.masterplan !== 'object') return;
    const masterplan = structuredClone(loaded.masterplan);
    let unsaved = false;
    // The method chosen on the page becomes the plan's own, as on screen.
    if (loaded.method && masterplan.evaluation && typeof masterplan.evaluation === 'object' && masterplan.evaluation.method !== loaded.method) {
      masterplan.evaluation.method = loaded.method;
      unsaved = true;
    }
    openSections = new Set(['region', 'programs']);
    if (await openDraft({ id: newId(), masterplan, fileName: loaded.fileName ?? '', unsaved, createdAt: new Date().toISOString() })) await autosave();
  }

  /**
   * Which horizon needs quick-win details: the engine's rule (spec §1), learnt once by asking
   * it to check one program of each horizon without them.
   */
  async function ready() {
    if (quickWinHorizon !== undefined) return true;
    const { v } = host.ui();
    if (!v) return false;
    const horizons = v.list('horizons');
    const probe = {
      format: FORMAT,
      format_version: FORMAT_VERSION,
      region: { name: 'x', kind: v.list('region_kinds')[0]?.id },
      evaluation: { year: 2000 },
      programs: horizons.map((x, i) => ({ id: `p${i}`, name: 'x', pillar: v.list('pillars')[0]?.id, horizon: x.id, start_year: 2000, status: v.list('program_statuses')[0]?.id })),
    };
    const problems = await validate(JSON.stringify(probe)).catch(() => []);
    const i = horizons.findIndex((_, k) => problems.some((p) => p.severity === 'error' && p.path === `/programs/${k}/quick_win`));
    quickWinHorizon = horizons[i]?.id ?? null;
    return true;
  }

  // ---------- keys and leaving ----------
  // In the capture phase, before the page's own Ctrl+S (which saves what is on screen): while
  // editing, Ctrl+S saves the plan. Ctrl+Z in a field of the editor undoes the plan's last
  // change (a field's own undo would not reach the masterplan).
  window.addEventListener('keydown', (e) => {
    if (!isOpen() || document.querySelector('dialog[open]')) return;
    if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
    const key = e.key.toLowerCase();
    const target = e.target instanceof Element ? e.target : null;
    const outsideField = target?.closest('textarea, input, select, [contenteditable]') && !root.contains(target);
    if (key === 's' && plan) {
      e.preventDefault();
      e.stopImmediatePropagation();
      save();
    } else if ((key === 'z' || key === 'y') && !outsideField) {
      e.preventDefault();
      e.stopImmediatePropagation();
      if (key === 'y' || e.shiftKey) redo();
      else undo();
    }
  }, true);

  window.addEventListener('beforeunload', (e) => {
    if (plan && (meta?.unsaved || saveTimer)) {
      e.preventDefault();
      e.returnValue = '';
    }
  });
  // A closing tab still gets the last keystrokes into the draft.
  window.addEventListener('pagehide', () => {
    if (saveTimer) autosave();
  });

  // ---------- what app.js calls ----------
  return {
    get isOpen() {
      return isOpen();
    },
    /** Before another file replaces what is on screen: asks when the draft has unsaved changes. */
    async mayReplace() {
      if (!isOpen()) return true;
      if (plan && meta?.unsaved) {
        const ui = makeUi();
        const yes = await ask({
          title: ui.t('ed.ask.title'),
          text: ui.t('ed.ask.openOver', { region: regionName(ui, plan.masterplan), year: plan.masterplan.evaluation?.year ?? '' }),
          yes: ui.t('ed.ask.openOverYes'),
          no: ui.t('ed.ask.cancel'),
        });
        if (!yes) return false;
      }
      await close({ quiet: true });
      return true;
    },
    /** Before "Lupakan data": asks when drafts exist, then removes them. False: keep everything. */
    async beforeForget() {
      const drafts = await store.listDrafts().catch(() => []);
      if (drafts.length) {
        const ui = host.ui();
        const yes = await ask({ title: ui.t('ed.ask.title'), text: ui.t('ed.ask.forget', { n: drafts.length }), yes: ui.t('ed.ask.forgetYes'), no: ui.t('ed.ask.cancel'), danger: true });
        if (!yes) return false;
      }
      await close({ quiet: true });
      await store.forgetDrafts().catch(() => {});
      await refreshEntry();
      return true;
    },
    /** The page's language changed. */
    setLocale() {
      draw();
      refreshEntry();
    },
    refreshEntry,
    /** What is on screen changed: "Ubah" appears once there is a masterplan to edit. */
    loadedChanged() {
      const now = Boolean(host.loaded()?.masterplan);
      if (now === hadLoaded) return;
      hadLoaded = now;
      refreshEntry();
    },
    /** Opens draft `id` again (a reload while editing); false when it is gone. */
    async resume(id) {
      const draft = await store.loadDraft(id).catch(() => undefined);
      return draft ? openDraft(draft) : false;
    },
    /** The method chosen in the report becomes the plan's (evaluation.method). */
    setMethod(id) {
      if (!plan) return;
      if (trial) revert();
      edit([[['evaluation', 'method'], id]], { redraw: true, focus: '#method-select' });
    },
    save,
  };
}

const tag = (locale) => (locale === 'en' ? 'en-GB' : 'id-ID');
/** "1 Desember 2026" (the long form of official documents). */
const day = (locale, iso) => new Intl.DateTimeFormat(tag(locale), { dateStyle: 'long' }).format(new Date(iso));
/** "10.32". */
const clock = (locale, iso) => new Intl.DateTimeFormat(tag(locale), { hour: '2-digit', minute: '2-digit' }).format(new Date(iso));

/** Replaces `el`'s children with `children` (nested lists flattened; null, undefined and false left out). */
function put(el, ...children) {
  el.replaceChildren(...children.flat(Infinity).filter((c) => c !== null && c !== undefined && c !== false));
}
