/**
 * The one way a test waits for an effect that happens on its own — a scheduled job, a cache
 * refreshing, an upload processed on arrival: the assertion is retried until it holds or the
 * time is up (then its last failure is the test's). Never a sleep: a sleep either wastes time
 * or, on a loaded machine, is too short. Stream consumers have their own barrier,
 * `api.streams.drain()`, which returns once the stream has gone quiet.
 */
import { vi } from 'vitest';

export function eventually<T>(assertion: () => T | Promise<T>, { timeout = 10_000, interval = 50 }: { timeout?: number; interval?: number } = {}): Promise<T> {
  return vi.waitFor(assertion, { timeout, interval });
}
