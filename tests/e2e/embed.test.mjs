// The iframe embed (www/embed/) on a host page of another origin, using the exact snippet that
// embed.html publishes: the frame reports its height, the host's script sets it, and messages
// from any other origin are ignored. Also embed.html itself: snippets with this origin and the
// exact CSP lines, the live preview, and the theming playground.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer } from '../../scripts/serve.mjs';
import { assertNoConsoleErrors, finish, launchBrowser, openPage, screenshot, serveWww } from './harness.mjs';

let tool;
let noCors; // the tool's files from a server that sends no CORS header
let host;
let hostDir;
let browser;

before(async () => {
  tool = await serveWww();
  noCors = await serveWww({ cors: false });
  hostDir = mkdtempSync(path.join(tmpdir(), 'kcm-iframe-host-'));
  host = await startServer({ root: hostDir });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await Promise.all([tool?.close(), noCors?.close(), host?.close()]);
  if (hostDir) rmSync(hostDir, { recursive: true, force: true });
});

/** The iframe snippet exactly as embed.html shows it (with this tool's origin filled in). */
async function publishedSnippet(id = 'code-iframe', server = tool) {
  const record = await openPage(browser, `${server.url}/embed.html`);
  await record.page.waitForSelector('body[data-ready="true"]');
  const snippet = await record.page.locator(`#${id}`).textContent();
  await finish(record);
  return snippet;
}

describe('the iframe embed', () => {
  test('the host snippet sizes the frame from its messages; other origins are ignored', async () => {
    const snippet = await publishedSnippet();
    assert.ok(snippet.includes(`event.origin !== '${tool.url}'`), 'the snippet checks the tool origin');
    assert.match(snippet, /sandbox="allow-scripts allow-same-origin allow-downloads allow-popups allow-popups-to-escape-sandbox"/);
    assert.match(snippet, /title="Kartu skor smart city"/);
    writeFileSync(
      path.join(hostDir, 'iframe.html'),
      `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Host</title><link rel="icon" href="data:,"></head>
<body><h1>Kabupaten Contoh</h1>\n${snippet}\n<p id="after">Setelah kartu skor.</p></body></html>\n`,
    );
    const record = await openPage(browser, `${host.url}/iframe.html`, { contextOptions: { viewport: { width: 1100, height: 900 } } });
    const { page } = record;
    const frameEl = page.locator('iframe[data-kota-cerdas]');
    // The snippet's starting height; the frame may report its own before this line runs.
    assert.match(snippet, /height="640"/);

    // The frame renders the widget and the host sets the height it reports.
    const frame = page.frameLocator('iframe[data-kota-cerdas]');
    await frame.locator('kota-cerdas-widget [part~=index] data').waitFor();
    assert.equal(await frame.locator('kota-cerdas-widget [part~=index] data').innerText(), '3,70');
    const inner = () => page.frames().find((f) => f.url().startsWith(`${tool.url}/embed/`));
    const contentHeight = () => inner().evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
    // The frame reports each height it takes (loading, then results): wait until the host has
    // applied the one the content has now. Fails if they never agree.
    const agreed = async () => {
      let frameHeight;
      let content;
      for (let i = 0; i < 100; i++) {
        [frameHeight, content] = [Number(await frameEl.first().getAttribute('height')), await contentHeight()];
        if (frameHeight === content) return frameHeight;
        await page.waitForTimeout(50);
      }
      assert.fail(`the frame stayed ${frameHeight} px high for content of ${content} px`);
    };
    assert.notEqual(await agreed(), 640);
    await screenshot(page, 'iframe-summary-desktop');

    // It follows the content: the full view is taller.
    const before = Number(await frameEl.getAttribute('height'));
    await inner().evaluate(() => document.querySelector('kota-cerdas-widget').setAttribute('view', 'full'));
    await page.waitForFunction((h) => Number(document.querySelector('iframe[data-kota-cerdas]').height) > h, before);
    assert.ok((await agreed()) > before);

    // A message of the right shape from the host's own origin (not the tool's) is ignored.
    const now = await frameEl.getAttribute('height');
    await page.evaluate(() => window.postMessage({ type: 'kota-cerdas:height', height: 4321 }, '*'));
    // And from a frame of the host's origin.
    await page.evaluate(() => {
      const f = document.createElement('iframe');
      f.setAttribute('data-kota-cerdas', '');
      f.srcdoc = '<p>evil</p>';
      document.body.append(f);
      return new Promise((resolve) => f.addEventListener('load', () => {
        f.contentWindow.parent.postMessage({ type: 'kota-cerdas:height', height: 9999 }, '*');
        resolve();
      }));
    });
    await page.waitForTimeout(300);
    assert.equal(await frameEl.first().getAttribute('height'), now);
    assert.notEqual(await page.locator('iframe[data-kota-cerdas]').nth(1).getAttribute('height'), '9999');
    await finish(record);
  });

  test('"Lihat laporan lengkap" opens the tool in a new tab, outside the sandbox; the frame stays', async () => {
    const snippet = await publishedSnippet();
    writeFileSync(
      path.join(hostDir, 'iframe-link.html'),
      `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Host</title><link rel="icon" href="data:,"></head>
<body><h1>Kabupaten Contoh</h1>\n${snippet}\n</body></html>\n`,
    );
    const record = await openPage(browser, `${host.url}/iframe-link.html`, { contextOptions: { viewport: { width: 1100, height: 900 } } });
    const { page, context } = record;
    const frame = page.frameLocator('iframe[data-kota-cerdas]');
    await frame.locator('kota-cerdas-widget [part~=index] data').waitFor();
    const link = frame.locator('kota-cerdas-widget [part~=link]');
    assert.match(await link.innerText(), /^Lihat laporan lengkap/);
    const pelita = `${tool.url}/samples/kota-pelita-2024.json`;
    const [tab] = await Promise.all([context.waitForEvent('page'), link.click()]);
    await tab.waitForLoadState();
    assert.equal(tab.url(), `${tool.url}/index.html#src=${encodeURIComponent(pelita)}`);
    // The tool, whole: it opens the same masterplan.
    await tab.waitForSelector('body[data-ready="true"]');
    await tab.waitForFunction(() => document.getElementById('index-value')?.textContent === '3,70');
    // Outside the sandbox: a sandboxed page (no allow-modals) may not show a dialog.
    const dialogs = [];
    tab.on('dialog', (dialog) => {
      dialogs.push(dialog.type());
      dialog.dismiss();
    });
    await tab.evaluate(() => window.confirm('?'));
    assert.deepEqual(dialogs, ['confirm']);
    // The host page and its frame stay where they were.
    assert.equal(page.url(), `${host.url}/iframe-link.html`);
    assert.ok(page.frames().some((f) => f.url().startsWith(`${tool.url}/embed/`)));
    assert.equal(await frame.locator('kota-cerdas-widget [part~=index] data').innerText(), '3,70');
    await finish(record);
  });

  test('a host with the snippet from before 2026-12 (no allow-popups): the link opens the report in the frame, not nothing', async () => {
    const snippet = (await publishedSnippet()).replace(' allow-popups allow-popups-to-escape-sandbox', '');
    assert.match(snippet, /sandbox="allow-scripts allow-same-origin allow-downloads"/);
    writeFileSync(
      path.join(hostDir, 'iframe-old.html'),
      `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Host</title><link rel="icon" href="data:,"></head>
<body><h1>Kabupaten Contoh</h1>\n${snippet}\n</body></html>\n`,
    );
    const record = await openPage(browser, `${host.url}/iframe-old.html`, { contextOptions: { viewport: { width: 1100, height: 900 } } });
    const { page, context } = record;
    const pages = [];
    context.on('page', (p) => pages.push(p));
    const frameLocator = page.frameLocator('iframe[data-kota-cerdas]');
    await frameLocator.locator('kota-cerdas-widget [part~=index] data').waitFor();
    await frameLocator.locator('kota-cerdas-widget [part~=link]').click();
    const pelita = `${tool.url}/samples/kota-pelita-2024.json`;
    const full = `${tool.url}/index.html#src=${encodeURIComponent(pelita)}`;
    const frame = await (async () => {
      for (let i = 0; i < 100; i += 1) {
        const found = page.frames().find((f) => f.url() === full);
        if (found) return found;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return null;
    })();
    assert.ok(frame, `the frame navigated to ${full}; frames: ${page.frames().map((f) => f.url()).join(', ')}`);
    await frame.waitForFunction(() => document.getElementById('index-value')?.textContent === '3,70');
    assert.equal(pages.length, 0, 'no new tab');
    assert.equal(page.url(), `${host.url}/iframe-old.html`);
    // Chromium reports the refused new tab on the console; nothing else may be there.
    await finish(record, { allow: [/Blocked opening .* sandboxed frame/] });
  });
});

describe('issue 13: the published snippets never fail silently', () => {
  // A classic script on the host that records the widget's events.
  const RECORDER = `window.__events = [];
for (const type of ['kota-cerdas:assessed', 'kota-cerdas:error']) document.addEventListener(type, (e) => window.__events.push({ type, code: e.detail.code ?? null }));\n`;
  const hostPage = (name, snippet) => {
    writeFileSync(path.join(hostDir, 'rec.js'), RECORDER);
    writeFileSync(
      path.join(hostDir, `${name}.html`),
      `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Host</title><link rel="icon" href="data:,"><script src="rec.js"></script></head>
<body><h1>Kabupaten Contoh</h1>\n${snippet}\n</body></html>\n`,
    );
    return `${host.url}/${name}.html`;
  };

  test('the widget snippet from a tool server without CORS: an error card, the event, the fallback link', async () => {
    // The snippet exactly as embed.html on that server publishes it.
    const snippet = await publishedSnippet('code-widget', noCors);
    const pelita = `${noCors.url}/samples/kota-pelita-2024.json`;
    assert.ok(snippet.startsWith(`<script src="${noCors.url}/widget/kota-cerdas-loader.js" async></script>`));
    for (const [label, viewport] of [['desktop', { width: 1100, height: 900 }], ['phone', { width: 390, height: 844 }]]) {
      const record = await openPage(browser, hostPage('snippet-no-cors', snippet), { contextOptions: { viewport } });
      const { page } = record;
      await page.waitForFunction(() => window.__events.length > 0);
      assert.deepEqual(await page.evaluate(() => window.__events), [{ type: 'kota-cerdas:error', code: 'script_blocked' }]);
      const card = page.locator('kota-cerdas-widget [part~=error]');
      assert.ok(await card.isVisible());
      assert.match(await card.innerText(), /Server alat harus mengirim header Access-Control-Allow-Origin/);
      // The snippet's own fallback: a sentence and a link to the tool with the same masterplan.
      const fallback = page.locator('kota-cerdas-widget > p a');
      assert.ok(await fallback.isVisible());
      assert.equal(await fallback.getAttribute('href'), `${noCors.url}/index.html#src=${encodeURIComponent(pelita)}`);
      await screenshot(page, `snippet-no-cors-${label}`);
      assertNoConsoleErrors(record, { allow: [/CORS policy/, /ERR_FAILED/] });
      await record.close();
    }
    // The same snippet from this tool's default server (CORS on): the card, the fallback hidden.
    const good = await publishedSnippet('code-widget');
    const record = await openPage(browser, hostPage('snippet-cors', good));
    const { page } = record;
    await page.locator('kota-cerdas-widget [part~=index] data').waitFor();
    assert.equal(await page.locator('kota-cerdas-widget [part~=index] data').innerText(), '3,70');
    assert.equal(await page.locator('kota-cerdas-widget > p').isVisible(), false);
    assert.deepEqual(await page.evaluate(() => window.__events), [{ type: 'kota-cerdas:assessed', code: null }]);
    await finish(record);
  });

  test('the iframe with a masterplan its CSP may not fetch (http, another origin): a bilingual error card, no "Failed to fetch"', async () => {
    const src = `${noCors.url}/samples/kota-pelita-2024.json`;
    const record = await openPage(browser, `${tool.url}/embed/?src=${encodeURIComponent(src)}&lang=id`, { contextOptions: { viewport: { width: 390, height: 844 } } });
    const { page } = record;
    const card = page.locator('kota-cerdas-widget [part~=error]');
    await card.waitFor();
    // The frame's CSP allows its own origin and https: only.
    assert.equal(await card.getAttribute('data-code'), 'csp');
    const shown = await card.innerText();
    assert.match(shown, new RegExp(`Content-Security-Policy halaman ini tidak mengizinkan mengambil berkas masterplan dari ${noCors.url}`));
    assert.match(shown, /This page's Content-Security-Policy does not allow/);
    assert.match(shown, /Tambahkan http:\/\/127\.0\.0\.1:\d+ pada connect-src/);
    assert.doesNotMatch(shown, /Failed to fetch/);
    await screenshot(page, 'iframe-error-phone');
    assertNoConsoleErrors(record, { allow: [/Content Security Policy/] });
    await record.close();
  });
});

describe('embed.html', () => {
  test('snippets with this origin and the exact CSP lines; preview; theming playground', async () => {
    const record = await openPage(browser, `${tool.url}/embed.html`, { contextOptions: { viewport: { width: 1280, height: 900 } } });
    const { page } = record;
    await page.waitForSelector('body[data-ready="true"]');
    assert.equal(await page.getAttribute('html', 'lang'), 'id');
    const pelita = `${tool.url}/samples/kota-pelita-2024.json`;
    assert.equal(
      await page.locator('#code-widget').textContent(),
      `<script src="${tool.url}/widget/kota-cerdas-loader.js" async></script>\n<kota-cerdas-widget src="${pelita}" lang="id">\n` +
        `  <p>Kartu skor smart city daerah ini (penilaian mandiri) tampil di sini. Bila tidak tampil, <a href="${tool.url}/index.html#src=${encodeURIComponent(pelita)}">buka laporan lengkap di alat Kota Cerdas Mandiri</a>.</p>\n</kota-cerdas-widget>`,
    );
    assert.equal(await page.locator('#code-csp').textContent(), `script-src 'self' ${tool.url} 'wasm-unsafe-eval';\nconnect-src 'self' ${tool.url};`);
    assert.match(await page.locator('#code-cors').textContent(), /Access-Control-Allow-Origin/);

    const index = page.locator('#preview [part~=index] data');
    await index.waitFor();
    assert.equal(await index.innerText(), '3,70');

    // Theming: the playground's colour reaches the shadow DOM through the custom property.
    await page.locator('#pg-accent').fill('#aa0055');
    await page.waitForFunction(() => getComputedStyle(document.getElementById('preview').shadowRoot.querySelector('[part~=index]')).backgroundColor === 'rgb(170, 0, 85)');
    assert.match(await page.locator('#code-theme').textContent(), /--kota-cerdas-accent: #aa0055;/);
    // Choices flow into the preview and the snippets.
    await page.selectOption('#pg-lang', 'en');
    await page.selectOption('#pg-method', 'kominfo-sleman');
    await page.waitForFunction(() => document.getElementById('preview').shadowRoot.querySelector('[part~=index] data')?.textContent === '3.69');
    assert.match(await page.locator('#code-widget').textContent(), /lang="en" method="kominfo-sleman"/);
    assert.match(await page.locator('#code-iframe').textContent(), /method=kominfo-sleman/);
    await screenshot(page, 'embed-page-desktop');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'embed-page-phone');
    await finish(record);
  });
});
