// Module worker of lib/engine-client.js: assesses one text per message, off the page's thread.
// Protocol: out { ready: true } once this module runs (the client then knows a later 'error'
// is a crash, not a worker that could not start); in { id, text, options }; out { id, ok: true,
// result } or { id, ok: false, error: { message, problems, recovered } } (`problems` empty and
// `recovered` set when the engine failed other than on the input: the client then replaces
// this worker).

import { assessTextHere } from './engine-client.js';

self.addEventListener('message', async ({ data }) => {
  const { id, text, options } = data;
  try {
    const result = await assessTextHere(text, options);
    self.postMessage({ id, ok: true, result });
  } catch (error) {
    self.postMessage({
      id,
      ok: false,
      error: { message: String(error?.message ?? error), problems: error?.problems ?? [], recovered: Boolean(error?.recovered) },
    });
  }
});

self.postMessage({ ready: true });
