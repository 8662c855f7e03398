// The one engine client of the page, the batch view and the widget, and the only importer of
// pkg/ (besides wasm-bindgen's own files). It loads the wasm module once, answers the engine's
// plain calls, and runs assessments with LATEST-WINS:
//
//   const client = createClient();
//   const request = client.begin();            // numbered; every earlier request is superseded
//   const text = await readFile(file, { signal: request.signal });
//   const outcome = await request.assess(text);
//   if (outcome === SUPERSEDED) return;         // a newer request took over: show nothing, store nothing
//
// A superseded request never shows up late: its pending assessments resolve SUPERSEDED at once,
// a worker still busy with one is terminated (a fresh one starts when needed), and an
// assessment that was running on this thread is dropped when it returns. One request may carry
// many assessments (the batch view: one request per run over many files).
//
// RECOVERY: an engine call that fails other than with the engine's own Error (a trap such as
// `RuntimeError: unreachable`, the bilingual Error of a failed allocation, an out-of-memory
// RangeError …) may leave the wasm instance broken; the instance is then made anew
// (wasm-bindgen's __wbg_reset_state, generated with --experimental-reset-state-function) before
// the error is passed on, marked `recovered`, so the next file works. A worker whose engine
// failed that way is replaced too, and a worker that dies while assessing fails only that
// assessment (the others it held go to a fresh worker); what the page has on screen is never
// touched.
//
// MEMORY: wasm memory never shrinks, so an instance that calls (successes or the engine's own
// Error) left with more than KEEP_MEMORY is made anew once it has been idle for IDLE_MS
// (lib/wasm-instance.js): results are plain objects already, and the instance is back at its
// initial ~1 MiB. The same happens in each worker (it runs this module), so the page's worker
// and the batch view's slots return the memory of a large file too; an ordinary file never
// costs a reset, and large files back to back reuse the memory.
//
// Large texts are assessed in a module worker (lib/engine-worker.js) so the page stays
// responsive. Not from the single-file build (globalThis.KCM_INLINE: no worker starts from
// file://) nor when this module was loaded from another origin (a widget on a regency's site:
// a worker must come from the page's origin); then on this thread.

import init, * as pkg from '../pkg/kota_cerdas_mandiri.js';
import { memoryBytes as bytesOf, renew, returnMemory } from './wasm-instance.js';

/** Texts longer than this (characters, ≈ bytes) are assessed in a worker where one can run. */
export const WORKER_THRESHOLD = 1_000_000;

/** The outcome of an assessment whose request was superseded by a newer one. Ignore it. */
export const SUPERSEDED = Object.freeze({ superseded: true });

const WORKER_URL = new URL('./engine-worker.js', import.meta.url);

let ready;
let loaded = false;
/**
 * Initialises the wasm module once; every call returns the same promise.
 * The bytes are fetched here and handed to init, so a host that serves `.wasm` with the wrong
 * MIME type works without relying on instantiateStreaming's fallback (and without its warning).
 */
export function load() {
  ready ??= (async () => {
    const url = new URL('../pkg/kota_cerdas_mandiri_bg.wasm', import.meta.url);
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url.pathname}: HTTP ${response.status}`);
    await init({ module_or_path: await response.arrayBuffer() });
    loaded = true;
  })();
  ready.catch(() => {
    ready = undefined; // a failed load (network) may be retried
  });
  return ready;
}

/** The engine's version string. */
export async function version() {
  await load();
  return pkg.version();
}

/** The method presets (id, version, name, sources, weights, bands). */
export async function methods() {
  await load();
  return pkg.methods();
}

let vocab;
/** Every closed set of the format with its official labels (the engine's vocabularies()). */
export function vocabularies() {
  vocab ??= load().then(() => pkg.vocabularies());
  vocab.catch(() => {
    vocab = undefined;
  });
  return vocab;
}

/** The problems of a text or object (never throws on bad data). */
export async function validate(input, options = {}) {
  await load();
  return guarded(() => pkg.validate(input, options));
}

/** The engine's own Error (bad input): it carries the list of problems. The instance is fine. */
const engineError = (error) => Array.isArray(error?.problems) && error.problems.length > 0;

/**
 * Runs `call` on the engine. After a failure that is not the engine's own Error, makes a fresh
 * instance and rethrows the error marked `recovered` (false when no fresh instance could be
 * made: a package built without the reset function). After any other outcome, a fresh
 * instance follows when the calls leave the memory large (see MEMORY above).
 */
function guarded(call) {
  let out;
  try {
    out = call();
  } catch (error) {
    if (engineError(error)) {
      returnMemory(pkg);
      throw error;
    }
    const recovered = renew(pkg);
    if (!recovered) ready = undefined; // no fresh instance: load again next time
    const failure = error instanceof Error ? error : new Error(String(error));
    throw Object.assign(failure, { recovered, problems: [] });
  }
  returnMemory(pkg);
  return out;
}

/**
 * The bytes of wasm memory the engine instance of this thread holds now (0 before it is
 * loaded). A diagnostic for tests (tests/api/memory.test.mjs, tests/e2e/memory.test.mjs,
 * which also ask it of a worker); nothing on the page shows it.
 */
export function memoryBytes() {
  return loaded ? bytesOf(pkg) : 0;
}

/** Assesses on this thread, outside any request; throws the engine's Error (with `.problems`). */
export async function assessTextHere(text, options = {}) {
  await load();
  return guarded(() => pkg.assessText(text, options));
}

function workerAllowed() {
  if (globalThis.KCM_INLINE || typeof Worker === 'undefined') return false;
  return WORKER_URL.origin === globalThis.location?.origin;
}

function errorFrom(data) {
  return Object.assign(new Error(data.message), { problems: data.problems ?? [], recovered: Boolean(data.recovered) });
}

/**
 * A client with its own latest-wins line of requests (the page has one, each widget element
 * one, the batch view one).
 * @param {{ workers?: number, threshold?: number }} [options] `workers`: at most this many
 *   module workers (the batch view runs one per core); `threshold`: texts longer than this go
 *   to a worker (0: all of them).
 */
export function createClient({ workers = 1, threshold = WORKER_THRESHOLD } = {}) {
  let latest = 0; // the number of the newest request
  let nextJob = 0;
  let current = null;
  const slots = []; // { worker, jobs: Map<jobId, job> }

  /** Settles a job exactly once, as SUPERSEDED when its request is no longer the newest. */
  function settle(job, ok, value) {
    if (job.settled) return;
    job.settled = true;
    if (job.number !== latest) job.resolve(SUPERSEDED);
    else if (ok) job.resolve(value);
    else job.reject(value);
  }

  /** Takes `slot` out of service (its worker stops; a new one starts when needed). */
  function retire(slot) {
    slot.worker.terminate();
    const index = slots.indexOf(slot);
    if (index >= 0) slots.splice(index, 1);
  }

  function newSlot() {
    const slot = { worker: new Worker(WORKER_URL, { type: 'module' }), jobs: new Map(), started: false };
    slot.worker.addEventListener('message', ({ data }) => {
      if (data?.ready) {
        slot.started = true;
        return;
      }
      const job = slot.jobs.get(data.id);
      if (!job) return;
      slot.jobs.delete(data.id);
      if (data.ok) settle(job, true, { assessment: data.result, where: 'worker' });
      else settle(job, false, errorFrom(data.error));
      // An engine that failed in the worker: a fresh worker for what comes next (the worker
      // has made itself a fresh instance too; a fresh worker also returns all its memory).
      if (!data.ok && !data.error?.problems?.length) {
        retire(slot);
        for (const other of slot.jobs.values()) place(other);
        slot.jobs.clear();
      }
    });
    // A worker that cannot start (never said it is ready): its jobs run on this thread instead.
    // A worker that dies while assessing: that assessment fails (it may be what killed it), the
    // others it held go to a fresh worker.
    slot.worker.addEventListener('error', (event) => {
      event.preventDefault();
      retire(slot);
      const jobs = [...slot.jobs.values()];
      slot.jobs.clear();
      if (!slot.started) {
        for (const job of jobs) runHere(job);
        return;
      }
      const [first, ...rest] = jobs;
      if (first) settle(first, false, Object.assign(new Error(`engine worker stopped: ${event.message ?? ''}`.trim()), { problems: [], recovered: true }));
      for (const job of rest) place(job);
    });
    slots.push(slot);
    return slot;
  }

  /** Gives `job` to a worker (see freeSlot). */
  function place(job) {
    if (job.number !== latest) return settle(job, true);
    const slot = freeSlot();
    slot.jobs.set(job.id, job);
    slot.worker.postMessage({ id: job.id, text: job.text, options: job.options });
  }

  function runHere(job) {
    if (job.number !== latest) return settle(job, true);
    assessTextHere(job.text, job.options).then(
      (assessment) => settle(job, true, { assessment, where: 'main' }),
      (error) => settle(job, false, error),
    );
  }

  function freeSlot() {
    const idle = slots.find((s) => s.jobs.size === 0);
    if (idle) return idle;
    if (slots.length < workers) return newSlot();
    return slots.reduce((a, b) => (b.jobs.size < a.jobs.size ? b : a));
  }

  /** Supersedes every earlier request: pending jobs resolve SUPERSEDED, busy workers stop. */
  function supersede() {
    current?.abort();
    for (const slot of [...slots]) {
      if (!slot.jobs.size) continue;
      slot.worker.terminate();
      slots.splice(slots.indexOf(slot), 1);
      for (const job of slot.jobs.values()) settle(job, true);
      slot.jobs.clear();
    }
  }

  return {
    /** How many workers run now (the batch view reports it). */
    get workers() {
      return slots.length;
    },
    /**
     * Starts a new request; every earlier one is superseded.
     * @returns {{ number: number, signal: AbortSignal, readonly superseded: boolean,
     *   assess: (text: string, options?: object) => Promise<{assessment: object, where: 'worker'|'main'} | typeof SUPERSEDED> }}
     */
    begin() {
      const number = ++latest;
      const controller = new AbortController();
      supersede();
      current = { abort: () => controller.abort(new DOMException('A newer request took over.', 'AbortError')) };
      return {
        number,
        signal: controller.signal,
        get superseded() {
          return number !== latest;
        },
        /**
         * Assesses `text`; resolves the assessment (and where it ran), SUPERSEDED when a newer
         * request began meanwhile; rejects with the engine's Error (`.problems`) otherwise.
         */
        assess(text, options = {}) {
          return new Promise((resolve, reject) => {
            const job = { id: ++nextJob, number, text, options, resolve, reject, settled: false };
            if (number !== latest) return settle(job, true);
            if (text.length > threshold && workerAllowed()) {
              place(job);
            } else {
              runHere(job);
            }
          });
        },
      };
    },
  };
}
