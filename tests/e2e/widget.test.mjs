// <kota-cerdas-widget> embedded the way a regency site would: the host page on one origin, the
// widget (and the engine) on another, under a strict CSP, with hostile CSS. Numbers are checked
// against the engine run in Node and formatted the Indonesian way. Screenshots of summary and
// full views, desktop and phone, plain and hostile hosts go to tests/e2e/artifacts/.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer } from '../../scripts/serve.mjs';
import { boundaryPlan } from './plans.mjs';
import { assertNoConsoleErrors, assertOnlyLocalRequests, fixturesDir, launchBrowser, openPage, repoRoot, screenshot, serveWww } from './harness.mjs';

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
const hostAssets = path.join(fixturesDir, 'host');
const masterplanText = readFileSync(path.join(hostAssets, 'masterplan.json'), 'utf8');

// The engine in Node: the numbers the widget must show.
const pkg = await import(path.join(repoRoot, 'www/pkg/kota_cerdas_mandiri.js'));
pkg.initSync({ module: readFileSync(path.join(repoRoot, 'www/pkg/kota_cerdas_mandiri_bg.wasm')) });
const expected = pkg.assessText(masterplanText, {});
const expectedSleman = pkg.assessText(masterplanText, { method: 'kominfo-sleman' });
const VOCAB = pkg.vocabularies();
const id2 = (v) => new Intl.NumberFormat('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(v);
const en2 = (v) => new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(v);
const idPct = (v) => `${new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 }).format(v)}%`;

// Files the widget may request from its own origin; nothing else but its `src`.
const WIDGET_FILES = new Set([
  '/widget/kota-cerdas-widget.js',
  '/widget/kota-cerdas-element.js',
  '/widget/strings.js',
  '/widget/styles.js',
  '/lib/engine-client.js',
  '/lib/dom.js',
  '/lib/format.js',
  '/lib/read.js',
  '/lib/limits.js',
  '/lib/strings.js',
  '/lib/vocabulary.js',
  '/pkg/kota_cerdas_mandiri.js',
  '/pkg/kota_cerdas_mandiri_bg.wasm',
]);

let tool; // the tool's origin: www/ with CORS
let wrongMime; // the same, serving .wasm as application/octet-stream
let host; // the regency's site: generated pages + tests/e2e/fixtures/host/ under /assets/
let hostDir;
let browser;

const csp = (toolOrigin) =>
  `default-src 'self'; script-src 'self' ${toolOrigin} 'wasm-unsafe-eval'; connect-src 'self' ${toolOrigin}; style-src 'self'; img-src 'self' data:`;

before(async () => {
  tool = await serveWww({ cors: true });
  wrongMime = await serveWww({ cors: true, wrongWasmMime: true });
  hostDir = mkdtempSync(path.join(tmpdir(), 'kcm-host-'));
  host = await startServer({
    root: hostDir,
    mounts: { '/assets/': hostAssets },
    // The CSP names the tool origin the page was written for (see writeHost).
    headers: (urlPath) => (urlPath.endsWith('.html') ? { 'Content-Security-Policy': csp(pageOrigins.get(urlPath) ?? tool.url) } : {}),
  });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await Promise.all([tool?.close(), wrongMime?.close(), host?.close()]);
  if (hostDir) rmSync(hostDir, { recursive: true, force: true });
});

const pageOrigins = new Map();

/** Writes a host page; `widget` is the element's markup, `script` whether the tag is in the page. */
function writeHost(name, { toolOrigin = tool.url, css = 'hostile.css', widget = '', script = true } = {}) {
  const html = `<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Pemerintah Kabupaten Contoh</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/assets/${css}">
<script src="/assets/host.js"></script>
${script ? `<script type="module" src="${toolOrigin}/widget/kota-cerdas-widget.js"></script>` : ''}
</head>
<body>
<main>
<h1 id="host-h1">Pemerintah Kabupaten Contoh</h1>
<p id="host-p" class="host-note">Berita dan layanan publik kabupaten. Di bawah ini kartu skor smart city kami.</p>
${widget}
</main>
<div id="host-div">Konten host (disembunyikan oleh CSS host).</div>
<p id="host-after">Hak cipta Pemerintah Kabupaten Contoh.</p>
</body>
</html>
`;
  writeFileSync(path.join(hostDir, `${name}.html`), html);
  pageOrigins.set(`/${name}.html`, toolOrigin);
  return `${host.url}/${name}.html`;
}

async function open(url, { viewport = DESKTOP, warnings } = {}) {
  const record = await openPage(browser, null, { contextOptions: { viewport } });
  if (warnings) record.page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  await record.page.goto(url);
  return record;
}

const events = (page) => page.evaluate(() => window.__kc.events.map((e) => ({ ...e, detail: e.detail })));
const violations = (page) => page.evaluate(() => window.__kc.violations);

async function waitForEvents(page, type, n = 1) {
  await page.waitForFunction(([t, count]) => window.__kc.events.filter((e) => e.type === t).length >= count, [type, n]);
}

/** No console errors, no CSP violation, every request to the host or to the widget's own files. */
async function finish(record, { toolUrl = tool.url, allow = [] } = {}) {
  try {
    assert.deepEqual(await violations(record.page), [], 'no CSP violation');
    assertNoConsoleErrors(record, { allow });
    assertOnlyLocalRequests(record);
    for (const { url } of record.requests) {
      const u = new URL(url);
      if (u.protocol === 'data:') continue;
      if (u.origin === host.url) continue;
      assert.equal(u.origin, toolUrl, `request to an unexpected origin: ${url}`);
      assert.ok(WIDGET_FILES.has(u.pathname.replace(/\?.*$/, '')), `the widget requested more than its own files: ${url}`);
    }
  } finally {
    await record.close();
  }
}

const text = (page, selector) => page.locator(selector).first().innerText();
const W = 'kota-cerdas-widget';

const HOST_PROPS = ['color', 'font-size', 'font-family', 'font-style', 'font-weight', 'display', 'margin-top', 'background-color', 'line-height'];
function hostStyles(page) {
  return page.evaluate((props) => {
    const out = {};
    for (const id of ['host-h1', 'host-p', 'host-div', 'host-after']) {
      const cs = getComputedStyle(document.getElementById(id));
      out[id] = Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)]));
    }
    const body = getComputedStyle(document.body);
    out.body = Object.fromEntries(props.map((p) => [p, body.getPropertyValue(p)]));
    return out;
  }, HOST_PROPS);
}

describe('the widget on another origin', () => {
  test('hostile host, strict CSP: the engine numbers in id-ID, events, no leak either way', async () => {
    const url = writeHost('hostile', { widget: `<${W} id="w" src="/assets/masterplan.json" lang="id"></${W}>` });
    const record = await open(url);
    const { page } = record;
    await waitForEvents(page, 'kota-cerdas:assessed');

    // The index, the five dimensions, the six pillars, quick wins: the engine's, formatted.
    assert.equal(await text(page, `${W} [part~=index] data`), id2(expected.evaluation.index));
    assert.equal(await text(page, `${W} [part~=index] data`), '3,70');
    for (const [id, d] of Object.entries(expected.evaluation.dimensions)) {
      assert.equal(await text(page, `${W} tr[data-dimension="${id}"] td.n`), id2(d.score), `dimension ${id}`);
    }
    assert.equal(await page.locator(`${W} tr[data-pillar]`).count(), 6);
    for (const [id, p] of Object.entries(expected.implementation.pillars)) {
      const cell = await text(page, `${W} tr[data-pillar="${id}"] td.n`);
      assert.ok(cell.startsWith(idPct(p.percent)), `pillar ${id}: ${cell}`);
      assert.equal(/di bawah target/.test(cell), p.below_target === true, `pillar ${id} below-target flag`);
    }
    const qw = expected.quick_wins;
    assert.equal(await text(page, `${W} .qw-status`), `${qw.achieved} dari ${qw.due} jatuh tempo tercapai (${idPct(qw.percent)})`);
    assert.match(await text(page, `${W} [part~=disclaimer]`), /Penilaian mandiri, bukan hasil resmi/);
    assert.match(await text(page, `${W} [part~=header]`), /Kota Pelita/);
    assert.equal(await page.getAttribute(`${W} [part~=link]`, 'href'), `${tool.url}/index.html`);

    // Events: on the element, bubbling and composed, the assessment in detail.
    const [assessed] = await events(page);
    assert.equal(assessed.type, 'kota-cerdas:assessed');
    assert.equal(assessed.target, 'w');
    assert.equal(assessed.bubbles, true);
    assert.equal(assessed.composed, true);
    assert.equal(assessed.detail.assessment.evaluation.index, expected.evaluation.index);
    assert.equal(assessed.detail.assessment.input_sha256, expected.input_sha256);
    assert.equal(assessed.detail.src, `${host.url}/assets/masterplan.json`);
    assert.equal(assessed.detail.method, 'kominfo-2022');

    // The widget keeps its own look under `* { all: unset !important; font-size: 40px … }`.
    const inside = await page.evaluate(() => {
      const card = document.querySelector('kota-cerdas-widget').shadowRoot.querySelector('.card');
      const cs = getComputedStyle(card);
      const value = card.querySelector('[part~=index] data').getBoundingClientRect();
      return { fontSize: cs.fontSize, color: cs.color, display: getComputedStyle(document.querySelector('kota-cerdas-widget')).display, valueHeight: value.height };
    });
    assert.equal(inside.fontSize, '16px');
    assert.notEqual(inside.color, 'rgb(255, 0, 0)');
    assert.equal(inside.display, 'block');
    assert.ok(inside.valueHeight > 20, 'the index is visible');
    // No style element or style attribute in the shadow root (constructable stylesheet only).
    assert.equal(await page.evaluate(() => document.querySelector('kota-cerdas-widget').shadowRoot.querySelectorAll('style, [style]').length), 0);

    // The host's own elements look exactly as on the same page without the widget.
    const withWidget = await hostStyles(page);
    await screenshot(page, 'widget-hostile-summary-desktop');
    await page.setViewportSize(PHONE);
    await screenshot(page, 'widget-hostile-summary-phone');
    await page.setViewportSize(DESKTOP);
    await page.evaluate(() => document.querySelector('kota-cerdas-widget').setAttribute('view', 'full'));
    await page.waitForSelector(`${W} [data-view=full]`);
    await screenshot(page, 'widget-hostile-full-desktop');
    await page.setViewportSize(PHONE);
    await screenshot(page, 'widget-hostile-full-phone');
    await finish(record);

    const bare = await open(writeHost('hostile-bare', { script: false }));
    assert.deepEqual(withWidget, await hostStyles(bare.page), 'host styles unchanged by the widget');
    await finish(bare);
  });

  test('plain host: screenshots of summary and full views at desktop and phone widths', async () => {
    const url = writeHost('plain', { css: 'plain.css', widget: `<${W} id="w" src="/assets/masterplan.json"></${W}>` });
    for (const [label, viewport] of [['desktop', DESKTOP], ['phone', PHONE]]) {
      const record = await open(url, { viewport });
      const { page } = record;
      await waitForEvents(page, 'kota-cerdas:assessed');
      assert.equal(await text(page, `${W} [part~=index] data`), '3,70');
      await screenshot(page, `widget-plain-summary-${label}`);
      await page.evaluate(() => {
        document.querySelector('kota-cerdas-widget').view = 'full';
      });
      await page.waitForSelector(`${W} [data-view=full]`);
      assert.equal(await page.getAttribute(W, 'view'), 'full', 'the property reflects to the attribute');
      assert.match(await text(page, `${W} [data-view=full]`), /Temuan dan rekomendasi/);
      await screenshot(page, `widget-plain-full-${label}`);
      // Printable: the card prints, with the link's address.
      await page.emulateMedia({ media: 'print' });
      assert.ok(await page.locator(`${W} [part~=card]`).isVisible());
      await finish(record);
    }
  });

  test('accessibility: axe-core finds no serious or critical violations (summary, full, error)', async () => {
    const axe = readFileSync(path.join(repoRoot, 'tests/e2e/node_modules/axe-core/axe.min.js'), 'utf8');
    const url = writeHost('axe', {
      css: 'plain.css',
      widget: `<${W} id="w" src="/assets/masterplan.json"></${W}><${W} id="bad" src="/assets/broken.json"></${W}>`,
    });
    // The host's CSP forbids injected scripts; this audit-only context bypasses it.
    const record = await openPage(browser, null, { contextOptions: { viewport: DESKTOP, bypassCSP: true } });
    const { page } = record;
    await page.goto(url);
    await waitForEvents(page, 'kota-cerdas:assessed');
    await waitForEvents(page, 'kota-cerdas:error');
    await page.addScriptTag({ content: axe });
    const audit = async (label) => {
      const result = await page.evaluate(() => window.axe.run('kota-cerdas-widget', { resultTypes: ['violations'] }));
      const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      assert.deepEqual(bad.map((v) => `${label}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`), []);
    };
    await audit('summary');
    await page.evaluate(() => document.getElementById('w').setAttribute('view', 'full'));
    await page.waitForSelector(`${W} [data-view=full]`);
    await audit('full');
    await record.close();
  });

  test('attribute changes re-render: lang → en, method → kominfo-sleman', async () => {
    const url = writeHost('attrs', { widget: `<${W} id="w" src="/assets/masterplan.json" lang="id"></${W}>` });
    const record = await open(url);
    const { page } = record;
    await waitForEvents(page, 'kota-cerdas:assessed');

    await page.evaluate(() => document.getElementById('w').setAttribute('lang', 'en'));
    await page.waitForFunction(() => document.getElementById('w').shadowRoot.querySelector('[part~=index] data')?.textContent === '3.70');
    assert.equal(await text(page, `${W} [part~=index] data`), en2(expected.evaluation.index));
    assert.match(await text(page, `${W} [part~=disclaimer]`), /self-assessment/);
    assert.equal((await events(page)).length, 1, 'a language change re-renders without re-assessing');

    await page.evaluate(() => {
      document.getElementById('w').method = 'kominfo-sleman';
    });
    await waitForEvents(page, 'kota-cerdas:assessed', 2);
    assert.equal(await page.getAttribute(W, 'method'), 'kominfo-sleman');
    const second = (await events(page))[1];
    assert.equal(second.detail.method, 'kominfo-sleman');
    assert.equal(second.detail.assessment.evaluation.index, expectedSleman.evaluation.index);
    assert.equal(await text(page, `${W} [part~=index] data`), en2(expectedSleman.evaluation.index));
    await finish(record);
  });

  test('loading order: an element in the page before the script upgrades; defining twice is harmless', async () => {
    const url = writeHost('late', { script: false, widget: `<${W} id="w" src="/assets/masterplan.json"></${W}>` });
    const record = await open(url);
    const { page } = record;
    assert.equal(await page.evaluate(() => customElements.get('kota-cerdas-widget')), undefined);
    // A host that sets the property before the element is defined.
    await page.evaluate(() => {
      document.getElementById('w').view = 'full';
    });
    await page.evaluate((src) => {
      const s = document.createElement('script');
      s.type = 'module';
      s.src = src;
      document.head.append(s);
    }, `${tool.url}/widget/kota-cerdas-widget.js`);
    await waitForEvents(page, 'kota-cerdas:assessed');
    assert.equal(await text(page, `${W} [part~=index] data`), '3,70');
    assert.equal(await page.getAttribute(W, 'view'), 'full', 'a property set before the upgrade is kept');
    // A second copy of the define module (another URL, so another module instance).
    const again = await page.evaluate(async (src) => {
      const first = customElements.get('kota-cerdas-widget');
      const mod = await import(src);
      return { same: customElements.get('kota-cerdas-widget') === first, tag: mod.TAG };
    }, `${tool.url}/widget/kota-cerdas-widget.js?again`);
    assert.deepEqual(again, { same: true, tag: 'kota-cerdas-widget' });
    assert.equal(record.pageErrors.length, 0);
    await finish(record);
  });

  test('the masterplan property works without src', async () => {
    const url = writeHost('property', {});
    const record = await open(url);
    const { page } = record;
    await page.waitForFunction(() => customElements.get('kota-cerdas-widget'));
    await page.evaluate((json) => {
      const el = document.createElement('kota-cerdas-widget');
      el.id = 'p';
      el.masterplan = JSON.parse(json);
      document.querySelector('main').append(el);
    }, masterplanText);
    await waitForEvents(page, 'kota-cerdas:assessed');
    const [e] = await events(page);
    assert.equal(e.target, 'p');
    assert.equal(e.detail.src, null);
    assert.equal(e.detail.assessment.evaluation.index, expected.evaluation.index);
    assert.equal(await text(page, `${W} [part~=index] data`), '3,70');
    assert.equal(await page.evaluate(() => document.getElementById('p').assessment.region.name), 'Kota Pelita');
    await finish(record);
  });

  test('a bad src: kota-cerdas:error with the problems, and a visible message', async () => {
    const url = writeHost('bad', {
      widget: `<${W} id="missing" src="/assets/nope.json"></${W}><${W} id="broken" src="/assets/broken.json"></${W}>`,
    });
    const record = await open(url);
    const { page } = record;
    await waitForEvents(page, 'kota-cerdas:error', 2);
    const errors = Object.fromEntries((await events(page)).filter((e) => e.type === 'kota-cerdas:error').map((e) => [e.target, e]));
    assert.equal(errors.missing.bubbles && errors.missing.composed, true);
    assert.equal(errors.missing.detail.problems[0].code, 'fetch');
    assert.match(errors.missing.detail.message, /404/);
    assert.ok(errors.broken.detail.problems.length >= 1);
    assert.ok(errors.broken.detail.problems.every((p) => p.message.id && p.message.en));
    assert.ok(errors.broken.detail.problems.some((p) => p.line >= 1));
    const missingText = await text(page, `#missing [part~=error]`);
    assert.match(missingText, /Kartu skor tidak dapat ditampilkan/);
    assert.match(missingText, /tidak dapat diambil/);
    assert.equal(await page.getAttribute('#missing [part~=error]', 'role'), 'alert');
    assert.ok(await page.locator('#broken [part~=error]').isVisible());
    assert.match(await text(page, '#broken [part~=error]'), /baris 1, kolom \d+/);
    await screenshot(page, 'widget-error-desktop');
    // The 404 of the missing file is logged by the browser itself: expected here.
    await finish(record, { allow: [/404 \(Not Found\).*nope\.json/] });
  });

  test('a .wasm served with the wrong MIME type still works, without a warning', async () => {
    const url = writeHost('wrong-mime', { toolOrigin: wrongMime.url, widget: `<${W} id="w" src="/assets/masterplan.json"></${W}>` });
    const warnings = [];
    const record = await open(url, { warnings });
    const { page } = record;
    await waitForEvents(page, 'kota-cerdas:assessed');
    assert.equal(await text(page, `${W} [part~=index] data`), '3,70');
    const wasm = record.requests.find((r) => r.url.endsWith('.wasm'));
    assert.ok(wasm, 'the wasm came from the wrong-MIME server');
    assert.deepEqual(warnings.filter((w) => /instantiateStreaming|MIME/.test(w)), []);
    await finish(record, { toolUrl: wrongMime.url });
  });
});

describe("issue 9: the widget shows the engine's facts", () => {
  test('74.995 % rounds to 75,00: the widget flags exactly the pillars the engine flags (as the page does)', async () => {
    const mp = boundaryPlan();
    writeFileSync(path.join(hostDir, 'batas.json'), JSON.stringify(mp));
    const a = pkg.assessText(JSON.stringify(mp), {});
    assert.equal(a.implementation.pillars.governance.below_target, false);
    assert.equal(a.implementation.pillars.economy.below_target, true);
    const record = await open(writeHost('boundary', { css: 'plain.css', widget: `<${W} id="w" src="/batas.json" view="full"></${W}>` }));
    const { page } = record;
    await waitForEvents(page, 'kota-cerdas:assessed');
    for (const [id, d] of Object.entries(a.implementation.pillars)) {
      const cell = await text(page, `${W} tr[data-pillar="${id}"] td.n`);
      assert.equal(/di bawah target/.test(cell), d.below_target === true, `${id}: ${cell}`);
      assert.equal(await page.locator(`${W} tr[data-pillar="${id}"] rect.fill.below`).count(), d.below_target === true ? 1 : 0, id);
    }
    assert.ok((await text(page, `${W} tr[data-pillar="governance"] td.n`)).startsWith('75%'));
    // The findings counted by the engine, by severity, in its words.
    const counts = await text(page, `${W} .finding-counts`);
    for (const [sev, n] of Object.entries(a.finding_counts)) {
      if (n) assert.ok(counts.includes(`${n} ${VOCAB.severities.find((s) => s.id === sev).label.id.toLowerCase()}`), counts);
    }
    await finish(record);
  });

  test('labels are the engine\'s: pillars, dimensions, sources, region kind; no pillar with nothing planned is flagged', async () => {
    const early = readFileSync(path.join(repoRoot, 'www/samples/kabupaten-early-stage-2023.json'), 'utf8');
    writeFileSync(path.join(hostDir, 'awal.json'), early);
    const a = pkg.assessText(early, {});
    const record = await open(writeHost('labels', { css: 'plain.css', widget: `<${W} id="w" src="/awal.json" view="full" lang="en"></${W}>` }));
    const { page } = record;
    await waitForEvents(page, 'kota-cerdas:assessed');
    for (const p of VOCAB.pillars) assert.equal(await text(page, `${W} tr[data-pillar="${p.id}"] th`), p.label.en);
    for (const d of VOCAB.dimensions) {
      const row = await text(page, `${W} tr[data-dimension="${d.id}"]`);
      assert.ok(row.startsWith(d.label.en), row);
      const source = VOCAB.dimension_sources.find((s) => s.id === a.evaluation.dimensions[d.id].source);
      assert.ok(row.includes(source.label.en), row);
    }
    assert.match(await text(page, `${W} .region`), new RegExp(`^${VOCAB.region_kinds.find((k) => k.id === a.region.kind).label.en}`));
    for (const pillar of ['branding', 'environment']) {
      assert.equal(a.implementation.pillars[pillar].below_target, null);
      const cell = await text(page, `${W} tr[data-pillar="${pillar}"] td.n`);
      assert.doesNotMatch(cell, /below|reached/i, cell);
    }
    await finish(record);
  });

  test('latest wins: switching src from a large file to a small one shows and announces only the small one', async () => {
    const { execFileSync } = await import('node:child_process');
    writeFileSync(path.join(hostDir, 'besar.json'), execFileSync(process.execPath, [path.join(repoRoot, 'benches/generate.mjs'), '8000'], { maxBuffer: 1 << 26 }));
    const url = writeHost('switch', { css: 'plain.css', widget: `<${W} id="w" src="/besar.json"></${W}>` });
    const record = await openPage(browser, null, { contextOptions: { viewport: DESKTOP } });
    const { page } = record;
    // The large file arrives slowly (a slow connection); meanwhile the host switches to the small one.
    await page.route('**/besar.json', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue().catch(() => {}); // the widget may have given up on it already
    });
    const asked = page.waitForRequest('**/besar.json');
    await page.goto(url);
    await asked;
    await page.evaluate(() => document.getElementById('w').setAttribute('src', '/assets/masterplan.json'));
    await waitForEvents(page, 'kota-cerdas:assessed');
    await page.waitForTimeout(3000);
    const assessed = (await events(page)).filter((e) => e.type === 'kota-cerdas:assessed');
    assert.deepEqual(assessed.map((e) => e.detail.assessment.region.name), ['Kota Pelita']);
    assert.match(await text(page, `${W} [part~=header]`), /Kota Pelita/);
    assert.equal(await page.evaluate(() => document.getElementById('w').assessment.region.name), 'Kota Pelita');
    await finish(record);
  });
});

describe('custom-elements.json', () => {
  // The manifest lists exactly what the source uses: read from the source, not restated here.
  const src = (rel) => readFileSync(path.join(repoRoot, 'www/widget', rel), 'utf8');
  const element = src('kota-cerdas-element.js');
  const styles = src('styles.js');
  const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'www/custom-elements.json'), 'utf8'));
  const decl = manifest.modules.flatMap((m) => m.declarations).find((d) => d.tagName === 'kota-cerdas-widget');
  const sorted = (xs) => [...new Set(xs)].sort();

  test('schema 2.x, the element declared and defined', () => {
    assert.match(manifest.schemaVersion, /^2\./);
    assert.ok(decl?.customElement);
    const define = manifest.modules.flatMap((m) => m.exports ?? []).find((e) => e.kind === 'custom-element-definition');
    assert.equal(define.name, 'kota-cerdas-widget');
    assert.match(src('kota-cerdas-widget.js'), /customElements\.get\(TAG\)/);
  });

  test('attributes, events, CSS properties and parts match the source', () => {
    const observed = element.match(/observedAttributes\(\)\s*\{\s*return\s*\[([^\]]*)\]/)[1].match(/'([^']+)'/g).map((s) => s.slice(1, -1));
    assert.deepEqual(sorted(decl.attributes.map((a) => a.name)), sorted(observed));
    const emitted = [...element.matchAll(/#emit\('([^']+)'/g)].map((m) => m[1]);
    assert.deepEqual(sorted(decl.events.map((e) => e.name)), sorted(emitted));
    const props = [...styles.matchAll(/var\((--kota-cerdas-[\w-]+)/g)].map((m) => m[1]);
    assert.deepEqual(sorted(decl.cssProperties.map((p) => p.name)), sorted(props));
    const parts = [...element.matchAll(/part: '([^']+)'/g)].flatMap((m) => m[1].split(/\s+/));
    assert.deepEqual(sorted(decl.cssParts.map((p) => p.name)), sorted(parts));
    // Every attribute has its reflecting property.
    for (const a of decl.attributes) {
      const member = decl.members.find((m) => m.name === a.fieldName);
      assert.ok(member?.reflects, `${a.name} reflects to ${a.fieldName}`);
      if (a.name !== 'lang') assert.match(element, new RegExp(`get ${a.fieldName}\\(\\)`));
    }
    for (const name of ['masterplan', 'assessment']) assert.match(element, new RegExp(`get ${name}\\(\\)`));
  });
});
