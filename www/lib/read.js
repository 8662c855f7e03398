// Reading a chosen or dropped file into bytes or text for the engine: the size guard first (limits.js),
// large files in chunks with progress, and a decoding that KEEPS the byte-order mark, so the
// engine's input hash matches `sha256sum` of the file.

import { MAX_READ, tooLarge } from './limits.js';

/** Files larger than this (bytes) are read in chunks, reporting progress. */
export const LARGE_READ = 2_000_000;

/** UTF-8 bytes → text, byte-order mark kept. */
export function decode(buffer) {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(buffer);
}

/**
 * The text of `file`. Throws an Error with `problems` (one, bilingual) when the file is over
 * MAX_READ, and the signal's reason when `signal` aborts (a newer request took over).
 * @param {File|Blob} file
 * @param {{ onProgress?: (percent: number) => void, signal?: AbortSignal }} [options]
 */
export async function readFile(file, options = {}) {
  return decode(await readBytes(file, options));
}

/**
 * The bytes of `file` (same guard, progress and abort as readFile): the page looks at them
 * before deciding whether they are a workbook or text.
 * @param {File|Blob} file
 * @param {{ onProgress?: (percent: number) => void, signal?: AbortSignal }} [options]
 * @returns {Promise<Uint8Array>}
 */
export async function readBytes(file, { onProgress, signal } = {}) {
  signal?.throwIfAborted();
  if (file.size > MAX_READ) {
    const problem = await tooLarge(file);
    throw Object.assign(new Error(`${problem.message.id} / ${problem.message.en}`), { problems: [problem] });
  }
  if (file.size <= LARGE_READ || !file.stream) {
    const buffer = await file.arrayBuffer();
    signal?.throwIfAborted();
    return new Uint8Array(buffer);
  }
  const reader = file.stream().getReader();
  const chunks = [];
  let loaded = 0;
  try {
    for (;;) {
      signal?.throwIfAborted();
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      loaded += value.byteLength;
      onProgress?.(Math.round((100 * loaded) / file.size));
    }
  } catch (error) {
    reader.cancel().catch(() => {});
    throw error;
  }
  signal?.throwIfAborted();
  const all = new Uint8Array(loaded);
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.byteLength;
  }
  return all;
}
