// Assessment → DOM. Formatting and layout only: every number, rate, gap, category, formula and
// finding comes from the engine. Values from the file are inserted as text, never as HTML.

const SVG_NS = 'http://www.w3.org/2000/svg';
const PILLARS = ['governance', 'branding', 'economy', 'living', 'society', 'environment'];
const SEVERITY_ORDER = { critical: 0, error: 0, warning: 1, info: 2 };
const SEVERITY_ICON = { critical: '✕', error: '✕', warning: '⚠', info: 'ℹ' };
const QW_ICON = { on_time: '✓', late: '↷', sustained: '↻', stopped: '✕', pending: '…', not_due: '○' };
const SOURCE_ICON = { computed: '∑', provided: '✎', missing: '?' };

/** Builds an HTML element; string/number children become text nodes. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

function setAttrs(el, attrs) {
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') el.setAttribute('class', value);
    else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'text') el.textContent = value;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Rows shown at first in long lists; more appear on request, so a 5 000-program file
 * does not make the browser lay out tens of thousands of elements at once. */
export const PAGE_SIZE = 200;

/** Fills `container` with the first PAGE_SIZE items and returns a "show more" button (or
 * null when everything fits). */
function paged(ctx, container, items, render) {
  const { t } = ctx;
  let shown = 0;
  const more = h('button', { type: 'button', class: 'more no-print' });
  const step = () => {
    const next = items.slice(shown, shown + PAGE_SIZE);
    container.append(...next.map(render));
    shown += next.length;
    const left = items.length - shown;
    more.hidden = left <= 0;
    more.textContent = t('list.more', { n: Math.min(left, PAGE_SIZE), shown, total: items.length });
  };
  more.addEventListener('click', step);
  container.replaceChildren();
  step();
  return items.length > PAGE_SIZE ? more : null;
}

/** Number formatting for the current locale (Indonesian: 3,37; 85,71 %). */
export function formatters(locale) {
  const tag = locale === 'en' ? 'en-GB' : 'id-ID';
  const cache = new Map();
  const nf = (options) => {
    const key = JSON.stringify(options);
    if (!cache.has(key)) cache.set(key, new Intl.NumberFormat(tag, options));
    return cache.get(key);
  };
  const ok = (v) => typeof v === 'number' && Number.isFinite(v);
  return {
    num: (v, max = 2) => (ok(v) ? nf({ maximumFractionDigits: max }).format(v) : '—'),
    score: (v) => (ok(v) ? nf({ minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(v) : '—'),
    pct: (v) => (ok(v) ? `${nf({ maximumFractionDigits: 2 }).format(v)} %` : '—'),
    signed: (v) =>
      ok(v) ? nf({ minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: 'exceptZero' }).format(v) : '—',
    // National index values are shown exactly as the file gives them (SPBE 2,596, not 2,60).
    asGiven: (v) => (ok(v) ? nf({ maximumFractionDigits: 10 }).format(v) : String(v ?? '—')),
    int: (v) => (ok(v) ? nf({ maximumFractionDigits: 0 }).format(v) : '—'),
  };
}

function section(id, title, ...children) {
  return h('section', { id, class: 'card', 'aria-labelledby': `${id}-h` }, h('h2', { id: `${id}-h` }, title), children);
}

function table(caption, head, rows, { cls = '', foot } = {}) {
  return h(
    'div',
    { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': caption },
    h(
      'table',
      { class: `${cls} ${head.length > 4 ? 'wide' : ''}`.trim() },
      h('caption', {}, caption),
      h('thead', {}, h('tr', {}, head.map((c, i) => h('th', { scope: 'col', class: i ? 'n' : '' }, c)))),
      h('tbody', {}, rows),
      foot ? h('tfoot', {}, foot) : null,
    ),
  );
}

function row(first, ...cells) {
  return h('tr', {}, h('th', { scope: 'row' }, first), cells.map((c) => h('td', { class: 'n' }, c)));
}

function badge(kind, icon, text) {
  return h('span', { class: `badge ${kind}` }, h('span', { 'aria-hidden': 'true' }, icon), ' ', text);
}

/**
 * Renders the whole report.
 * @param {object} ctx {a, mp, t, locale, methods, fileName, state, on: {method, download, print, agency}}
 */
export function renderReport(ctx) {
  const frag = document.createDocumentFragment();
  frag.append(
    renderSummary(ctx),
    renderMethod(ctx),
    renderDimensions(ctx),
    renderPillars(ctx),
    renderFindings(ctx),
    renderAgencies(ctx),
    renderQuickWins(ctx),
    renderPrograms(ctx),
    renderReadiness(ctx),
    renderNational(ctx),
    renderPrintFooter(ctx),
  );
  return frag;
}

function msg(ctx, text) {
  if (!text) return '';
  if (typeof text === 'string') return text;
  return (ctx.locale === 'en' ? text.en : text.id) ?? text.id ?? text.en ?? '';
}

function pillarName(ctx, id) {
  return ctx.t(`pillar.${id}`);
}

function renderSummary(ctx) {
  const { a, t } = ctx;
  const f = formatters(ctx.locale);
  const ev = a.evaluation;
  const estimate = ev.index === null || ev.index === undefined;
  const value = estimate ? ev.index_estimate : ev.index;
  const missing = Object.entries(ev.dimensions)
    .filter(([, d]) => d.source === 'missing')
    .map(([id]) => t(`dim.${id}`));

  const big = h(
    'div',
    { class: `index ${estimate ? 'estimate' : ''}` },
    h('p', { class: 'index-label' }, estimate ? t('summary.indexEstimate') : t('summary.index')),
    h('p', { class: 'index-value', id: 'index-value' }, f.score(value), estimate ? h('span', { class: 'est-mark' }, ` (${t('summary.estimateShort')})`) : null),
    h('p', { class: 'index-scale' }, t('summary.scale')),
    ev.improvement === null || ev.improvement === undefined
      ? h('p', { class: 'improvement none' }, t('summary.noPrevious'))
      : h(
          'p',
          { class: `improvement ${ev.improvement > 0 ? 'up' : ev.improvement < 0 ? 'down' : ''}`, id: 'improvement' },
          h('span', { 'aria-hidden': 'true' }, ev.improvement > 0 ? '▲ ' : ev.improvement < 0 ? '▼ ' : '■ '),
          t('summary.improvement', { value: f.signed(ev.improvement), year: ev.previous?.year ?? '', prev: f.score(ev.previous?.index) }),
        ),
  );
  const notes = [h('p', { class: 'disclaimer' }, h('strong', {}, t('summary.selfAssessment')), ' ', t('summary.notOfficial'))];
  if (estimate) notes.push(h('p', { class: 'estimate-why', id: 'estimate-why' }, t('summary.estimateWhy', { dims: missing.join(', ') })));

  const qw = a.quick_wins;
  const stats = h(
    'dl',
    { class: 'stats' },
    stat(t('summary.overall'), f.pct(a.implementation.overall.percent), t('summary.overallDetail', { impl: f.num(a.implementation.overall.implemented), planned: f.int(a.implementation.overall.planned) }), 'stat-overall'),
    stat(t('summary.quickWins'), f.pct(qw.percent), t('summary.qwDetail', { achieved: f.int(qw.achieved), due: f.int(qw.due) }), 'stat-qw'),
    stat(t('summary.readiness'), a.readiness ? f.score(a.readiness.score) : '—', a.readiness ? msgLabel(ctx, a.readiness.category) : t('readiness.none')),
    stat(t('summary.findings'), f.int(a.findings.length), t('summary.findingsDetail', countSeverity(a.findings))),
  );

  const meta = h(
    'dl',
    { class: 'meta' },
    metaItem(t('meta.file'), ctx.fileName || '—', 'meta-file'),
    metaItem(t('meta.method'), `${msg(ctx, a.method.name)} · ${a.method.id} v${a.method.version}`),
    metaItem(t('meta.engine'), `${a.engine.name} ${a.engine.version}`),
    metaItem(t('meta.hash'), h('code', { id: 'input-hash', class: 'hash' }, a.input_sha256)),
  );

  const downloads = h(
    'div',
    { class: 'downloads no-print', role: 'group', 'aria-label': t('download.group') },
    h('button', { type: 'button', id: 'dl-json', onclick: () => ctx.on.download('json') }, '⬇ ', t('download.json')),
    h('button', { type: 'button', id: 'dl-csv-id', onclick: () => ctx.on.download('csv-id') }, '⬇ ', t('download.csvId')),
    h('button', { type: 'button', id: 'dl-csv-en', onclick: () => ctx.on.download('csv-en') }, '⬇ ', t('download.csvEn')),
    h('button', { type: 'button', id: 'print', onclick: () => ctx.on.print() }, t('download.print')),
  );

  const region = a.region ?? {};
  return h(
    'section',
    { id: 'summary', class: 'card summary', 'aria-labelledby': 'summary-h' },
    h('p', { class: 'eyebrow' }, t('summary.eyebrow', { year: a.year })),
    h('h2', { id: 'summary-h' }, region.name ?? ''),
    h('p', { class: 'region-meta' }, [t(`kind.${region.kind}`), region.province, region.code].filter(Boolean).join(' · ')),
    h('div', { class: 'summary-grid' }, big, h('div', {}, notes, stats)),
    downloads,
    h('p', { class: 'small no-print' }, t('download.hint')),
    meta,
  );
}

function stat(label, value, detail, id) {
  return h('div', { class: 'stat' }, h('dt', {}, label), h('dd', { class: 'stat-value', id }, value), h('dd', { class: 'stat-detail' }, detail));
}

function metaItem(label, value, id) {
  return h('div', {}, h('dt', {}, label), h('dd', { id }, value));
}

function msgLabel(ctx, obj) {
  if (!obj) return '';
  return ctx.locale === 'en' ? obj.label_en ?? obj.label : obj.label ?? obj.label_en;
}

function countSeverity(findings) {
  const c = { critical: 0, warning: 0, info: 0 };
  for (const x of findings) c[x.severity] = (c[x.severity] ?? 0) + 1;
  return c;
}

function renderMethod(ctx) {
  const { a, t } = ctx;
  const f = formatters(ctx.locale);
  const current = ctx.methods.find((m) => m.id === a.method.id) ?? a.method;
  const select = h(
    'select',
    { id: 'method-select', onchange: (e) => ctx.on.method(e.target.value) },
    ctx.methods.map((m) =>
      h('option', { value: m.id, selected: m.id === a.method.id }, `${msg(ctx, m.name)}${m.disputed ? ` — ${t('method.disputed')}` : ''}`),
    ),
  );
  const weights = a.method.weights;
  // The sum is shown so a reader can check the preset; it plays no part in any score.
  const sum = Object.values(weights).reduce((x, y) => x + y, 0);
  const rows = Object.entries(weights).map(([dim, w]) => row(t(`dim.${dim}`), f.num(w, 4)));
  return section(
    'method',
    t('method.heading'),
    h('div', { class: 'field no-print' }, h('label', { for: 'method-select' }, t('method.label')), select),
    // On paper the choice is a sentence, not a dropdown.
    h('p', { class: 'print-only', id: 'method-printed' }, `${t('method.label')}: ${msg(ctx, current.name)}`),
    current.disputed ? h('p', { class: 'callout warn', id: 'method-disputed' }, badge('warning', '⚠', t('method.disputed')), ' ', t('method.disputedNote')) : null,
    h('div', { class: 'two' },
      table(t('method.weights'), [t('method.dimension'), t('method.weight')], rows, {
        foot: h('tr', {}, h('th', { scope: 'row' }, t('method.sum')), h('td', { class: 'n', id: 'weights-sum' }, f.num(sum, 4))),
      }),
      h('div', {},
        h('p', { class: 'note' }, msg(ctx, current.note)),
        h('p', { class: 'small' }, t('method.version', { id: current.id, version: current.version })),
        h('details', {}, h('summary', {}, t('method.sources')),
          h('ul', { class: 'sources' }, (current.sources ?? []).map((src) =>
            h('li', {}, src.url ? h('a', { href: src.url, rel: 'noopener noreferrer external', target: '_blank' }, src.title) : src.title)))),
      ),
    ),
  );
}

function renderDimensions(ctx) {
  const { a, t } = ctx;
  const f = formatters(ctx.locale);
  const ev = a.evaluation;
  const cards = Object.entries(ev.dimensions).map(([id, d]) =>
    h(
      'article',
      { class: `dim ${d.source}`, 'aria-labelledby': `dim-${id}-h` },
      h('h3', { id: `dim-${id}-h` }, t(`dim.${id}`)),
      h('p', { class: 'dim-score' }, f.score(d.score), h('span', { class: 'dim-of' }, ' / 4')),
      h('p', { class: 'dim-meta' }, t('dims.weight', { w: f.num(d.weight, 4) }), ' · ', badge(d.source, SOURCE_ICON[d.source] ?? '', t(`source.${d.source}`))),
      d.source === 'provided' && d.computed_score !== null && d.computed_score !== undefined
        ? h('p', { class: 'small' }, t('dims.computedWas', { v: f.score(d.computed_score) }))
        : null,
      h(
        'details',
        { class: 'how' },
        h('summary', {}, t('dims.how')),
        h('p', { class: 'formula' }, msg(ctx, d.formula)),
        d.inputs?.length
          ? h('table', { class: 'mini' }, h('caption', { class: 'sr-only' }, t('dims.inputs', { dim: t(`dim.${id}`) })),
              h('tbody', {}, d.inputs.map((i) => row(msg(ctx, i.label), f.num(i.value)))))
          : null,
      ),
    ),
  );
  return section(
    'dimensions',
    t('dims.heading'),
    h('p', { class: 'lead' }, t('dims.lead')),
    h('div', { class: 'dims' }, cards),
    h('details', { class: 'how' }, h('summary', {}, t('dims.howIndex')), h('p', { class: 'formula', id: 'index-formula' }, msg(ctx, ev.formula))),
  );
}

function gapText(ctx, needed, pillarOrNull, target) {
  const f = formatters(ctx.locale);
  if (needed === null || needed === undefined) return '';
  if (needed === 0) return ctx.t('gap.met', { target: f.pct(target) });
  return pillarOrNull
    ? ctx.t('gap.pillar', { n: f.int(needed), pillar: pillarName(ctx, pillarOrNull), target: f.pct(target) })
    : ctx.t('gap.agency', { n: f.int(needed), target: f.pct(target) });
}

/**
 * The implementation rate per pillar as bars. `wide`: names left of the bars; `narrow`: names
 * above them, so the text stays readable at phone width. Both are drawn; CSS shows one.
 */
function pillarChart(ctx, impl, layout) {
  const f = formatters(ctx.locale);
  const t = ctx.t;
  const narrow = layout === 'narrow';
  const rowH = narrow ? 48 : 34;
  const left = narrow ? 0 : 150;
  const width = narrow ? 290 : 330;
  const barY = narrow ? 20 : 0; // the bar's offset within its row (below the name when narrow)
  const height = PILLARS.length * rowH + 34;
  const scale = (p) => (width * p) / 100;
  const target = impl.target_percent;
  const label = PILLARS.map((p) => `${pillarName(ctx, p)} ${f.pct(impl.pillars[p]?.percent)}`).join('; ');
  const titleId = `pillar-chart-title-${layout}`;
  const svg = s('svg', { viewBox: `0 0 ${left + width + 96} ${height}`, role: 'img', 'aria-labelledby': titleId, class: `chart chart-${layout}`, preserveAspectRatio: 'xMinYMin meet' },
    s('title', { id: titleId }, `${t('pillars.chartTitle')}: ${label}`),
  );
  PILLARS.forEach((p, i) => {
    const d = impl.pillars[p];
    const y = i * rowH + 8;
    svg.append(narrow
      ? s('text', { x: 0, y: y + 13, class: 'chart-label' }, pillarName(ctx, p))
      : s('text', { x: left - 8, y: y + 16, 'text-anchor': 'end', class: 'chart-label' }, pillarName(ctx, p)));
    svg.append(s('rect', { x: left, y: y + barY, width, height: 22, class: 'chart-track' }));
    if (d && d.percent !== null) {
      const below = target !== null && d.percent < target;
      svg.append(s('rect', { x: left, y: y + barY, width: scale(d.percent), height: 22, class: `chart-bar ${below ? 'below' : ''}` }));
      svg.append(s('text', { x: left + width + 6, y: y + barY + 16, class: 'chart-value' }, `${f.pct(d.percent)}${below ? ' ↓' : ''}`));
    } else {
      svg.append(s('text', { x: left + 6, y: y + barY + 16, class: 'chart-value' }, t('pillars.none')));
    }
  });
  if (target !== null && target !== undefined) {
    const x = left + scale(target);
    svg.append(s('line', { x1: x, x2: x, y1: 2, y2: height - 24, class: 'chart-target' }));
    svg.append(s('text', { x, y: height - 8, 'text-anchor': 'middle', class: 'chart-target-label' }, t('pillars.target', { target: f.pct(target) })));
  }
  return svg;
}

function renderPillars(ctx) {
  const { a, t } = ctx;
  const f = formatters(ctx.locale);
  const impl = a.implementation;
  const rows = PILLARS.map((p) => {
    const d = impl.pillars[p];
    const below = d && d.percent !== null && impl.target_percent !== null && d.percent < impl.target_percent;
    return h('tr', { 'data-pillar': p },
      h('th', { scope: 'row' }, pillarName(ctx, p)),
      h('td', { class: 'n' }, f.int(d?.planned)),
      h('td', { class: 'n' }, f.num(d?.implemented)),
      h('td', { class: 'n pct' }, d?.percent === null ? t('pillars.none') : f.pct(d?.percent), below ? h('span', { class: 'flag' }, ' ↓ ', t('pillars.below')) : null),
      h('td', { class: 'gap' }, d ? gapText(ctx, d.needed_for_target, p, impl.target_percent) : ''),
    );
  });
  const foot = [
    h('tr', {}, h('th', { scope: 'row' }, t('pillars.overall')), h('td', { class: 'n' }, f.int(impl.overall.planned)), h('td', { class: 'n' }, f.num(impl.overall.implemented)), h('td', { class: 'n', id: 'overall-percent' }, f.pct(impl.overall.percent)), h('td', { class: 'gap' }, gapText(ctx, impl.overall.needed_for_target, null, impl.target_percent))),
    h('tr', {}, h('th', { scope: 'row' }, t('pillars.mean')), h('td', {}), h('td', {}), h('td', { class: 'n' }, f.pct(impl.mean_of_pillars)), h('td', {})),
  ];
  const gaps = PILLARS.filter((p) => impl.pillars[p]?.needed_for_target > 0).map((p) =>
    h('li', {}, gapText(ctx, impl.pillars[p].needed_for_target, p, impl.target_percent)));
  return section(
    'pillars',
    t('pillars.heading'),
    h('p', { class: 'lead' }, t('pillars.lead', { target: f.pct(impl.target_percent) })),
    gaps.length ? h('div', { class: 'callout' }, h('p', { class: 'small-h' }, t('pillars.nextSteps')), h('ul', { id: 'pillar-gaps' }, gaps)) : null,
    h('div', { class: 'chart-grid' },
      h('figure', {}, pillarChart(ctx, impl, 'wide'), pillarChart(ctx, impl, 'narrow'), h('figcaption', { class: 'small' }, t('pillars.chartCaption'))),
      table(t('pillars.tableCaption'), [t('pillars.pillar'), t('pillars.planned'), t('pillars.implemented'), t('pillars.rate'), t('pillars.gap')], rows, { foot, cls: 'pillar-table' }),
    ),
  );
}

function qwState(ctx, state) {
  return badge(`qw-${state}`, QW_ICON[state] ?? '', ctx.t(`qw.${state}`));
}

function renderQuickWins(ctx) {
  const { a, t } = ctx;
  const f = formatters(ctx.locale);
  const qw = a.quick_wins;
  const cols = ['on_time', 'late', 'sustained', 'stopped', 'pending', 'not_due'];
  const rows = qw.by_year.map((y) =>
    h('tr', {}, h('th', { scope: 'row' }, String(y.year)), h('td', { class: 'n' }, f.int(y.due)), h('td', { class: 'n' }, f.int(y.achieved)),
      cols.map((c) => h('td', { class: `n ${y[c] ? 'has' : 'zero'}` }, y[c] ? `${QW_ICON[c]} ${f.int(y[c])}` : '0')),
      h('td', { class: 'n' }, f.pct(y.percent))),
  );
  // Grouped in the engine's by_year order.
  const groups = qw.by_year.map((y) => [y.year, qw.items.filter((item) => item.year === y.year)]).filter(([, items]) => items.length);
  const tracker = h('ol', { class: 'tracker' }, groups.map(([year, items]) =>
    h('li', {}, h('h3', { class: 'tracker-year' }, String(year)),
      h('ul', {}, items.map((item) =>
        h('li', { class: `qw-item qw-${item.state}` }, qwState(ctx, item.state), ' ',
          h('span', { class: 'qw-name' }, item.name),
          h('span', { class: 'small' }, ` · ${pillarName(ctx, item.pillar)}${item.lead_agency ? ` · ${item.lead_agency}` : ''}${item.launched_year ? ` · ${t('qw.launched', { year: item.launched_year })}` : ''}`)))))));
  return section(
    'quickwins',
    t('qw.heading'),
    h('p', { class: 'lead', id: 'qw-summary' }, t('qw.summary', { achieved: f.int(qw.achieved), due: f.int(qw.due), pct: f.pct(qw.percent), onTime: f.int(qw.on_time), late: f.int(qw.late), notDue: f.int(qw.not_due) })),
    qw.total ? tracker : h('p', {}, t('qw.none')),
    qw.total ? table(t('qw.tableCaption'), [t('qw.year'), t('qw.due'), t('qw.achieved'), ...cols.map((c) => `${QW_ICON[c]} ${t(`qw.${c}`)}`), t('qw.rate')], rows, { cls: 'qw-table' }) : null,
  );
}

function renderPrograms(ctx) {
  const { t } = ctx;
  const programs = ctx.mp?.programs ?? [];
  const state = ctx.state.filters;
  const options = (key, values, labelKey) =>
    h('select', { id: `filter-${key}`, onchange: (e) => { state[key] = e.target.value; update(); } },
      h('option', { value: '' }, t('programs.all')),
      values.map((v) => h('option', { value: v, selected: state[key] === v }, t(`${labelKey}.${v}`))));
  const body = h('tbody');
  const count = h('p', { class: 'small', id: 'programs-count', role: 'status' });
  const moreSlot = h('div', { class: 'more-slot' });
  function update() {
    const shown = programs
      .filter((p) => (!state.pillar || p.pillar === state.pillar) && (!state.horizon || p.horizon === state.horizon) && (!state.status || p.status === state.status));
    moreSlot.replaceChildren(paged(ctx, body, shown, (p) => programRow(ctx, p)) ?? '');
    count.textContent = t('programs.count', { shown: shown.length, total: programs.length });
  }
  update();
  return section(
    'programs',
    t('programs.heading'),
    h('div', { class: 'filters no-print' },
      h('div', { class: 'field' }, h('label', { for: 'filter-pillar' }, t('programs.pillar')), options('pillar', PILLARS, 'pillar')),
      h('div', { class: 'field' }, h('label', { for: 'filter-horizon' }, t('programs.horizon')), options('horizon', ['quick_win', 'short', 'medium', 'long'], 'horizon')),
      h('div', { class: 'field' }, h('label', { for: 'filter-status' }, t('programs.status')), options('status', ['planned', 'in_progress', 'running', 'completed', 'delayed', 'stopped', 'cancelled'], 'status')),
    ),
    count,
    programTable(ctx, body),
    moreSlot,
  );
}

function programTable(ctx, body) {
  const { t } = ctx;
  return h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': t('programs.heading') },
    h('table', { class: 'programs' },
      h('caption', { class: 'sr-only' }, t('programs.heading')),
      h('thead', {}, h('tr', {}, [t('programs.id'), t('programs.name'), t('programs.pillar'), t('programs.horizon'), t('programs.status'), t('programs.agency'), t('programs.years')].map((c) => h('th', { scope: 'col' }, c)))),
      body));
}

function programRow(ctx, p) {
  const { t } = ctx;
  const running = p.status === 'running' || p.status === 'completed';
  return h('tr', {},
    h('td', { class: 'mono' }, p.id ?? ''),
    h('th', { scope: 'row' }, p.name ?? ''),
    h('td', {}, t(`pillar.${p.pillar}`)),
    h('td', {}, t(`horizon.${p.horizon}`)),
    h('td', {}, badge(`st-${running ? 'ok' : p.status}`, running ? '●' : '○', t(`status.${p.status}`))),
    h('td', {}, p.lead_agency ?? '—'),
    h('td', { class: 'n' }, p.end_year ? `${p.start_year}–${p.end_year}` : String(p.start_year ?? '')),
  );
}

function renderReadiness(ctx) {
  const { a, t } = ctx;
  const f = formatters(ctx.locale);
  const r = a.readiness;
  if (!r) return section('readiness', t('readiness.heading'), h('p', {}, t('readiness.none')));
  const rows = Object.entries(r.aspects).map(([k, v]) => row(t(`aspect.${k}`), f.score(v), f.int(r.aspect_items?.[k])));
  const dist = Object.entries(r.distribution ?? {}).map(([k, v]) => row(t(`dist.${k}`), f.int(v.count), f.pct(v.percent)));
  return section(
    'readiness',
    t('readiness.heading'),
    h('p', { class: 'lead' }, t('readiness.score', { score: f.score(r.score), category: msgLabel(ctx, r.category) }),
      r.category?.concern ? h('span', { class: 'flag' }, ' ⚠ ', t('readiness.concern')) : null),
    h('div', { class: 'two' },
      table(t('readiness.aspects'), [t('readiness.aspect'), t('readiness.aspectScore'), t('readiness.items')], rows),
      table(t('readiness.distribution'), [t('readiness.band'), t('readiness.count'), t('readiness.share')], dist)),
  );
}

function renderNational(ctx) {
  const { a, t } = ctx;
  const f = formatters(ctx.locale);
  const n = a.national_indices ?? {};
  const rows = Object.entries(n).filter(([, v]) => v).map(([k, v]) => {
    const label = ctx.locale === 'en' ? v.label_en : v.predicate ?? v.label ?? v.category;
    const code = v.grade ?? (k === 'ipm' ? v.category : null);
    return h('tr', {},
      h('th', { scope: 'row' }, t(`national.${k}`)),
      h('td', { class: 'n' }, typeof v.value === 'number' ? f.asGiven(v.value) : String(v.value ?? '—')),
      h('td', {}, [code && code !== label ? code : null, label].filter(Boolean).join(' · '), v.concern ? h('span', { class: 'flag' }, ' ⚠ ', t('national.concern')) : null));
  });
  return section('national', t('national.heading'),
    rows.length ? table(t('national.caption'), [t('national.index'), t('national.value'), t('national.predicate')], rows) : h('p', {}, t('national.none')));
}

function sortFindings(findings) {
  return findings.map((x, i) => ({ x, i })).sort((p, q) => (SEVERITY_ORDER[p.x.severity] ?? 9) - (SEVERITY_ORDER[q.x.severity] ?? 9) || p.i - q.i).map(({ x }) => x);
}

function findingList(ctx, findings, id) {
  const { t } = ctx;
  const list = h('ol', { class: 'findings', id });
  const more = paged(ctx, list, sortFindings(findings), (x) =>
    h('li', { class: `finding ${x.severity}` },
      badge(x.severity, SEVERITY_ICON[x.severity] ?? '', t(`severity.${x.severity}`)),
      h('p', { class: 'finding-msg' }, msg(ctx, x.message)),
      h('p', { class: 'small' }, [x.pillar ? pillarName(ctx, x.pillar) : null, x.agency, x.path ? `${t('where.path')} ${x.path}` : null].filter(Boolean).join(' · '))));
  return more ? h('div', {}, list, more) : list;
}

function renderFindings(ctx) {
  const { a, t } = ctx;
  const c = countSeverity(a.findings);
  return section('findings', t('findings.heading'),
    h('p', { class: 'lead' }, t('findings.lead', c)),
    a.findings.length ? findingList(ctx, a.findings, 'findings-list') : h('p', {}, t('findings.none')));
}

function renderAgencies(ctx) {
  const { a, t } = ctx;
  const f = formatters(ctx.locale);
  const impl = a.implementation;
  const agencies = a.agencies ?? [];
  const detail = h('div', { id: 'agency-detail', class: 'agency-detail', 'aria-live': 'polite' });
  const select = h('select', { id: 'agency-select', onchange: (e) => show(e.target.value) },
    h('option', { value: '' }, t('agency.choose')),
    agencies.map((ag) => h('option', { value: ag.name, selected: ctx.state.agency === ag.name }, ag.name)));
  function show(name) {
    ctx.state.agency = name;
    select.value = name;
    const ag = agencies.find((x) => x.name === name);
    detail.replaceChildren(...(ag ? [agencyDetail(ctx, ag)] : []));
  }
  const rows = agencies.map((ag) =>
    h('tr', {},
      h('th', { scope: 'row' }, h('button', { type: 'button', class: 'link', onclick: () => { show(ag.name); detail.scrollIntoView({ block: 'nearest' }); } }, ag.name)),
      h('td', { class: 'n' }, f.int(ag.rate.planned)),
      h('td', { class: 'n' }, f.num(ag.rate.implemented)),
      h('td', { class: 'n' }, f.pct(ag.rate.percent)),
      h('td', { class: 'n' }, ag.quick_wins.due ? t('agency.qwShort', { achieved: f.int(ag.quick_wins.achieved), due: f.int(ag.quick_wins.due) }) : '—'),
      h('td', { class: 'n' }, f.int(ag.findings)),
      h('td', { class: 'gap' }, gapText(ctx, ag.rate.needed_for_target, null, impl.target_percent))));
  if (ctx.state.agency) show(ctx.state.agency);
  return section('agencies', t('agency.heading'),
    h('p', { class: 'lead' }, t('agency.lead')),
    h('div', { class: 'field no-print' }, h('label', { for: 'agency-select' }, t('agency.label')), select),
    detail,
    h('details', { class: 'agency-all', open: true }, h('summary', {}, t('agency.all', { n: agencies.length })),
      table(t('agency.caption'), [t('agency.name'), t('pillars.planned'), t('pillars.implemented'), t('pillars.rate'), t('agency.qw'), t('agency.findings'), t('pillars.gap')], rows)));
}

function agencyDetail(ctx, ag) {
  const { a, t } = ctx;
  const f = formatters(ctx.locale);
  const programs = (ag.program_indices ?? []).map((i) => ctx.mp?.programs?.[i]).filter(Boolean);
  const qws = a.quick_wins.items.filter((q) => q.lead_agency === ag.name);
  const findings = a.findings.filter((x) => x.agency === ag.name);
  return h('article', { class: 'agency', 'aria-labelledby': 'agency-h' },
    h('h3', { id: 'agency-h' }, ag.name),
    h('dl', { class: 'stats' },
      stat(t('pillars.rate'), f.pct(ag.rate.percent), t('summary.overallDetail', { impl: f.num(ag.rate.implemented), planned: f.int(ag.rate.planned) }), 'agency-rate'),
      stat(t('summary.quickWins'), ag.quick_wins.due ? `${f.int(ag.quick_wins.achieved)} / ${f.int(ag.quick_wins.due)}` : '—', t('agency.qwDetail', { onTime: f.int(ag.quick_wins.on_time), late: f.int(ag.quick_wins.late), pending: f.int(ag.quick_wins.pending), stopped: f.int(ag.quick_wins.stopped) })),
      stat(t('agency.findings'), f.int(ag.findings), ''),
    ),
    h('p', { class: 'callout', id: 'agency-gap' }, gapText(ctx, ag.rate.needed_for_target, null, a.implementation.target_percent)),
    h('h4', {}, t('agency.programs', { n: programs.length })),
    (() => {
      const body = h('tbody');
      const more = paged(ctx, body, programs, (p) => programRow(ctx, p));
      return [programTable(ctx, body), more];
    })(),
    qws.length ? [h('h4', {}, t('qw.heading')), h('ul', { class: 'plain' }, qws.map((q) => h('li', {}, qwState(ctx, q.state), ' ', q.name, h('span', { class: 'small' }, ` · ${q.year}`))))] : null,
    findings.length ? [h('h4', {}, t('findings.heading')), findingList(ctx, findings, 'agency-findings')] : h('p', { class: 'small' }, t('findings.none')),
  );
}

function renderPrintFooter(ctx) {
  const { a, t } = ctx;
  return h('section', { class: 'print-only print-footer', 'aria-hidden': 'true' },
    h('p', {}, t('print.footer', { engine: `${a.engine.name} ${a.engine.version}`, method: `${a.method.id} v${a.method.version}`, hash: a.input_sha256 })),
    h('p', {}, t('summary.notOfficial')));
}

/** The list of problems of a file that could not be assessed. */
export function renderProblems(ctx, problems) {
  const { t } = ctx;
  return problems.map((p) =>
    h('li', { class: `problem ${p.severity}` },
      badge(p.severity, SEVERITY_ICON[p.severity] ?? '', t(`severity.${p.severity}`)),
      h('p', { class: 'problem-msg' }, msg(ctx, p.message)),
      h('p', { class: 'where' },
        p.line ? t('where.lineCol', { line: p.line, column: p.column ?? '?' }) : null,
        p.line && p.path ? ' · ' : null,
        p.path ? [t('where.path'), ' ', h('code', {}, p.path)] : null,
        !p.line && !p.path ? t('where.file') : null),
      p.code ? h('p', { class: 'small' }, t('where.code'), ' ', h('code', {}, p.code)) : null));
}
