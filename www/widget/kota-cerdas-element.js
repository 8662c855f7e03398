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

// How many findings the full view lists at first, and adds per "more".
const PAGE = 20;

/** One of the widget's own sentences, in both languages. */
function both(key, vars) {
  return { id: fill(STRINGS.id[key], vars), en: fill(STRINGS.en[key], vars) };
}

/**
 * A failure the card shows and `kota-cerdas:error` carries: a machine-readable `code`, what is
 * wrong and a hint for the site's administrator (both bilingual), and the problems (the
 * engine's list for a file that is not a masterplan, else one problem of the widget's own).
 */
function failure(code, vars = {}, problems = null) {
  const message = both(`err_${code}`, vars);
  return Object.assign(new Error(message.en), {
    failure: { code, message, hint: both(`hint_${code}`, vars), problems: problems ?? [{ severity: 'error', code, message }] },
  });
}

/**
 * The link target of `report-url`, or null when it is not acceptable: only http(s) URLs,
 * absolute or relative to the page. `javascript:`, `data:`, `vbscript:` … and protocol-relative
 * `//host` (also written `/\host`) are refused; so is anything the URL parser cannot read.
 */
export function safeReportUrl(value, base) {
  // What the URL parser ignores: leading C0 controls and spaces, tabs and newlines anywhere.
  const raw = String(value).replace(/^[\u0000-\u0020]+/, '').replace(/[\t\n\r]/g, '');
  if (/^[/\\]{2}/.test(raw)) return null;
  let url;
  try {
    url = new URL(raw, base);
  } catch {
    return null;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
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
  #refusedReportUrl = null;
  #findingsShown = PAGE;

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
          // The engine's problems: the text is not a masterplan. Anything else: the engine failed.
          if (error?.problems?.length) throw failure('not_masterplan', { url: this.#masterplan ? 'masterplan' : this.#srcText() }, error.problems);
          throw failure('engine', { detail: String(error?.message ?? error) });
        });
        if (outcome === SUPERSEDED) return;
        this.#vocabulary ??= vocabulary(await vocabularies());
        if (request.superseded) return;
        const { assessment } = outcome;
        if (this.#assessment !== assessment) this.#findingsShown = PAGE;
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
      this.#failure = error?.failure ?? failure('engine', { detail: String(error?.message ?? error) }).failure;
      this.#show(this.#errorCard());
      this.#emit('kota-cerdas:error', { ...this.#failure, src: this.#masterplan ? null : this.#srcOrNull() });
    }
  }

  /** `src` resolved against the page; throws the `bad_src` failure when it cannot be read. */
  #resolvedSrc() {
    if (!this.src) return null;
    try {
      return new URL(this.src, document.baseURI).href;
    } catch {
      throw failure('bad_src', { src: this.src });
    }
  }

  #srcOrNull() {
    try {
      return this.#resolvedSrc();
    } catch {
      return null;
    }
  }

  /** The address to name in a message: resolved when it can be, else as written. */
  #srcText() {
    return this.#srcOrNull() ?? this.src;
  }

  /** Where "see the full report" points: `report-url` when acceptable, else the tool's page. */
  #reportHref() {
    const own = this.reportUrl ? safeReportUrl(this.reportUrl, document.baseURI) : null;
    if (own) return own;
    const tool = new URL('../index.html', import.meta.url);
    // The tool opens the same masterplan (lib/deep-link.js). A fragment: no server sees it.
    const src = this.#masterplan ? null : this.#srcOrNull();
    if (src) tool.hash = `src=${encodeURIComponent(src)}`;
    return tool.href;
  }

  /** A refused `report-url`: a console warning and an event, once per value; the card stays. */
  #checkReportUrl() {
    const value = this.reportUrl;
    if (!value || safeReportUrl(value, document.baseURI) || this.#refusedReportUrl === value) return;
    this.#refusedReportUrl = value;
    const message = both('err_bad_report_url', { value: JSON.stringify(value.slice(0, 200)) });
    console.warn(`<kota-cerdas-widget>: ${message.en}`);
    this.#emit('kota-cerdas:error', { code: 'bad_report_url', message, hint: message, problems: [{ severity: 'warning', code: 'bad_report_url', message }], src: this.#masterplan ? null : this.#srcOrNull() });
  }

  /** The input text: the property's object as JSON, or the bytes of `src` (BOM kept). */
  async #load(signal) {
    if (this.#masterplan) {
      const text = JSON.stringify(this.#masterplan);
      return { key: `property:${text}`, text };
    }
    const url = this.#resolvedSrc();
    if (!url) throw failure('no_source');
    if (this.#textKey === url && this.#text !== null) return { key: url, text: this.#text };
    const { protocol, origin } = new URL(url);
    // Mixed content: the browser would block it with nothing but a console line.
    if (location.protocol === 'https:' && protocol === 'http:') throw failure('insecure', { url });
    let response;
    // A fetch the page's own CSP (connect-src) refuses is reported as an event, not an error.
    let refusedByCsp = false;
    const onViolation = (e) => {
      if (e.blockedURI && url.startsWith(e.blockedURI) && /^(connect-src|default-src)/.test(e.effectiveDirective ?? e.violatedDirective ?? '')) refusedByCsp = true;
    };
    document.addEventListener('securitypolicyviolation', onViolation);
    try {
      response = await fetch(url, { credentials: 'same-origin', signal });
    } catch (error) {
      if (signal?.aborted) throw error;
      await new Promise((resolve) => setTimeout(resolve, 0)); // the violation event is queued
      if (refusedByCsp) throw failure('csp', { url, origin });
      // The browser tells a script no more than "failed": CORS refused, or no answer at all.
      throw failure('network', { url, origin: origin === 'null' ? url : origin });
    } finally {
      document.removeEventListener('securitypolicyviolation', onViolation);
    }
    if (response.status === 404) throw failure('not_found', { url });
    if (!response.ok) throw failure('http', { url, status: response.status });
    return { key: url, text: decode(await response.arrayBuffer()) };
  }

  #emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { bubbles: true, composed: true, detail }));
  }

  #show(content) {
    this.#root.replaceChildren(h('div', { class: 'frame' }, content));
    this.#checkReportUrl();
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

  /** What is wrong and what the site's administrator can do, Indonesian first, then English. */
  #errorCard() {
    const locale = this.#locale();
    const { code, message, hint, problems } = this.#failure;
    const own = problems.length === 1 && problems[0].code === code;
    const both2 = (id, en, attrs = {}) => [h('p', { ...attrs, lang: 'id' }, id), h('p', { ...attrs, class: `${attrs.class ?? ''} en`.trim(), lang: 'en' }, en)];
    return h(
      'div',
      { class: 'card error', part: 'card error', role: 'alert', lang: 'id', 'data-code': code },
      h('h2', {}, STRINGS.id.errorTitle, h('span', { class: 'en', lang: 'en' }, ` · ${STRINGS.en.errorTitle}`)),
      both2(message.id, message.en, { class: 'what' }),
      // The engine's own list (a file that is not a masterplan), in the card's language.
      own
        ? null
        : h(
            'ul',
            { lang: locale },
            problems.slice(0, 8).map((p) => h('li', {}, this.#msg(p.message), p.line ? h('span', { class: 'muted' }, ` (${this.#t('lineCol', { line: p.line, column: p.column ?? '?' })})`) : null)),
            problems.length > 8 ? h('li', { class: 'muted' }, `… +${problems.length - 8}`) : null,
          ),
      h(
        'div',
        { class: 'hint', part: 'hint' },
        h('p', { lang: 'id' }, h('strong', {}, STRINGS.id.forAdmin), ' ', hint.id),
        h('p', { class: 'en', lang: 'en' }, h('strong', {}, STRINGS.en.forAdmin), ' ', hint.en),
      ),
      h('p', { class: 'muted code' }, this.#t('errorCode', { code })),
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
        h('a', { part: 'link', href: this.#reportHref() }, S.report, ' →'),
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
      a.findings.length ? this.#findingList(a.findings, f) : h('p', {}, S.findingsNone),
      h(
        'dl',
        { class: 'meta' },
        h('dt', {}, S.method),
        h('dd', {}, `${this.#msg(a.method?.name)} · ${a.method?.id} v${a.method?.version}`),
        h('dt', {}, S.engine),
        h('dd', {}, `${a.engine?.name} ${a.engine?.version}`),
        a.input_sha256 ? [h('dt', {}, S.hash), h('dd', {}, h('code', {}, a.input_sha256))] : null,
      ),
    );
    return [readiness, findings];
  }

  /**
   * The findings a page at a time (a file may have tens of thousands): the first PAGE, a count
   * and a "more" button that appends the next page and moves focus to its first item.
   */
  #findingList(findings, f) {
    const item = (x) => h('li', { tabindex: '-1' }, h('span', { class: `sev sev-${x.severity}` }, this.#label('severities', x.severity)), ': ', this.#msg(x.message));
    const shown = () => Math.min(this.#findingsShown, findings.length);
    const list = h('ol', { class: 'findings' }, findings.slice(0, shown()).map(item));
    if (findings.length <= PAGE) return list;
    const count = h('p', { class: 'muted shown', 'aria-live': 'polite' });
    const more = h('button', { type: 'button', class: 'more', part: 'more' });
    const label = () => {
      count.textContent = this.#t('shownOf', { shown: f.int(shown()), total: f.int(findings.length) });
      more.textContent = this.#t('more', { n: f.int(Math.min(PAGE, findings.length - shown())) });
      more.hidden = shown() >= findings.length;
    };
    more.addEventListener('click', () => {
      const from = shown();
      this.#findingsShown = from + PAGE;
      const added = findings.slice(from, shown()).map(item);
      list.append(...added);
      label();
      added[0]?.focus();
    });
    label();
    return [list, count, more];
  }
}
