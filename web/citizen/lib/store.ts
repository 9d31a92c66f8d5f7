/**
 * Things the phone keeps between visits, in localStorage under one prefix: reference lists
 * (so a report can be drafted with no signal) and what the citizen last loaded (so it can be
 * read offline). Personal entries are dropped on sign-out.
 */
const PREFIX = 'civic-feedback.cache.';

export function remember(key: string, value: unknown) {
  try {
    localStorage.setItem(PREFIX + key, JSON.stringify(value));
  } catch {
    /* storage full or unavailable: the app still works online */
  }
}

export function recall<T>(key: string): T | undefined {
  try {
    const raw = localStorage.getItem(PREFIX + key);
    return raw === null ? undefined : (JSON.parse(raw) as T);
  } catch {
    return undefined;
  }
}

export function forget(key: string) {
  try {
    localStorage.removeItem(PREFIX + key);
  } catch {
    /* nothing kept */
  }
}

/** Forgets the caller's own data (tickets, inbox), keeping the public reference lists. */
export function forgetPersonal() {
  try {
    for (const k of Object.keys(localStorage)) if (k.startsWith(`${PREFIX}me.`)) localStorage.removeItem(k);
  } catch {
    /* nothing kept */
  }
}

export class Offline extends Error {
  constructor() {
    super('offline');
  }
}

/**
 * Network first, the kept copy when the network fails (or the phone says it is offline);
 * an API error (4xx/5xx) is thrown as the problem, never replaced by an old copy.
 */
export async function networkFirst<T>(key: string, load: () => Promise<{ data?: T; error?: unknown; response: Response }>): Promise<{ value: T; stale: boolean }> {
  const kept = recall<T>(key);
  if (typeof navigator !== 'undefined' && navigator.onLine === false) {
    if (kept !== undefined) return { value: kept, stale: true };
    throw new Offline();
  }
  let result: Awaited<ReturnType<typeof load>>;
  try {
    result = await load();
  } catch {
    if (kept !== undefined) return { value: kept, stale: true };
    throw new Offline();
  }
  if (result.error !== undefined || result.data === undefined) throw result.error ?? new Error(String(result.response.status));
  remember(key, result.data);
  return { value: result.data, stale: false };
}
