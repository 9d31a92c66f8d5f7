/**
 * A promise face on the app's IndexedDB stores, small enough not to want a library: the outbox
 * (reports waiting to be sent) and the draft's photos (blobs do not fit in localStorage, where
 * the rest of the draft is kept).
 */
const DB = 'civic-feedback';
type StoreName = 'outbox' | 'draft-photos';

let opened: Promise<IDBDatabase> | undefined;

function db(): Promise<IDBDatabase> {
  opened ??= new Promise((ok, fail) => {
    const req = indexedDB.open(DB, 2);
    // Version 1 had the outbox only: each store is created when missing, so both old and new phones upgrade.
    req.onupgradeneeded = () => {
      for (const name of ['outbox', 'draft-photos'] as const) if (!req.result.objectStoreNames.contains(name)) req.result.createObjectStore(name, { keyPath: 'key' });
    };
    req.onsuccess = () => ok(req.result);
    req.onerror = () => fail(req.error);
  });
  return opened;
}

function run<T>(name: StoreName, mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return db().then(
    (d) =>
      new Promise<T>((ok, fail) => {
        const tx = d.transaction(name, mode);
        const req = work(tx.objectStore(name));
        tx.oncomplete = () => ok(req.result);
        tx.onerror = () => fail(tx.error);
        tx.onabort = () => fail(tx.error);
      }),
  );
}

const storeOf = (name: StoreName) => ({
  all: <T>() => run<T[]>(name, 'readonly', (s) => s.getAll() as IDBRequest<T[]>),
  get: <T>(key: string) => run<T | undefined>(name, 'readonly', (s) => s.get(key) as IDBRequest<T | undefined>),
  put: (value: unknown) => run(name, 'readwrite', (s) => s.put(value)),
  delete: (key: string) => run(name, 'readwrite', (s) => s.delete(key)),
});

export const outboxStore = storeOf('outbox');
export const draftPhotoStore = storeOf('draft-photos');
