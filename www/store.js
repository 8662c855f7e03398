// What the page keeps on this device, in IndexedDB (localStorage is too small for real
// masterplans): the last session (input text, file name, method), so a reload restores it, and
// the editor's drafts (www/editor/), several at once, each a masterplan being edited. The two
// live in separate databases so the session's stays as it was (version 1). forget() removes the
// session, forgetDrafts() every draft.

const DB = 'kota-cerdas-mandiri';
const STORE = 'session';
const KEY = 'last';
const DRAFT_DB = 'kota-cerdas-mandiri-drafts';
const DRAFTS = 'drafts';

function open(name = DB) {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, 1);
    request.onupgradeneeded = () => {
      if (name === DB) request.result.createObjectStore(STORE);
      else request.result.createObjectStore(DRAFTS, { keyPath: 'id' });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function run(mode, work, name = DB, storeName = STORE) {
  const db = await open(name);
  try {
    return await new Promise((resolve, reject) => {
      const tx = db.transaction(storeName, mode);
      const result = work(tx.objectStore(storeName));
      tx.oncomplete = () => resolve(result?.result);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

/** Saves {text, fileName, method, draftId?, savedAt}. */
export function save(session) {
  return run('readwrite', (store) => store.put(session, KEY));
}

/** The saved session, or undefined. */
export function load() {
  return run('readonly', (store) => store.get(KEY));
}

/** Removes the saved session. */
export function forget() {
  return run('readwrite', (store) => store.delete(KEY));
}

const drafts = (mode, work) => run(mode, work, DRAFT_DB, DRAFTS);

/**
 * Saves a draft: `{ id, masterplan, history, fileName, unsaved, createdAt, savedAt }` (the
 * masterplan is a plain object; `history`: the editor's undo/redo entries, which share objects
 * with the masterplan — one record keeps that sharing; `unsaved`: changed since it was last
 * written to a file).
 */
export function saveDraft(draft) {
  return drafts('readwrite', (store) => store.put(draft));
}

/** One draft by id, or undefined. */
export function loadDraft(id) {
  return drafts('readonly', (store) => store.get(id));
}

/** Every draft (with its masterplan), in no particular order. */
export function listDrafts() {
  return drafts('readonly', (store) => store.getAll());
}

/** Removes one draft. */
export function deleteDraft(id) {
  return drafts('readwrite', (store) => store.delete(id));
}

/** Removes every draft. */
export function forgetDrafts() {
  return drafts('readwrite', (store) => store.clear());
}
