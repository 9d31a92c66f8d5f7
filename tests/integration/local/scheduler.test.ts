import { beforeAll, describe, expect, it, vi } from 'vitest';
import { startScheduler } from '../../../local/scheduler.js';
import { eventually } from '../../support/eventually.js';
import { createTestTable } from '../../support/table.js';
import { department, putDepartments, putWorkflowReference, seedTicket, snapshot } from '../../support/tickets.js';

process.env.POWERTOOLS_METRICS_DISABLED = 'true';

beforeAll(async () => {
  await createTestTable({ seed: false });
  await putWorkflowReference();
  await putDepartments([department('l-a')]);
});

const EVERY_MS = 137; // an interval nothing else in the process uses, to tell the scheduler's timers apart

/** The scheduler's timers not yet fired or cleared: none left means no job can run again. */
function watchSchedulerTimers() {
  const pending = new Set<unknown>();
  let created = 0;
  const realSet = globalThis.setTimeout;
  const realClear = globalThis.clearTimeout;
  const set = vi.spyOn(globalThis, 'setTimeout').mockImplementation(((fn: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => {
    if (ms !== EVERY_MS) return realSet(fn, ms, ...args);
    created++;
    const handle = realSet(() => {
      pending.delete(handle);
      fn(...args);
    }, ms);
    pending.add(handle);
    return handle;
  }) as typeof setTimeout);
  const clear = vi.spyOn(globalThis, 'clearTimeout').mockImplementation((handle) => {
    pending.delete(handle);
    realClear(handle);
  });
  return { pending, created: () => created, restore: () => (set.mockRestore(), clear.mockRestore()) };
}

describe('local scheduler', () => {
  it('runs the SLA sweep on its timer and stops cleanly', async () => {
    // acknowledged nowhere near in time: three weeks old
    const ticket = await seedTicket({ departmentId: 'l-a', now: new Date(Date.now() - 21 * 86_400_000) });
    const timers = watchSchedulerTimers();
    const scheduler = startScheduler({ jobs: [{ id: 'slaSweep', fn: 'jobs/sla-sweep', everyMinutes: 15 }], intervalMs: { slaSweep: EVERY_MS }, log: () => undefined });
    try {
      await eventually(async () => expect((await snapshot(ticket.id)).item?.escalated).toBe(true));
      // stop between two runs, while the next one is waiting on its timer
      await eventually(() => expect(timers.pending.size).toBe(1), { interval: 10 });
    } finally {
      await scheduler.stop();
      timers.restore();
    }
    // stopped: no run is scheduled any more (rather than waiting a while to see none come); the
    // watch did see the scheduler's timers, so an empty set means something
    expect(timers.created()).toBeGreaterThan(0);
    expect(timers.pending.size).toBe(0);
    const after = await snapshot(ticket.id);
    expect(after.events!.map((e) => e.type)).toEqual(['created', 'ack_overdue', 'overdue', 'escalated']);
  });
});
