// <kota-cerdas-widget>: the class only (defined in kota-cerdas-widget.js). A compact, accessible
// scorecard of one masterplan's assessment for a regency's own website.
//
// The engine computes every number and names every pillar, dimension and state
// (vocabularies()); this file only formats and lays them out. Values from the file are inserted
// as text (lib/dom.js), never as HTML. It fetches nothing but its own modules, the engine
// (../lib/, ../pkg/) and its `src`. Each element is its own line of requests (latest wins): a
// result for an earlier `src`, `masterplan` or `method` never replaces a newer one.

import { SUPERSEDED, createClient, vocabularies } from '../lib/engine-client.js';
import { h, svg } from '../lib/dom.js';
import { formatters } from '../lib/format.js';
import { decode } from '../lib/read.js';
import { fill, pick, pickLocale } from '../lib/strings.js';
import { vocabulary } from '../lib/vocabulary.js';
import { STRINGS } from './strings.js';
import { sheet } from './styles.js';

// What an attribute change makes stale; an update redoes everything from the first stale step.
const RENDER = 1;
const ASSESS = 2;
const LOAD = 4;

/** A decorative bar (the number is in the same table row): `value` of `max`, optional marker. */
function bar(value, max, { below = false, marker } = {}) {
  const width = typeof value === 'number' && Number.isFinite(value) ? Math.max(0, Math.min(100, (100 * value) / max)) : 0;
  return svg(
    'svg',
    { class: 'bar', viewBox: '0 0 100 10', preserveAspectRatio: 'none', 'aria-hidden': 'true', focusable: 'false' },
    svg('rect', { class: 'track', x: 0, y: 0, width: 100, height: 10 }),
    svg('rect', { class: `fill${below ? ' below' : ''}`, x: 0, y: 0, width, height: 10 }),
    typeof marker === 'number' ? svg('line', { class: 'target', x1: (100 * marker) / max, x2: (100 * marker) / max, y1: 0, y2: 10, 'vector-effect': 'non-scaling-stroke' }) : null,
  );
}

function problem(code, id, en) {
  return { severity: 'error', code, message: { id, en } };
}

/** A problem from one of the widget's own sentences, in both languages. */
function ownProblem(code, key, vars) {
  return problem(code, fill(STRINGS.id[key], vars), fill(STRINGS.en[key], vars));
}

export class KotaCerdasWidget extends HTMLElement {
  static get observedAttributes() {
    return ['src', 'lang', 'view', 'method', 'report-url'];
  }

  #root;
  #masterplan = null;
  #text = null;
  #textKey = null;
  #assessment = null;
  #failure = null;
  #dirty = LOAD;
  #scheduled = false;
  #client = createClient();
  #vocabulary = null;

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
    this.#root.adoptedStyleSheets = [sheet];
  }

  connectedCallback() {
    // A property set on the element before this class was defined shadows the accessor:
    // take the value over so the setter runs.
    for (const name of ['src', 'view', 'method', 'reportUrl', 'masterplan']) {
      if (Object.prototype.hasOwnProperty.call(this, name)) {
        const value = this[name];
        delete this[name];
        this[name] = value;
      }
    }
    this.#invalidate(this.#assessment || this.#failure ? RENDER : LOAD);
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue) return;
    this.#invalidate(name === 'src' ? LOAD : name === 'method' ? ASSESS : RENDER);
  }

  /** URL of the masterplan JSON (relative to the page). Ignored while `masterplan` is set. */
  get src() {
    return this.getAttribute('src') ?? '';
  }
  set src(value) {
    this.#reflect('src', value);
  }

  /** `summary` (default) or `full`. */
  get view() {
    return this.getAttribute('view') === 'full' ? 'full' : 'summary';
  }
  set view(value) {
    this.#reflect('view', value);
  }

  /** Method preset id (e.g. `kominfo-sleman`); empty = the file's own or the engine's default. */
  get method() {
    return this.getAttribute('method') ?? '';
  }
  set method(value) {
    this.#reflect('method', value);
  }

  /** Where "see the full report" points; by default the tool's page beside the widget. */
  get reportUrl() {
    return this.getAttribute('report-url') ?? '';
  }
  set reportUrl(value) {
    this.#reflect('report-url', value);
  }

  /** The masterplan as an object, for hosts that already hold it; wins over `src`. */
  get masterplan() {
    return this.#masterplan;
  }
  set masterplan(value) {
    this.#masterplan = value ?? null;
    this.#invalidate(LOAD);
  }

  /** The engine's assessment on display (read-only), or null. */
  get assessment() {
    return this.#assessment;
  }

  #reflect(name, value) {
    if (value === null || value === undefined || value === '') this.removeAttribute(name);
    else this.setAttribute(name, String(value));
  }

  #locale() {
    const own = this.getAttribute('lang');
    return pickLocale(own || this.parentElement?.closest('[lang]')?.getAttribute('lang') || 'id');
  }

  #invalidate(what) {
    this.#dirty |= what;
    if (this.#scheduled) return;
    this.#scheduled = true;
    // Several attributes set in one task cause one update.
    queueMicrotask(() => {
      this.#scheduled = false;
      if (this.isConnected) this.#update();
    });
  }

  async #update() {
    const request = this.#client.begin();
    // Re-assessing needs the text: after a failed load, a method change loads again.
    const dirty = this.#text === null && this.#dirty & ASSESS ? this.#dirty | LOAD : this.#dirty;
    try {
      if (dirty & LOAD) {
        if (!this.#text) this.#show(this.#loading());
        const loaded = await this.#load(request.signal);
        if (request.superseded) return;
        if (loaded.key !== this.#textKey) {
          this.#text = loaded.text;
          this.#textKey = loaded.key;
        }
      }
      if (dirty & (LOAD | ASSESS)) {
        const options = this.method ? { method: this.method } : {};
        const outcome = await request.assess(this.#text, options).catch((error) => {
          const detail = String(error?.message ?? error);
          throw Object.assign(new Error(detail), { problems: error?.problems?.length ? error.problems : [ownProblem('engine', 'errorEngine', { detail })] });
        });
        if (outcome === SUPERSEDED) return;
        this.#vocabulary ??= vocabulary(await vocabularies());
        if (request.superseded) return;
        const { assessment } = outcome;
        this.#assessment = assessment;
        this.#failure = null;
        this.#dirty &= ~dirty;
        this.#show(this.#card());
        this.#emit('kota-cerdas:assessed', { assessment, src: this.#masterplan ? null : this.#resolvedSrc(), method: assessment.method?.id ?? null });
        return;
      }
      this.#dirty &= ~dirty;
      this.#show(this.#failure ? this.#errorCard() : this.#assessment ? this.#card() : this.#loading());
    } catch (error) {
      if (request.superseded) return;
      this.#dirty &= ~dirty;
      this.#assessment = null;
      this.#failure = {
        message: String(error?.message ?? error),
        problems: error?.problems ?? [problem('unknown', String(error?.message ?? error), String(error?.message ?? error))],
      };
      this.#show(this.#errorCard());
      this.#emit('kota-cerdas:error', { message: this.#failure.message, problems: this.#failure.problems, src: this.#masterplan ? null : this.#resolvedSrc() });
    }
  }

  #resolvedSrc() {
    return this.src ? new URL(this.src, document.baseURI).href : null;
  }

  /** The input text: the property's object as JSON, or the bytes of `src` (BOM kept). */
  async #load(signal) {
    if (this.#masterplan) {
      const text = JSON.stringify(this.#masterplan);
      return { key: `property:${text}`, text };
    }
    const url = this.#resolvedSrc();
    if (!url) throw Object.assign(new Error('no src'), { problems: [ownProblem('no_source', 'errorNoSource')] });
    if (this.#textKey === url && this.#text !== null) return { key: url, text: this.#text };
    let response;
    try {
      response = await fetch(url, { credentials: 'same-origin', signal });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
    } catch (error) {
      const detail = `${error?.message ?? error} — ${url}`;
      throw Object.assign(new Error(detail), { problems: [ownProblem('fetch', 'errorFetch', { detail })] });
    }
    return { key: url, text: decode(await response.arrayBuffer()) };
  }

  #emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { bubbles: true, composed: true, detail }));
  }

  #show(content) {
    this.#root.replaceChildren(h('div', { class: 'frame' }, content));
  }

  #t(key, vars = {}) {
    return fill(STRINGS[this.#locale()][key] ?? key, vars);
  }

  #msg(text) {
    return pick(text, this.#locale());
  }

  /** The engine's label of `id` in the set `kind` (pillars, dimensions …). */
  #label(kind, id) {
    return this.#vocabulary.label(kind, id, this.#locale());
  }

  /** "4 tepat waktu · 1 terlambat …": counts per quick-win state, the engine's words and order. */
  #counts(kind, counts) {
    const f = formatters(this.#locale());
    return this.#vocabulary
      .list(kind)
      .filter(({ id }) => counts?.[id])
      .map(({ id }) => `${f.int(counts[id])} ${this.#label(kind, id).toLocaleLowerCase(this.#locale())}`)
      .join(' · ');
  }

  #loading() {
    return h('div', { class: 'card loading', part: 'card', 'aria-busy': 'true', lang: this.#locale() }, h('p', { role: 'status' }, this.#t('loading')));
  }

  #errorCard() {
    const locale = this.#locale();
    const { problems } = this.#failure;
    return h(
      'div',
      { class: 'card error', part: 'card error', role: 'alert', lang: locale },
      h('h2', {}, this.#t('errorTitle')),
      h(
        'ul',
        {},
        problems.slice(0, 8).map((p) =>
          h('li', {}, this.#msg(p.message), p.path ? h('span', { class: 'muted' }, ' · ', h('code', {}, p.path)) : null, p.line ? h('span', { class: 'muted' }, ` (${this.#t('lineCol', { line: p.line, column: p.column ?? '?' })})`) : null),
        ),
        problems.length > 8 ? h('li', { class: 'muted' }, `… +${problems.length - 8}`) : null,
      ),
    );
  }

  #card() {
    const a = this.#assessment;
    const locale = this.#locale();
    const S = STRINGS[locale];
    const f = formatters(locale);
    const full = this.view === 'full';
    const ev = a.evaluation;
    const estimate = ev.index === null || ev.index === undefined;
    const value = estimate ? ev.index_estimate : ev.index;
    const region = a.region ?? {};
    const titleId = 'kc-title';

    const index = h(
      'div',
      { class: `index${estimate ? ' estimate' : ''}`, part: 'index' },
      h('p', { class: 'index-label' }, estimate ? S.indexEstimate : S.index),
      h(
        'p',
        { class: 'index-value' },
        h('data', { value: value ?? '' }, f.score(value)),
        h('span', { class: 'of' }, ' / 4'),
        estimate ? h('span', { class: 'est' }, `(${S.estimateShort})`) : null,
      ),
      estimate
        ? h('p', { class: 'note' }, this.#t('estimateWhy', { dims: Object.entries(ev.dimensions).filter(([, d]) => d.score === null || d.score === undefined).map(([id]) => this.#label('dimensions', id)).join(', ') }))
        : ev.improvement === null || ev.improvement === undefined
          ? h('p', { class: 'note' }, S.noPrevious)
          : h(
              'p',
              { class: 'note improvement' },
              h('span', { 'aria-hidden': 'true' }, ev.improvement > 0 ? '▲ ' : ev.improvement < 0 ? '▼ ' : '■ '),
              this.#t('improvement', { value: f.signed(ev.improvement), year: ev.previous?.year ?? '' }),
            ),
      h('p', { class: 'note' }, S.scale),
    );

    const dimRows = Object.entries(ev.dimensions).map(([id, d]) =>
      h(
        'tr',
        { 'data-dimension': id },
        h('th', { scope: 'row' }, this.#label('dimensions', id)),
        h('td', { class: 'n' }, f.score(d.score)),
        full ? h('td', {}, this.#label('dimension_sources', d.source)) : null,
        full ? h('td', { class: 'n' }, f.num(d.weight)) : null,
        h('td', { class: 'barcell' }, bar(d.score, 4)),
      ),
    );
    const dims = h(
      'section',
      { part: 'section', 'aria-labelledby': 'kc-dims' },
      h('h3', { id: 'kc-dims' }, S.dimensions),
      h(
        'table',
        { class: 'dims' },
        h('caption', {}, S.dimensions),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, S.dimension), h('th', { scope: 'col', class: 'n' }, S.score), full ? [h('th', { scope: 'col' }, S.source), h('th', { scope: 'col', class: 'n' }, S.weight)] : null, h('td', {}))),
        h('tbody', {}, dimRows),
      ),
    );

    const impl = a.implementation;
    const target = impl.target_percent;
    const pillarRows = Object.entries(impl.pillars).map(([id, p]) => {
      // The engine's flag (decided on the rounded percent; null when nothing is planned).
      const below = p.below_target === true;
      return h(
        'tr',
        { 'data-pillar': id },
        h('th', { scope: 'row' }, this.#label('pillars', id)),
        h('td', { class: 'n' }, p.percent === null ? S.noPrograms : f.pct(p.percent), below ? h('span', { class: 'flag' }, h('span', { 'aria-hidden': 'true' }, '↓ '), this.#t('belowTarget', { target: f.pct(target) })) : null),
        h('td', { class: 'barcell' }, bar(p.percent, 100, { below, marker: target })),
      );
    });
    const pillars = h(
      'section',
      { part: 'section', 'aria-labelledby': 'kc-pillars' },
      h('h3', { id: 'kc-pillars' }, S.pillars),
      h(
        'table',
        { class: 'pillars' },
        h('caption', {}, S.pillars),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, S.pillar), h('th', { scope: 'col', class: 'n' }, S.rate), h('td', {}))),
        h('tbody', {}, pillarRows),
      ),
      h('p', { class: 'muted overall' }, this.#t('overall', { pct: f.pct(impl.overall.percent), impl: f.num(impl.overall.implemented), planned: f.num(impl.overall.planned) })),
    );

    const qw = a.quick_wins;
    const quickWins = h(
      'section',
      { part: 'section', 'aria-labelledby': 'kc-qw' },
      h('h3', { id: 'kc-qw' }, S.quickWins),
      h('p', { class: 'qw' }, qw.due ? h('strong', { class: 'qw-status' }, this.#t('qwStatus', { achieved: f.num(qw.achieved), due: f.num(qw.due), pct: f.pct(qw.percent) })) : S.qwNone),
      full && qw.total ? h('p', { class: 'muted qw-detail' }, this.#counts('quick_win_states', qw)) : null,
    );

    const extra = full ? this.#fullSections(a, S, f) : [];  // [readiness, findings + meta]

    return h(
      'article',
      { class: 'card', part: 'card', 'aria-labelledby': titleId, lang: locale, 'data-view': this.view },
      h(
        'header',
        { part: 'header' },
        h('p', { class: 'eyebrow' }, this.#t('eyebrow', { year: a.year ?? '' })),
        h('h2', { id: titleId }, region.name ?? ''),
        h('p', { class: 'region' }, [this.#label('region_kinds', region.kind), region.province].filter(Boolean).join(' · ')),
      ),
      h('div', { class: 'grid' }, index, dims),
      pillars,
      full ? [h('div', { class: 'grid halves' }, quickWins, extra[0]), extra[1]] : quickWins,
      h(
        'footer',
        {},
        h('p', { class: 'disclaimer', part: 'disclaimer' }, S.selfAssessment),
        h('a', { part: 'link', href: this.reportUrl ? new URL(this.reportUrl, document.baseURI).href : new URL('../index.html', import.meta.url).href }, S.report, ' →'),
      ),
    );
  }

  #fullSections(a, S, f) {
    const r = a.readiness;
    const readiness = r
      ? h('section', { part: 'section', 'aria-labelledby': 'kc-ready' }, h('h3', { id: 'kc-ready' }, S.readiness), h('p', {}, h('strong', {}, f.score(r.score)), ' · ', this.#msg({ id: r.category?.label, en: r.category?.label_en })))
      : null;
    const findings = h(
      'section',
      { part: 'section', 'aria-labelledby': 'kc-findings' },
      h('h3', { id: 'kc-findings' }, this.#t('findings', { n: f.int(a.findings.length) })),
      a.findings.length ? h('p', { class: 'muted finding-counts' }, this.#counts('severities', a.finding_counts)) : null,
      a.findings.length
        ? h('ol', { class: 'findings' }, a.findings.map((x) => h('li', {}, h('span', { class: `sev sev-${x.severity}` }, this.#label('severities', x.severity)), ': ', this.#msg(x.message))))
        : h('p', {}, S.findingsNone),
      h(
        'dl',
        { class: 'meta' },
        h('dt', {}, S.method),
        h('dd', {}, `${this.#msg(a.method?.name)} · ${a.method?.id} v${a.method?.version}`),
        h('dt', {}, S.engine),
        h('dd', {}, `${a.engine?.name} ${a.engine?.version}`),
        h('dt', {}, S.hash),
        h('dd', {}, h('code', {}, a.input_sha256)),
      ),
    );
    return [readiness, findings];
  }
}
