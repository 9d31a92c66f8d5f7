/**
 * Every report goes through the outbox: it is written to IndexedDB with the Idempotency-Key
 * made when the draft began, then sent — now if there is a connection, else when it returns
 * (the `online` event, Background Sync's wake-up from the service worker, or the next open).
 * A retry after a timeout sends the same key and the same body (photos are uploaded once and
 * their upload ids kept), so the API returns the ticket it already made instead of a second one.
 */
import { signal } from '@preact/signals';
import { api, problemText, type Schemas } from '../../shared/api/client';
import { session } from '../../shared/auth/session';
import { retryable, sendPhoto } from '../../shared/api/photo-upload';
import { outboxStore } from './idb';

export type NewReport = Omit<Schemas['CreateTicket'], 'attachments'>;
export type Ticket = Schemas['Ticket'];

export interface OutboxEntry {
  /** The Idempotency-Key, made with the draft. */
  key: string;
  createdAt: string;
  body: NewReport;
  /** Already shrunk (shared/api/photo-upload.ts), so the phone keeps and sends small files. */
  photos: Blob[];
  /** Upload ids of the photos sent so far, by index: kept so a retry never uploads twice. */
  uploadIds: (string | undefined)[];
  state: 'waiting' | 'sending' | 'failed';
  /** failed: the API's reason (a 4xx); waiting: why the last try did not get through. */
  error?: string;
  attempts: number;
}

/** What is waiting on the phone, newest first: the home and "my reports" show it. */
export const outbox = signal<OutboxEntry[]>([]);
/** Tickets the outbox delivered in this session, by key: the report screen shows the reply. */
export const delivered = signal<Record<string, Ticket>>({});

const TIMEOUT_MS = 20_000;
const TRIES = 3;

async function refresh() {
  const all = await outboxStore.all<OutboxEntry>();
  outbox.value = all.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

export async function loadOutbox() {
  await refresh();
}

class Refused extends Error {}

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

async function uploadOne(blob: Blob): Promise<string> {
  try {
    return (await sendPhoto(blob, 'ticket', { timeoutMs: TIMEOUT_MS })).id;
  } catch (e) {
    throw retryable(e) ? e : new Refused((e as Error).message);
  }
}

async function deliver(entry: OutboxEntry): Promise<Ticket> {
  for (const [i, blob] of entry.photos.entries()) {
    if (entry.uploadIds[i]) continue;
    entry.uploadIds[i] = await uploadOne(blob);
    await outboxStore.put(entry);
  }
  const attachments = entry.uploadIds.filter((id): id is string => !!id).map((uploadId) => ({ uploadId }));
  const { data, error, response } = await api.POST('/v1/tickets', {
    params: { header: { 'idempotency-key': entry.key } },
    body: { ...entry.body, ...(attachments.length ? { attachments } : {}) },
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  if (data) return data;
  if (response.status >= 500 || response.status === 429) throw new Error(problemText(error));
  throw new Refused(problemText(error));
}

const inFlight = new Set<string>();

/** Tries one entry now (a few times, backing off); resolves with the ticket once it is filed. */
export async function send(key: string): Promise<Ticket | undefined> {
  if (inFlight.has(key) || !session.value) return undefined;
  // Claimed before the first await: the `online` event and the service worker's sync wake-up
  // come together, and two sends that both passed the check would post the report twice.
  inFlight.add(key);
  try {
    const entry = (await outboxStore.all<OutboxEntry>()).find((e) => e.key === key);
    if (!entry || entry.state === 'failed') return undefined;
    entry.state = 'sending';
    await outboxStore.put(entry);
    await refresh();
    for (let attempt = 1; ; attempt++) {
      entry.attempts++;
      try {
        const ticket = await deliver(entry);
        await outboxStore.delete(key);
        delivered.value = { ...delivered.value, [key]: ticket };
        return ticket;
      } catch (e) {
        if (e instanceof Refused) {
          Object.assign(entry, { state: 'failed', error: e.message });
          await outboxStore.put(entry);
          return undefined;
        }
        entry.error = e instanceof Error ? e.message : String(e);
        if (attempt >= TRIES || navigator.onLine === false) {
          entry.state = 'waiting';
          await outboxStore.put(entry);
          return undefined;
        }
        await sleep(500 * 2 ** attempt);
      }
    }
  } finally {
    inFlight.delete(key);
    await refresh();
  }
}

/** Keeps a report on the phone and sends it if it can. */
export async function enqueue(key: string, body: NewReport, photos: Blob[]): Promise<Ticket | undefined> {
  const entry: OutboxEntry = { key, createdAt: new Date().toISOString(), body, photos, uploadIds: photos.map(() => undefined), state: 'waiting', attempts: 0 };
  await outboxStore.put(entry);
  await refresh();
  if (navigator.onLine === false) {
    void askForBackgroundSync();
    return undefined;
  }
  return send(key);
}

/** Sends everything waiting (on open, on `online`, on the service worker's sync wake-up). */
export async function flush() {
  if (navigator.onLine === false) return;
  const waiting = (await outboxStore.all<OutboxEntry>()).filter((e) => e.state !== 'failed');
  for (const e of waiting) await send(e.key);
}

export async function discard(key: string) {
  await outboxStore.delete(key);
  await refresh();
}

async function askForBackgroundSync() {
  try {
    const reg = (await navigator.serviceWorker?.ready) as (ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }) | undefined;
    await reg?.sync?.register('outbox');
  } catch {
    /* no Background Sync here: the online event and the next open send it */
  }
}

/** Wires the triggers once, at start. */
export function startOutbox() {
  void loadOutbox().then(flush);
  window.addEventListener('online', () => void flush());
  navigator.serviceWorker?.addEventListener('message', (event: MessageEvent<{ type?: string }>) => {
    if (event.data?.type === 'flush-outbox') void flush();
  });
}
