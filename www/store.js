// The last session (input text, file name, method) kept in IndexedDB so a reload restores it;
// localStorage is too small for real masterplans. forget() removes everything.

const DB = 'kota-cerdas-mandiri';
const STORE = 'session';
const KEY = 'last';

function open() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function run(mode, work) {
  const db = await open();
  try {
    return await new Promise((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const result = work(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(result?.result);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

/** Saves {text, fileName, method, assessment, savedAt}. */
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
