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

/**
 * What kind of file `bytes` are when they are plainly not a masterplan, or null: a Word or
 * PowerPoint document (a zip holding word/ or ppt/), a PDF, a picture. Only a guess from the
 * first bytes (a zip's first entries are named near its start), so the message can say what
 * the file is and what to choose instead; everything else goes to the readers as before.
 * @param {Uint8Array} bytes
 * @returns {'word'|'powerpoint'|'pdf'|'image'|null}
 */
export function otherDocument(bytes) {
  const head = (n) => String.fromCharCode(...bytes.subarray(0, n));
  if (head(5) === '%PDF-') return 'pdf';
  if (head(4) === '\x89PNG' || (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) || head(4) === 'GIF8') return 'image';
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) return null;
  const start = new TextDecoder('latin1').decode(bytes.subarray(0, 65536));
  if (/(^|[^\w])word\/(document|styles|_rels)/.test(start) && !start.includes('xl/')) return 'word';
  if (/(^|[^\w])ppt\/(presentation|slides|_rels)/.test(start) && !start.includes('xl/')) return 'powerpoint';
  return null;
}
