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
  '/widget/kota-cerdas-loader.js',
  '/widget/kota-cerdas-widget.js',
  '/widget/kota-cerdas-element.js',
  '/widget/strings.js',
  '/widget/styles.js',
  '/lib/engine-client.js',
  '/lib/wasm-instance.js',
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
let noCors; // the same files from a server that sends no CORS header (a misconfigured tool)
let wrongMime; // the same, serving .wasm as application/octet-stream
let host; // the regency's site: generated pages + tests/e2e/fixtures/host/ under /assets/
let hostDir;
let browser;

const csp = (toolOrigin, connect = '') =>
  `default-src 'self'; script-src 'self' ${toolOrigin} 'wasm-unsafe-eval'; connect-src 'self' ${toolOrigin}${connect ? ` ${connect}` : ''}; style-src 'self'; img-src 'self' data:`;

before(async () => {
  tool = await serveWww({ cors: true });
  wrongMime = await serveWww({ cors: true, wrongWasmMime: true });
  noCors = await serveWww({ cors: false });
  hostDir = mkdtempSync(path.join(tmpdir(), 'kcm-host-'));
  host = await startServer({
    root: hostDir,
    mounts: { '/assets/': hostAssets },
    // The CSP names the tool origin the page was written for (see writeHost).
    headers: (urlPath) => (urlPath.endsWith('.html') ? { 'Content-Security-Policy': csp(pageOrigins.get(urlPath) ?? tool.url, pageConnect.get(urlPath)) } : {}),
  });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await Promise.all([tool?.close(), wrongMime?.close(), noCors?.close(), host?.close()]);
  if (hostDir) rmSync(hostDir, { recursive: true, force: true });
});

const pageOrigins = new Map();
const pageConnect = new Map(); // more connect-src origins of a page

/** Writes a host page; `widget` is the element's markup, `script` whether the tag is in the page. */
function writeHost(name, { toolOrigin = tool.url, css = 'hostile.css', widget = '', script = true, loader = false, connect = '' } = {}) {
  const html = `<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Pemerintah Kabupaten Contoh</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/assets/${css}">
<script src="/assets/host.js"></script>
${loader ? `<script src="${toolOrigin}/widget/kota-cerdas-loader.js" async></script>` : script ? `<script type="module" src="${toolOrigin}/widget/kota-cerdas-widget.js"></script>` : ''}
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
  pageConnect.set(`/${name}.html`, connect);
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
async function finish(record, { toolUrl = tool.url, allow = [], also = [] } = {}) {
  try {
    assert.deepEqual(await violations(record.page), [], 'no CSP violation');
    assertNoConsoleErrors(record, { allow });
    assertOnlyLocalRequests(record);
    for (const { url } of record.requests) {
      const u = new URL(url);
      if (u.protocol === 'data:') continue;
      if (u.origin === host.url || also.includes(url)) continue;
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
    // The tool, opening the same masterplan (its URL in the fragment).
    assert.equal(await page.getAttribute(`${W} [part~=link]`, 'href'), `${tool.url}/index.html#src=${encodeURIComponent(`${host.url}/assets/masterplan.json`)}`);

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
    assert.equal(errors.missing.detail.code, 'not_found');
    assert.equal(errors.missing.detail.problems[0].code, 'not_found');
    assert.equal(errors.missing.detail.message.id, `Berkas masterplan tidak ditemukan (HTTP 404): ${host.url}/assets/nope.json`);
    assert.equal(errors.missing.detail.message.en, `The masterplan file was not found (HTTP 404): ${host.url}/assets/nope.json`);
    assert.equal(errors.broken.detail.code, 'not_masterplan');
    assert.ok(errors.broken.detail.problems.length >= 1);
    assert.ok(errors.broken.detail.problems.every((p) => p.message.id && p.message.en));
    assert.ok(errors.broken.detail.problems.some((p) => p.line >= 1));
    const missingText = await text(page, `#missing [part~=error]`);
    assert.match(missingText, /Kartu skor tidak dapat ditampilkan/);
    assert.match(missingText, /tidak ditemukan \(HTTP 404\)/);
    assert.match(missingText, /Untuk pengelola situs: Periksa alamat pada atribut src/);
    assert.match(missingText, /For the site administrator: Check the address/);
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

describe('issue 13: embeds that say what is wrong', () => {
  const PELITA = () => `${tool.url}/samples/kota-pelita-2024.json`;
  /** The default "full report" link of a widget whose src is `src`: the tool, with the masterplan in the fragment. */
  const deepLink = (src) => `${tool.url}/index.html#src=${encodeURIComponent(src)}`;
  const fallbackMarkup = `<p id="fb">Kartu skor smart city daerah ini tampil di sini. Bila tidak tampil, <a id="fb-link" href="${'TOOL'}/index.html">buka laporan lengkap</a>.</p>`;

  /** Every href in the host page and in every shadow root in it. */
  const allHrefs = (page) =>
    page.evaluate(() => {
      const out = [];
      const walk = (root) => {
        for (const el of root.querySelectorAll('*')) {
          // Links a visitor can follow (the host's own <link rel=icon href="data:,"> is not one).
          if (el.matches('a[href], area[href]')) out.push(el.getAttribute('href'), el.href);
          if (el.shadowRoot) walk(el.shadowRoot);
        }
      };
      walk(document);
      return out;
    });

  const errorsBy = async (page) => Object.fromEntries((await events(page)).filter((e) => e.type === 'kota-cerdas:error').map((e) => [e.target, e.detail]));

  test('no CORS on the tool server: the card says so, the event fires, the fallback link stays', async () => {
    const widget = `<${W} id="w" src="/assets/masterplan.json">${fallbackMarkup.replace('TOOL', noCors.url)}</${W}>`;
    // No script at all (a blocked origin): the element's own content shows.
    const bare = await open(writeHost('fallback-only', { css: 'plain.css', script: false, widget }));
    assert.ok(await bare.page.locator('#fb-link').isVisible());
    assert.match(await text(bare.page, '#fb'), /Bila tidak tampil/);
    await finish(bare);

    const url = writeHost('no-cors', { toolOrigin: noCors.url, loader: true, css: 'plain.css', widget });
    for (const [label, viewport] of [['desktop', DESKTOP], ['phone', PHONE]]) {
      const record = await open(url, { viewport });
      const { page } = record;
      await waitForEvents(page, 'kota-cerdas:error');
      const [e] = (await events(page)).filter((x) => x.type === 'kota-cerdas:error');
      assert.equal(e.target, 'w');
      assert.equal(e.bubbles && e.composed, true);
      assert.equal(e.detail.code, 'script_blocked');
      assert.equal(e.detail.src, `${host.url}/assets/masterplan.json`);
      assert.equal(e.detail.message.id, `Skrip kartu skor tidak dapat dimuat dari ${noCors.url}.`);
      assert.equal(e.detail.message.en, `The scorecard script could not be loaded from ${noCors.url}.`);
      assert.match(e.detail.hint.id, /^Server alat harus mengirim header Access-Control-Allow-Origin/);
      assert.match(e.detail.hint.en, /^The tool's server must send the Access-Control-Allow-Origin header/);
      const card = page.locator(`${W} [part~=error]`);
      assert.ok(await card.isVisible());
      assert.equal(await card.getAttribute('role'), 'alert');
      assert.equal(await card.getAttribute('data-code'), 'script_blocked');
      const shown = await card.innerText();
      assert.match(shown, /Kartu skor tidak dapat ditampilkan · The scorecard cannot be shown/);
      // Indonesian first, then English.
      assert.ok(shown.indexOf('Untuk pengelola situs:') < shown.indexOf('For the site administrator:'));
      assert.match(await text(page, `${W} [part~=hint]`), /Access-Control-Allow-Origin/);
      // The host's fallback link is still there, below the card.
      assert.ok(await page.locator('#fb-link').isVisible());
      assert.ok((await page.locator('#fb-link').boundingBox()).y > (await card.boundingBox()).y);
      const box = await card.boundingBox();
      assert.ok(box.width <= viewport.width, `the card fits ${viewport.width} px`);
      await screenshot(page, `widget-error-no-cors-${label}`);
      await finish(record, { toolUrl: noCors.url, allow: [/CORS policy/, /ERR_FAILED/] });
    }
  });

  test('each failure has its code, a bilingual message, a hint for the administrator and an event', async () => {
    writeFileSync(path.join(hostDir, 'bukan-json.html'), '<!doctype html><title>Login</title><p>Silakan masuk</p>\n');
    const url = writeHost('failures', {
      css: 'plain.css',
      connect: noCors.url,
      widget: [
        `<${W} id="not_found" src="/assets/nope.json"></${W}>`,
        `<${W} id="network" src="${noCors.url}/samples/kota-pelita-2024.json"></${W}>`,
        `<${W} id="html" src="/bukan-json.html"></${W}>`,
        `<${W} id="schema" src="/assets/broken.json"></${W}>`,
        `<${W} id="bad_src" src="http://["></${W}>`,
        `<${W} id="no_source"></${W}>`,
        // The server answers 400 to a NUL in the path.
        `<${W} id="http" src="/assets/x%00.json"></${W}>`,
      ].join('\n'),
    });
    const record = await open(url);
    const { page } = record;
    await waitForEvents(page, 'kota-cerdas:error', 7);
    const errors = await errorsBy(page);
    const want = { not_found: 'not_found', network: 'network', html: 'not_masterplan', schema: 'not_masterplan', bad_src: 'bad_src', no_source: 'no_source', http: 'http' };
    for (const [id, code] of Object.entries(want)) {
      const d = errors[id];
      assert.equal(d?.code, code, `#${id}`);
      for (const k of ['message', 'hint']) assert.ok(d[k].id && d[k].en && d[k].id !== d[k].en, `#${id} ${k} in both languages`);
      const card = page.locator(`#${id} [part~=error]`);
      assert.ok(await card.isVisible(), `#${id} card visible`);
      assert.equal(await card.getAttribute('data-code'), code);
      const shown = await card.innerText();
      assert.ok(shown.includes(d.message.id) && shown.includes(d.message.en), `#${id} shows both messages`);
      assert.ok(shown.includes(d.hint.id) && shown.includes(d.hint.en), `#${id} shows both hints`);
      assert.doesNotMatch(shown, /Failed to fetch|TypeError/);
    }
    assert.equal(errors.network.message.id, `Berkas masterplan tidak dapat diambil dari ${noCors.url}: server tidak mengizinkan akses lintas origin (CORS) atau tidak dapat dihubungi.`);
    assert.match(errors.network.hint.id, /harus mengirim header Access-Control-Allow-Origin/);
    assert.equal(errors.bad_src.message.id, 'Alamat pada atribut src tidak dapat dibaca sebagai URL: http://[');
    assert.equal(errors.bad_src.src, null);
    assert.equal(errors.http.message.en, `The server refused the masterplan file (HTTP 400): ${host.url}/assets/x%00.json`);
    // Not JSON (a login page) and the wrong schema: the engine's own problems are listed.
    assert.equal(errors.html.problems[0].code, 'not_json');
    assert.match(await text(page, '#html [part~=error]'), /halaman web \(HTML\)/);
    assert.ok(errors.schema.problems.some((p) => p.line >= 1));
    await screenshot(page, 'widget-error-kinds-desktop');
    await page.setViewportSize(PHONE);
    await screenshot(page, 'widget-error-kinds-phone');
    await finish(record, { allow: [/404 \(Not Found\).*nope\.json/, /400 \(Bad Request\)/, /CORS policy/, /ERR_FAILED/], also: [`${noCors.url}/samples/kota-pelita-2024.json`] });
  });

  test('engine error: the .wasm cannot be loaded', async () => {
    const url = writeHost('engine', { css: 'plain.css', widget: `<${W} id="w" src="/assets/masterplan.json"></${W}>` });
    const record = await openPage(browser, null, { contextOptions: { viewport: DESKTOP } });
    await record.context.route('**/*.wasm', (route) => route.abort('blockedbyclient'));
    await record.page.goto(url);
    await waitForEvents(record.page, 'kota-cerdas:error');
    const { w } = await errorsBy(record.page);
    assert.equal(w.code, 'engine');
    assert.match(w.message.id, /^Mesin penilai tidak dapat dijalankan/);
    assert.match(w.hint.id, /wasm-unsafe-eval/);
    assert.ok(await record.page.locator(`${W} [part~=error][data-code=engine]`).isVisible());
    await record.close();
  });

  test('an http src on an https page: "insecure", nothing fetched', async () => {
    const record = await openPage(browser, null, { contextOptions: { viewport: DESKTOP } });
    const hostJs = readFileSync(path.join(hostAssets, 'host.js'), 'utf8');
    // An https site (routed, no network), which also serves the tool's files under /alat/.
    const types = { '.js': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json' };
    await record.context.route('https://kabupaten.test/**', (route) => {
      const u = new URL(route.request().url());
      if (u.pathname === '/host.js') return route.fulfill({ contentType: 'text/javascript', body: hostJs });
      if (u.pathname.startsWith('/alat/')) {
        const file = path.join(repoRoot, 'www', u.pathname.slice('/alat/'.length));
        return route.fulfill({ contentType: types[path.extname(file)] ?? 'application/octet-stream', body: readFileSync(file) });
      }
      return route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>HTTPS</title><link rel="icon" href="data:,"><script src="/host.js"></script><script type="module" src="/alat/widget/kota-cerdas-widget.js"></script></head><body><${W} id="w" src="http://data.kabupaten.test/masterplan.json"></${W}></body></html>`,
      });
    });
    await record.page.goto('https://kabupaten.test/index.html');
    await waitForEvents(record.page, 'kota-cerdas:error');
    const { w } = await errorsBy(record.page);
    assert.equal(w.code, 'insecure');
    assert.equal(w.message.id, 'Halaman ini memakai HTTPS, tetapi berkas masterplan beralamat HTTP: peramban memblokirnya. http://data.kabupaten.test/masterplan.json');
    assert.ok(!record.requests.some((r) => r.url.startsWith('http://data.kabupaten.test')), 'the http file is never requested');
    assertNoConsoleErrors(record);
    await record.close();
  });

  test('report-url: only http(s), absolute or relative; javascript:/data:/vbscript:/“//host” never reach an href', async () => {
    const src = `${host.url}/assets/masterplan.json`;
    const bad = {
      js: 'javascript:alert(document.domain)',
      jsCase: ' JaVaScRiPt:alert(1)',
      jsTab: 'java&#9;script:alert(1)',
      data: 'data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;',
      vb: 'vbscript:msgbox(1)',
      proto: '//evil.example/laporan',
      protoBack: '/\\evil.example/laporan',
      unparsable: 'http://[',
    };
    const good = { rel: ['/laporan.html', `${host.url}/laporan.html`], abs: ['https://pemkab.example/laporan?tahun=2024', 'https://pemkab.example/laporan?tahun=2024'] };
    const widget = [
      ...Object.entries(bad).map(([id, v]) => `<${W} id="${id}" src="/assets/masterplan.json" report-url="${v}"></${W}>`),
      ...Object.entries(good).map(([id, [v]]) => `<${W} id="${id}" src="/assets/masterplan.json" report-url="${v}"></${W}>`),
      `<${W} id="plain" src="/assets/masterplan.json"></${W}>`,
    ].join('\n');
    const warnings = [];
    const record = await open(writeHost('report-url', { css: 'plain.css', widget }), { warnings });
    const { page } = record;
    const all = Object.keys(bad).length + Object.keys(good).length + 1;
    await waitForEvents(page, 'kota-cerdas:assessed', all);
    await waitForEvents(page, 'kota-cerdas:error', Object.keys(bad).length);
    const link = (id) => page.locator(`#${id} [part~=link]`).getAttribute('href');
    for (const id of Object.keys(bad)) {
      assert.equal(await link(id), deepLink(src), `#${id}: the default link`);
      assert.ok(await page.locator(`#${id} [part~=index]`).isVisible(), `#${id}: the card is shown`);
    }
    for (const [id, [, want]] of Object.entries(good)) assert.equal(await link(id), want, `#${id}`);
    assert.equal(await link('plain'), deepLink(src));
    const errors = await errorsBy(page);
    assert.deepEqual(Object.keys(errors).sort(), Object.keys(bad).sort());
    for (const d of Object.values(errors)) {
      assert.equal(d.code, 'bad_report_url');
      assert.match(d.message.id, /hanya alamat http\(s\) atau relatif/);
    }
    assert.equal(warnings.filter((w) => /report-url attribute was refused/.test(w)).length, Object.keys(bad).length);

    // A refused value set later never replaces the good card.
    await page.evaluate(() => document.getElementById('abs').setAttribute('report-url', 'javascript:alert(2)'));
    await waitForEvents(page, 'kota-cerdas:error', Object.keys(bad).length + 1);
    assert.ok(await page.locator('#abs [part~=index]').isVisible());
    assert.equal(await page.locator('#abs [part~=error]').count(), 0);
    assert.equal(await link('abs'), deepLink(src));

    const hrefs = await allHrefs(page);
    assert.ok(hrefs.length >= all);
    for (const href of hrefs) {
      assert.doesNotMatch(href, /^\s*(javascript|data|vbscript)\s*:/i, `an href: ${href}`);
      assert.doesNotMatch(href, /evil\.example/, `an href: ${href}`);
    }
    await finish(record);
  });

  test('"Lihat laporan lengkap" opens the tool showing the same masterplan', async () => {
    const url = writeHost('deep-link', { css: 'plain.css', widget: `<${W} id="w" src="${PELITA()}"></${W}>` });
    const record = await open(url);
    const { page } = record;
    await waitForEvents(page, 'kota-cerdas:assessed');
    assert.equal(await page.locator(`${W} [part~=link]`).getAttribute('href'), deepLink(PELITA()));
    await page.locator(`${W} [part~=link]`).click();
    await page.waitForURL(`${tool.url}/index.html#src=*`);
    await page.waitForFunction(() => document.getElementById('index-value')?.textContent === '3,70');
    assert.equal(await text(page, '#summary-h'), 'Kota Pelita');
    assert.match(await text(page, '#meta-file'), /kota-pelita-2024\.json/);
    assertNoConsoleErrors(record);
    await record.close();
  });

  test('a deep link the tool may not fetch: a clear message, nothing assessed', async () => {
    // Another origin over http: the tool's CSP allows only itself and https: origins.
    const record = await openPage(browser, `${tool.url}/index.html#src=${encodeURIComponent(`${host.url}/assets/masterplan.json`)}`);
    const { page } = record;
    await page.waitForSelector('#problems:not([hidden])');
    const shown = await text(page, '#problems');
    assert.match(shown, /Masterplan pada tautan tidak dapat diambil/);
    assert.match(shown, /Access-Control-Allow-Origin/);
    assert.equal(await page.locator('#summary').count() === 0 || !(await page.locator('#summary').isVisible()), true);
    // A javascript: URL in the fragment is refused before any fetch.
    await page.goto(`${tool.url}/index.html?x=1#src=${encodeURIComponent('javascript:alert(1)')}`);
    await page.waitForSelector('#problems:not([hidden])');
    assert.match(await text(page, '#problems'), /hanya alamat http\(s\) yang diterima/);
    assertNoConsoleErrors(record, { allow: [/Content Security Policy|Refused to connect/] });
    await record.close();
  });

  test('the full view lists findings a page at a time', async () => {
    const plan = JSON.parse(masterplanText);
    // 65 keys the format does not know: one warning each, each its own finding (the engine
    // groups repeated cases about programs per pillar, never input warnings).
    for (let i = 0; i < 65; i++) plan[`catatan_${String(i).padStart(2, '0')}`] = 'x';
    const total = pkg.assessText(JSON.stringify(plan), {}).findings.length;
    assert.ok(total > 60 && total < 80, `${total} findings`);
    const record = await open(writeHost('paging', { css: 'plain.css', widget: `<${W} id="w" view="full"></${W}>` }));
    const { page } = record;
    await page.waitForFunction(() => window.customElements.get('kota-cerdas-widget'));
    await page.evaluate((p) => {
      document.getElementById('w').masterplan = p;
    }, plan);
    await waitForEvents(page, 'kota-cerdas:assessed');
    const items = page.locator(`${W} ol.findings > li`);
    const more = page.locator(`${W} [part~=more]`);
    assert.equal(await items.count(), 20);
    assert.equal(await text(page, `${W} .shown`), `Menampilkan 20 dari ${total}`);
    assert.equal(await more.innerText(), 'Tampilkan 20 lagi');
    await more.click();
    assert.equal(await items.count(), 40);
    assert.equal(await page.evaluate(() => document.getElementById('w').shadowRoot.activeElement?.textContent), await items.nth(20).innerText());
    await more.click();
    assert.equal(await items.count(), 60);
    assert.equal(await more.innerText(), `Tampilkan ${total - 60} lagi`);
    await more.click();
    assert.equal(await items.count(), total);
    assert.equal(await more.isVisible(), false);
    assert.equal(await text(page, `${W} .shown`), `Menampilkan ${total} dari ${total}`);
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
