// The page's own guard on file size, shared by the page and the batch view. The engine refuses
// a masterplan over 20 MB (spec §2) with a located message; this only keeps files that cannot
// be one at all from being read into memory.

import { fill, loadStrings } from './strings.js';

/**
 * A masterplan is at most 20 MB; its downloaded assessment adds the results to it. A file over
 * this size is neither (a video or an archive picked by mistake) and is refused unread.
 */
export const MAX_READ = 64 * 1024 * 1024;

/**
 * The problem for a file refused by its size alone, in both languages, from the locale files.
 * A problem of the whole file: no line.
 */
export async function tooLarge(file) {
  const [id, en] = await Promise.all([loadStrings('id'), loadStrings('en')]);
  const vars = { size: Math.round(file.size / (1024 * 1024)) };
  return { severity: 'error', code: 'file_too_large', path: '', message: { id: fill(id['problems.tooLarge'], vars), en: fill(en['problems.tooLarge'], vars) } };
}
