// Shared helpers for the browser end-to-end tests: Debian's Chromium driven by playwright-core,
// pages served from www/ by scripts/serve.mjs on a free port, and a record of everything the
// page logged and fetched so each test can assert "no errors, no request leaves this machine".

import { after, before } from 'node:test';
import { readFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '../..');
export const wwwDir = path.join(repoRoot, 'www');
export const fixturesDir = path.join(here, 'fixtures');
export const artifactsDir = path.join(here, 'artifacts');
/** URL prefix under which serveWww() serves tests/e2e/fixtures/ (test-only pages). */
export const FIXTURES_PREFIX = '/__e2e__/';

/** The engine version the built package must report: the one in Cargo.toml. */
export const cargoVersion = readFileSync(path.join(repoRoot, 'Cargo.toml'), 'utf8').match(
  /^version\s*=\s*"([^"]+)"/m,
)[1];

/**
 * Chromium flags for tests, shared with wasm-bindgen-test through webdriver.json so the two
 * browser layers cannot drift. The host-resolver rule stops Chromium's own look-ups of Google
 * hosts, which the other flags do not.
 */
export const chromiumArgs = JSON.parse(readFileSync(path.join(repoRoot, 'webdriver.json'), 'utf8'))[
  'goog:chromeOptions'
].args;

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
// Schemes that never touch the network.
const LOCAL_SCHEMES = new Set(['data:', 'blob:', 'about:']);

/** Launches headless Debian Chromium (`npx playwright install` cannot download browsers here). */
export async function launchBrowser(options = {}) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: chromiumArgs,
    ...options,
  });
}

/**
 * Serves www/ (and tests/e2e/fixtures/ under FIXTURES_PREFIX) on 127.0.0.1, a free port.
 * Options go to startServer (cors, wrongWasmMime, headers, root).
 * @returns {Promise<{url: string, port: number, close: () => Promise<void>}>}
 */
export async function serveWww(options = {}) {
  return startServer({
    root: wwwDir,
    port: 0,
    ...options,
    mounts: { [FIXTURES_PREFIX]: fixturesDir, ...options.mounts },
  });
}

/**
 * Opens `url` in a fresh context and records console errors, page errors and every request.
 * Requests to any host other than 127.0.0.1/localhost are aborted (so nothing leaves the
 * machine even when a test forgets to assert) and recorded in `blocked`.
 *
 * @returns {Promise<{page, context, consoleErrors: string[], pageErrors: Error[],
 *   requests: {url: string, method: string, resourceType: string}[], blocked: string[],
 *   close: () => Promise<void>}>}
 */
export async function openPage(browser, url, { contextOptions = {}, waitUntil = 'load' } = {}) {
  const context = await browser.newContext(contextOptions);
  const record = { context, consoleErrors: [], pageErrors: [], requests: [], blocked: [] };

  await context.route('**/*', (route) => {
    const requestUrl = route.request().url();
    if (isLocal(requestUrl)) return route.continue();
    record.blocked.push(requestUrl);
    return route.abort('blockedbyclient');
  });
  context.on('request', (request) => {
    record.requests.push({
      url: request.url(),
      method: request.method(),
      resourceType: request.resourceType(),
    });
  });

  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') {
      const where = message.location();
      record.consoleErrors.push(`${message.text()}${where?.url ? ` (${where.url}:${where.lineNumber})` : ''}`);
    }
  });
  page.on('pageerror', (error) => record.pageErrors.push(error));

  record.page = page;
  record.close = () => context.close();
  if (url) await page.goto(url, { waitUntil });
  return record;
}

function isLocal(requestUrl) {
  const { protocol, hostname } = new URL(requestUrl);
  if (LOCAL_SCHEMES.has(protocol)) return true;
  return (protocol === 'http:' || protocol === 'https:' || protocol === 'ws:') && LOCAL_HOSTS.has(hostname);
}

/**
 * Throws when the page logged a console error or threw an uncaught error.
 * @param {{consoleErrors: string[], pageErrors: Error[]}} record from openPage
 * @param {{allow?: RegExp[]}} [options] console messages that are expected
 */
export function assertNoConsoleErrors(record, { allow = [] } = {}) {
  const unexpected = record.consoleErrors.filter((text) => !allow.some((re) => re.test(text)));
  const problems = [
    ...unexpected.map((text) => `console.error: ${text}`),
    ...record.pageErrors.map((error) => `page error: ${error.stack ?? error.message ?? error}`),
  ];
  if (problems.length) throw new Error(`the page reported errors:\n  ${problems.join('\n  ')}`);
}

/** Throws when the page tried to reach any host other than 127.0.0.1/localhost. */
export function assertOnlyLocalRequests(record) {
  const remote = [...new Set([...record.blocked, ...record.requests.map((r) => r.url).filter((u) => !isLocal(u))])];
  if (remote.length) throw new Error(`the page requested other hosts:\n  ${remote.join('\n  ')}`);
}

/** Saves a full-page PNG to tests/e2e/artifacts/NAME.png (gitignored) and returns its path. */
export async function screenshot(page, name) {
  mkdirSync(artifactsDir, { recursive: true });
  const file = path.join(artifactsDir, `${name.replace(/[^\w.-]+/g, '_')}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * One browser and one server of www/ for a test file, started before its tests and closed
 * after them (node:test hooks registered here). `open()` shows the page the way a person
 * meets it: the File System Access picker hidden so downloads use <a download>, downloads
 * accepted, ready when the page says so. `finish(record)` asserts no console error and no
 * request to another host, then closes the context.
 *
 * @param {object} [serverOptions] for serveWww
 */
export function useTool(serverOptions = {}) {
  const tool = { server: null, browser: null };
  before(async () => {
    tool.server = await serveWww(serverOptions);
    tool.browser = await launchBrowser();
  });
  after(async () => {
    await tool.browser?.close();
    await tool.server?.close();
  });
  tool.open = async ({ viewport = { width: 1280, height: 900 }, contextOptions = {}, at = '/' } = {}) => {
    const record = await openPage(tool.browser, null, { contextOptions: { viewport, acceptDownloads: true, ...contextOptions } });
    await record.page.addInitScript(() => {
      delete window.showSaveFilePicker;
    });
    await record.page.goto(`${tool.server.url}${at}`);
    await record.page.waitForSelector('body[data-ready="true"]');
    return record;
  };
  tool.finish = finish;
  return tool;
}

/** Asserts no console error and no request to another host, then closes the page's context. */
export async function finish(record, options) {
  try {
    assertNoConsoleErrors(record, options);
    assertOnlyLocalRequests(record);
  } finally {
    await record.close();
  }
}

/**
 * Gives a file through the page's file input and waits until the page has handled it (its
 * status line changed and it is no longer busy). `file` is a name with `buffer`, or without
 * `buffer` anything `setInputFiles` takes (a path on disk).
 */
export async function giveFile(page, file, buffer, { mimeType = 'application/json', timeout = 120_000 } = {}) {
  const before = await page.evaluate(() => document.getElementById('status').textContent);
  await page.setInputFiles('#file', buffer === undefined ? file : { name: file, mimeType, buffer });
  await page.waitForFunction(
    (prev) => document.getElementById('status').textContent !== prev && document.body.dataset.busy === 'false',
    before,
    { timeout },
  );
}
