// Module worker: assesses large masterplans off the main thread through engine.js.

import { assessTextHere } from './engine.js';

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
