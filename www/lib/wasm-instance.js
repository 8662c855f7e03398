// The life of a wasm-bindgen instance, shared by lib/engine-client.js, lib/compare-client.js
// and lib/workbook-client.js (their packages are generated with
// --experimental-reset-state-function).
//
// Wasm memory only grows: one 17 MB file leaves an instance with 110 MiB for the rest of the
// session. wasm-bindgen's __wbg_reset_state makes a new WebAssembly.Instance of the compiled
// module, and with it a new WebAssembly.Memory of the module's initial size (the module defines
// its memory, it does not import it); the glue keeps no view of the old one, so the old memory
// is collected (tests/api/memory.test.mjs). A client makes its instance anew
// - at once, after a call that failed other than with the engine's own Error (a trap, out of
//   memory): the instance may be broken;
// - IDLE_MS after the last call, when the calls left the memory over KEEP_MEMORY. Results are
//   plain JavaScript objects (parsed from the engine's JSON text) and strings: nothing of them
//   lives in wasm memory, so they survive the reset whole. Calls run to completion on their
//   thread, so a reset never falls inside one.

/**
 * An instance holding more wasm memory than this after its calls is made anew. The sample
 * needs 3 MiB, a masterplan of 5 000 programs (1.7 MB) 11 MiB, 10 000 programs (3.4 MB)
 * 19 MiB; the largest files (17–20 MB) 80–180 MiB. Ordinary files never cost a reset; after a
 * file of about 7 MB or more (20 000 programs: 34 MiB) the memory is returned.
 */
export const KEEP_MEMORY = 32 * 1024 * 1024;

/**
 * How long an instance left large waits, idle, before it is made anew: large files that come
 * one after another (a batch run, the editor re-scoring a large draft on each pause in typing)
 * reuse the grown memory instead of growing a fresh instance each time (the next large file
 * on a fresh instance takes 8–35 % longer; BENCHMARKS.md).
 */
export const IDLE_MS = 2000;

/**
 * The bytes of wasm memory of `glue`'s current instance (`glue`: a wasm-bindgen package,
 * already initialised). The generated initSync() returns the current instance's exports when
 * there is one, the one made by __wbg_reset_state included (tests/api/memory.test.mjs).
 */
export const memoryBytes = (glue) => glue.initSync().memory.buffer.byteLength;

const timers = new Map(); // glue → the pending reset

/** Makes `glue`'s instance anew now; false when it cannot (a package without the reset function, or a failed instantiation). */
export function renew(glue) {
  clearTimeout(timers.get(glue));
  timers.delete(glue);
  if (typeof glue.__wbg_reset_state !== 'function') return false;
  try {
    glue.__wbg_reset_state();
    return true;
  } catch {
    return false;
  }
}

/**
 * After each call: when `glue`'s memory is over KEEP_MEMORY, makes the instance anew IDLE_MS
 * after this call unless another call comes first (each call starts the wait again). Never
 * throws: it runs after a call whose result the caller still has to return.
 */
export function returnMemory(glue) {
  try {
    if (memoryBytes(glue) <= KEEP_MEMORY) return;
    clearTimeout(timers.get(glue));
    const timer = setTimeout(() => {
      timers.delete(glue);
      try {
        if (memoryBytes(glue) > KEEP_MEMORY) renew(glue);
      } catch {
        // The instance stays as it is.
      }
    }, IDLE_MS);
    timer?.unref?.(); // Node: a pending reset keeps no process alive
    timers.set(glue, timer);
  } catch {
    // The instance answered; it is kept as it is.
  }
}
