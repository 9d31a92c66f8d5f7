/** A promise face on the one IndexedDB store the app needs (the outbox): small enough not to want a library. */
const DB = 'civic-feedback';
const STORE = 'outbox';

let opened: Promise<IDBDatabase> | undefined;

function db(): Promise<IDBDatabase> {
  opened ??= new Promise((ok, fail) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'key' });
    req.onsuccess = () => ok(req.result);
    req.onerror = () => fail(req.error);
  });
  return opened;
}

function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return db().then(
    (d) =>
      new Promise<T>((ok, fail) => {
        const tx = d.transaction(STORE, mode);
        const req = work(tx.objectStore(STORE));
        tx.oncomplete = () => ok(req.result);
        tx.onerror = () => fail(tx.error);
        tx.onabort = () => fail(tx.error);
      }),
  );
}

export const outboxStore = {
  all: <T>() => run<T[]>('readonly', (s) => s.getAll() as IDBRequest<T[]>),
  put: (value: unknown) => run('readwrite', (s) => s.put(value)),
  delete: (key: string) => run('readwrite', (s) => s.delete(key)),
};
