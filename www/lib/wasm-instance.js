// The life of a wasm-bindgen instance, shared by lib/engine-client.js and lib/compare-client.js
// (both packages are generated with --experimental-reset-state-function).
//
// Wasm memory only grows: one 19 MB file leaves an instance with 100–180 MiB for the rest of
// the session. wasm-bindgen's __wbg_reset_state makes a new WebAssembly.Instance of the
// compiled module, and with it a new WebAssembly.Memory of the module's initial size (the
// module defines its memory, it does not import it); the glue keeps no view of the old one, so
// the old memory is collected. A client makes its instance anew
// - after a call that failed other than with the engine's own Error (a trap, out of memory):
//   the instance may be broken;
// - after a call that left the memory over KEEP_MEMORY, once the call has returned: a result
//   is a plain JavaScript object (parsed from the engine's JSON text), nothing of it lives in
//   wasm memory, so it survives the reset whole.

/**
 * An instance holding more wasm memory than this after a call is made anew. The sample needs
 * 3 MiB, a masterplan of 5 000 programs (1.7 MB) 11 MiB, 10 000 programs (3.4 MB) 19 MiB; the
 * largest files (17–20 MB) 80–180 MiB. Ordinary files never cost a reset; a file of about
 * 7 MB or more (20 000 programs: 34 MiB) returns its memory, and the next such file grows it
 * again (≈ 0.5 ms for the new instance, ≈ 7 % of that file's time; see BENCHMARKS.md).
 */
export const KEEP_MEMORY = 32 * 1024 * 1024;

/**
 * The bytes of wasm memory of `glue`'s current instance (`glue`: a wasm-bindgen package,
 * already initialised). The generated initSync() returns the current instance's exports when
 * there is one, the one made by __wbg_reset_state included (tests/api/memory.test.mjs).
 */
export const memoryBytes = (glue) => glue.initSync().memory.buffer.byteLength;

/** Makes `glue`'s instance anew; false when it cannot (a package without the reset function, or a failed instantiation). */
export function renew(glue) {
  if (typeof glue.__wbg_reset_state !== 'function') return false;
  try {
    glue.__wbg_reset_state();
    return true;
  } catch {
    return false;
  }
}

/**
 * Makes `glue`'s instance anew when a call left its memory over KEEP_MEMORY. Never throws: it
 * runs after a call whose result the caller still has to return.
 */
export function returnMemory(glue) {
  try {
    if (memoryBytes(glue) > KEEP_MEMORY) renew(glue);
  } catch {
    // The instance answered; it is kept as it is.
  }
}
