// The only door to the comparison module (www/pkg-compare/, crates/compare-wasm): compare(),
// rank() and rankingCsv(), computed by the engine. Imported on first use by compare.html and
// the batch view, so the single-file page, the widget and the core module never load it.
// A failed call re-creates the instance on the next one (issue 14: a module that trapped, or
// ran out of memory, is never reused).

let ready;
let api;
let generation = 0;

/** Loads and instantiates the module once (again after a failure). */
export function load() {
  ready ??= (async () => {
    // The glue keeps its instance in module scope: a retired instance needs a fresh copy of
    // the glue, imported under another URL.
    const glue = '../pkg-compare/kota_cerdas_compare_wasm.js';
    const mod = await import(generation++ ? `${glue}?instance=${generation}` : glue);
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
  try {
    return api[name](...args);
  } catch (error) {
    // An engine Error carries `problems` (bad data: the instance is fine). Anything else (a
    // trap, out of memory) retires the instance: the next call builds a new one.
    if (!Array.isArray(error?.problems)) ready = undefined;
    throw error;
  }
}

/** What changed between two files of one region (see README, comparison.schema.json). */
export const compare = (before, after, options = {}) => call('compare', before, after, options);
/** The batch ranking of `[{ name, sha256?, assessment?, error? }]` (ranking.schema.json). */
export const rank = (entries) => call('rank', entries);
/** The ranking as CSV, `{ locale: 'id' | 'en' }`. */
export const rankingCsv = (entries, options) => call('rankingCsv', entries, options);
