// Smoke test of the build pipeline: the wasm package in www/pkg/, after wasm-bindgen and
// wasm-opt, loads in real Chromium over HTTP and answers version() with Cargo.toml's version.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  FIXTURES_PREFIX,
  assertNoConsoleErrors,
  assertOnlyLocalRequests,
  cargoVersion,
  launchBrowser,
  openPage,
  serveWww,
} from './harness.mjs';

let server;
let browser;

before(async () => {
  server = await serveWww();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('the optimized wasm package loads and reports the Cargo.toml version', async () => {
  const record = await openPage(browser, `${server.url}${FIXTURES_PREFIX}blank.html`);
  try {
    const version = await record.page.evaluate(async () => {
      const engine = await import('/pkg/kota_cerdas_mandiri.js');
      await engine.default();
      return engine.version();
    });
    assert.equal(version, cargoVersion);

    const wasm = record.requests.filter((r) => r.url.endsWith('/pkg/kota_cerdas_mandiri_bg.wasm'));
    assert.equal(wasm.length, 1, 'the .wasm is fetched exactly once');
    assertNoConsoleErrors(record);
    assertOnlyLocalRequests(record);
  } finally {
    await record.close();
  }
});
