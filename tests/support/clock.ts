/**
 * The one test clock: the `Clock` port, set and moved by the test. Without a start it follows
 * the wall clock until `set`, so a file can pin time for the tests that assert exact instants
 * and leave the rest as they were; `follow()` hands it back to the wall clock.
 */
import type { Clock } from '../../shared/app/ports.js';

export interface TestClock extends Clock {
  set(at: Date | string): void;
  advance(ms: number): void;
  follow(): void;
}

export function testClock(start?: Date | string): TestClock {
  let at: number | undefined = start === undefined ? undefined : new Date(start).getTime();
  return {
    now: () => new Date(at ?? Date.now()),
    set: (to) => void (at = new Date(to).getTime()),
    advance: (ms) => void (at = (at ?? Date.now()) + ms),
    follow: () => void (at = undefined),
  };
}
