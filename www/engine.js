// The only importer of pkg/: lazy one-time init of the wasm engine, and assessText off the
// main thread (in engine-worker.js) for large files so the page stays responsive.
// Used by the page and by the embeddable widget (widget/), which may load it from another origin.

import init, * as pkg from './pkg/kota_cerdas_mandiri.js';

/** Texts longer than this (characters, ≈ bytes) are assessed in a module worker. */
export const WORKER_THRESHOLD = 1_000_000;

let ready;
/**
 * Initialises the wasm module once; every call returns the same promise.
 * The bytes are fetched here and handed to init, so a host that serves `.wasm` with the wrong
 * MIME type works without relying on instantiateStreaming's fallback (and without its warning).
 */
export function load() {
  ready ??= (async () => {
    const url = new URL('./pkg/kota_cerdas_mandiri_bg.wasm', import.meta.url);
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url.pathname}: HTTP ${response.status}`);
    await init({ module_or_path: await response.arrayBuffer() });
  })();
  return ready;
}

export async function version() {
  await load();
  return pkg.version();
}

export async function methods() {
  await load();
  return pkg.methods();
}

export async function validate(input, options = {}) {
  await load();
  return pkg.validate(input, options);
}

export async function exportCsv(assessment, options = {}) {
  await load();
  return pkg.exportCsv(assessment, options);
}

/** Assesses on this thread; throws the engine's Error (with `.problems`). */
export async function assessTextHere(text, options = {}) {
  await load();
  return pkg.assessText(text, options);
}

let worker;
let nextId = 1;
const pending = new Map();

function getWorker() {
  if (worker) return worker;
  worker = new Worker(new URL('./engine-worker.js', import.meta.url), { type: 'module' });
  worker.addEventListener('message', ({ data }) => {
    const job = pending.get(data.id);
    if (!job) return;
    pending.delete(data.id);
    if (data.ok) job.resolve(data.result);
    else {
      const error = new Error(data.error.message);
      error.problems = data.error.problems;
      job.reject(error);
    }
  });
  worker.addEventListener('error', (event) => {
    for (const job of pending.values()) job.reject(new Error(event.message || 'worker failed'));
    pending.clear();
    worker = undefined;
  });
  return worker;
}

/**
 * Assesses the raw file text: in the worker when the text is large, here otherwise.
 * @returns {Promise<{assessment: object, where: 'worker'|'main'}>}
 */
export async function assessText(text, options = {}) {
  // The single-file build (globalThis.KCM_INLINE, see scripts/dist.mjs) may run from file://,
  // where no worker can start: it assesses on this thread whatever the size.
  if (text.length <= WORKER_THRESHOLD || globalThis.KCM_INLINE) {
    return { assessment: await assessTextHere(text, options), where: 'main' };
  }
  const id = nextId++;
  const result = new Promise((resolve, reject) => pending.set(id, { resolve, reject }));
  getWorker().postMessage({ id, text, options });
  return { assessment: await result, where: 'worker' };
}
