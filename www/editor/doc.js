// The masterplan being edited, with undo and redo. Every change is a list of `set` operations
// on JSON Pointers ({ at, before, after }); undo applies the befores in reverse order, redo the
// afters. Values are never copied: a removed array or object is kept as it was, which is sound
// because undo and redo run strictly in stack order (by the time an older entry is undone, every
// later change to the objects it shares has been undone too).
//
// Typing in one field makes one entry, not one per keystroke: changes to the same field within
// COALESCE_MS (and nothing else in between) are merged.
//
// The history is kept with the draft (see `history`): IndexedDB stores a record with the
// structured-clone algorithm, which keeps shared objects shared within one record, so a
// masterplan and its history saved together come back with the same sharing, and undo works
// after a reload as before it.

import { get, set } from './pointer.js';

const COALESCE_MS = 1200;

/** Two lists of the same texts (a list field retyped to what it was is no change). */
function sameList(a, b) {
  return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => typeof x !== 'object' && Object.is(x, b[i]));
}
const MAX_HISTORY = 500;

/**
 * @param {object} masterplan edited in place
 * @param {(change: { ops: object[], kind: 'edit'|'undo'|'redo' }) => void} onChange
 * @param {{ past?: object[], future?: object[] }} [saved] the history kept with a draft,
 *   stored in the same record as `masterplan` (so the objects they share are shared again)
 */
export function createDoc(masterplan, onChange = () => {}, saved = {}) {
  const past = restored(saved?.past);
  const future = restored(saved?.future);
  let version = 0;

  function apply(ops, which) {
    for (const op of which === 'before' ? [...ops].reverse() : ops) set(masterplan, op.at, op[which]);
  }

  /**
   * A set under a missing object becomes a set of that object, built whole, so undo removes it
   * again instead of leaving an empty one behind (which would not be the same file).
   */
  function rooted(path, value) {
    let at = masterplan;
    for (let i = 0; i < path.length - 1; i++) {
      const next = at[path[i]];
      if (next === null || typeof next !== 'object') {
        if (value === undefined) return [path, value];
        let whole = value;
        for (let j = path.length - 1; j > i; j--) whole = { [path[j]]: whole };
        return [path.slice(0, i + 1), whole];
      }
      at = next;
    }
    return [path, value];
  }

  return {
    masterplan,
    get version() {
      return version;
    },
    get canUndo() {
      return past.length > 0;
    },
    get canRedo() {
      return future.length > 0;
    },
    /** What undo and redo can still do, to keep with the draft (the same objects, not copies). */
    get history() {
      return { past, future };
    },
    /** The value at segments. */
    get: (at) => get(masterplan, at),
    /**
     * One change made of several sets ([segments, value] pairs), undone as one. `merge`: a
     * key; consecutive changes with the same key within COALESCE_MS become one entry.
     */
    change(pairs, { merge = null } = {}) {
      const ops = [];
      for (const [path, value] of pairs) {
        const [at, whole] = rooted(path, value);
        const before = get(masterplan, at);
        if (Object.is(before, value) || sameList(before, whole)) continue;
        set(masterplan, at, whole);
        ops.push({ at, before, after: whole });
      }
      if (!ops.length) return false;
      const now = Date.now();
      const last = past[past.length - 1];
      if (merge && last?.merge === merge && now - last.time < COALESCE_MS) {
        // Same field again: keep the first before, take the new after.
        for (const op of ops) {
          const same = last.ops.find((o) => o.at.join('/') === op.at.join('/'));
          if (same) same.after = op.after;
          else last.ops.push(op);
        }
        last.time = now;
      } else {
        past.push({ ops, merge, time: now });
        if (past.length > MAX_HISTORY) past.shift();
      }
      future.length = 0;
      version++;
      onChange({ ops, kind: 'edit' });
      return true;
    },
    /** Ends the current merge (the person left the field): the next change is a new entry. */
    seal() {
      const last = past[past.length - 1];
      if (last) last.merge = null;
    },
    undo() {
      const entry = past.pop();
      if (!entry) return null;
      apply(entry.ops, 'before');
      future.push(entry);
      version++;
      onChange({ ops: entry.ops, kind: 'undo' });
      return entry;
    },
    redo() {
      const entry = future.pop();
      if (!entry) return null;
      apply(entry.ops, 'after');
      past.push(entry);
      version++;
      onChange({ ops: entry.ops, kind: 'redo' });
      return entry;
    },
  };
}

/** A saved history, with only well-formed entries and no typing merge carried over a reload. */
function restored(entries) {
  if (!Array.isArray(entries)) return [];
  return entries
    .filter((e) => Array.isArray(e?.ops) && e.ops.length && e.ops.every((op) => Array.isArray(op?.at) && op.at.length))
    .slice(-MAX_HISTORY)
    .map((e) => ({ ops: e.ops, merge: null, time: 0 }));
}
