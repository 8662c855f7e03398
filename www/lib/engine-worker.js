// Module worker of lib/engine-client.js: assesses one text per message, off the page's thread.
// Protocol: in { id, text, options }; out { id, ok: true, result } or { id, ok: false, error:
// { message, problems } }.

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
      error: { message: String(error?.message ?? error), problems: error?.problems ?? [] },
    });
  }
});
