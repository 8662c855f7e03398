// The only door to the comparison module (www/pkg-compare/, crates/compare-wasm): compare(),
// rank(), rankingCsv() and exportCsv(), computed by the engine. Imported on first use by
// compare.html, the batch view and the page's CSV download, so the page's first view, the
// widget and the core module never load it (the single-file build inlines it, evaluated on
// first use like the workbook module).
// A failed call makes the instance anew before the next one (issue 14: a module that trapped,
// or ran out of memory, is never reused): wasm-bindgen's __wbg_reset_state, generated with
// --experimental-reset-state-function (`make build-compare`), as lib/engine-client.js does.
// So do calls that left the memory large, once idle (lib/wasm-instance.js): the comparison of
// two 17 MB files grows it to 110 MiB, a CSV or ranking of a 50 000-program assessment to 77 MiB.

import { memoryBytes as bytesOf, renew, returnMemory } from './wasm-instance.js';

let ready;
let api;

/** Loads and instantiates the module once (again after a failed load). */
export function load() {
  ready ??= (async () => {
    const mod = await import('../pkg-compare/kota_cerdas_compare_wasm.js');
    const url = new URL('../pkg-compare/kota_cerdas_compare_wasm_bg.wasm', import.meta.url);
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url.pathname}: HTTP ${response.status}`);
    const module = await WebAssembly.compile(await response.arrayBuffer());
    mod.initSync({ module });
    api = mod;
  })();
  ready.catch(() => {
    ready = undefined;
  });
  return ready;
}

async function call(name, ...args) {
  await load();
  let out;
  try {
    out = api[name](...args);
  } catch (error) {
    // An engine Error carries `problems` (bad data: the instance is fine). Anything else (a
    // trap, out of memory) retires the instance: a fresh one before the next call.
    if (Array.isArray(error?.problems)) returnMemory(api);
    else if (!renew(api)) ready = undefined;
    throw error;
  }
  returnMemory(api);
  return out;
}

/** The bytes of wasm memory the comparison instance holds now (0 before it is loaded); for tests. */
export const memoryBytes = () => (api ? bytesOf(api) : 0);

/** What changed between two files of one region (see README, comparison.schema.json). */
export const compare = (before, after, options = {}) => call('compare', before, after, options);
/** The batch ranking of `[{ name, sha256?, assessment?, error? }]` (ranking.schema.json). */
export const rank = (entries) => call('rank', entries);
/** The ranking as CSV, `{ locale: 'id' | 'en' }`. */
export const rankingCsv = (entries, options) => call('rankingCsv', entries, options);
/** An assessment as CSV for people, `{ locale: 'id' | 'en' }` (the page's CSV download). */
export const exportCsv = (assessment, options = {}) => call('exportCsv', assessment, options);
