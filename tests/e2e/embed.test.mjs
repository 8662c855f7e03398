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
import { assertNoConsoleErrors, assertOnlyLocalRequests, launchBrowser, openPage, screenshot, serveWww } from './harness.mjs';

let tool;
let host;
let hostDir;
let browser;

before(async () => {
  tool = await serveWww();
  hostDir = mkdtempSync(path.join(tmpdir(), 'kcm-iframe-host-'));
  host = await startServer({ root: hostDir });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await Promise.all([tool?.close(), host?.close()]);
  if (hostDir) rmSync(hostDir, { recursive: true, force: true });
});

async function finish(record) {
  try {
    assertNoConsoleErrors(record);
    assertOnlyLocalRequests(record);
  } finally {
    await record.close();
  }
}

/** The iframe snippet exactly as embed.html shows it (with this tool's origin filled in). */
async function publishedSnippet() {
  const record = await openPage(browser, `${tool.url}/embed.html`);
  await record.page.waitForSelector('body[data-ready="true"]');
  const snippet = await record.page.locator('#code-iframe').textContent();
  await finish(record);
  return snippet;
}

describe('the iframe embed', () => {
  test('the host snippet sizes the frame from its messages; other origins are ignored', async () => {
    const snippet = await publishedSnippet();
    assert.ok(snippet.includes(`event.origin !== '${tool.url}'`), 'the snippet checks the tool origin');
    assert.match(snippet, /sandbox="allow-scripts allow-same-origin allow-downloads"/);
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
});

describe('embed.html', () => {
  test('snippets with this origin and the exact CSP lines; preview; theming playground', async () => {
    const record = await openPage(browser, `${tool.url}/embed.html`, { contextOptions: { viewport: { width: 1280, height: 900 } } });
    const { page } = record;
    await page.waitForSelector('body[data-ready="true"]');
    assert.equal(await page.getAttribute('html', 'lang'), 'id');
    assert.equal(
      await page.locator('#code-widget').textContent(),
      `<script type="module" src="${tool.url}/widget/kota-cerdas-widget.js"></script>\n<kota-cerdas-widget src="${tool.url}/samples/kota-pelita-2024.json" lang="id"></kota-cerdas-widget>`,
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
