/** The metrics recount (shared/app/reconcile-metrics.ts), in memory: the counters a consumer would have written, then one off. */
import { describe, expect, it } from 'vitest';
import { reconcileDay } from '../../../shared/app/reconcile-metrics.js';
import { actOnTicket } from '../../../shared/app/workflow.js';
import { incrementsFor, sumCounters } from '../../../shared/domain/metrics.js';
import { CountedEventItem } from '../../../shared/schemas/event-item.js';
import { memoryDependencies, putTicket, type MemoryDependencies } from '../../support/memory.js';

/** Plays the stream consumer: every event counted once into the day counters. */
async function countAll(deps: MemoryDependencies, day: string) {
  for (const ticket of await deps.tickets.receivedOn(day)) {
    for (const event of await deps.tickets.events(ticket.id)) {
      for (const { scope, category, counters } of incrementsFor(CountedEventItem.parse(event))) {
        const key = `${scope}|${category}|${day}`;
        deps.state.counters.set(key, sumCounters([deps.state.counters.get(key) ?? {}, counters]));
      }
    }
  }
}

describe('reconcileDay', () => {
  it('finds no drift when every event was counted once, and names the one counter that is off', async () => {
    const deps = memoryDependencies();
    const staff = { userId: 's', role: 'staff' as const, departmentId: 'ward-00001' };
    const a = await putTicket(deps);
    await putTicket(deps, { departmentId: 'ward-00037', wardCode: '00037' });
    await actOnTicket(deps, staff, a.id, { action: 'acknowledge', expectedVersion: 1 });
    await actOnTicket(deps, staff, a.id, { action: 'respond', message: 'Đã liên hệ trạm y tế, trạm mở cửa lại từ mai.', expectedVersion: 2 });
    await countAll(deps, '2026-12-02');
    const clean = await reconcileDay(deps, '2026-12-02');
    expect(clean).toMatchObject({ day: '2026-12-02', tickets: 2, events: 4, drift: [] });
    expect(clean.countersChecked).toBeGreaterThan(4);

    const key = 'ward-00001|*|2026-12-02';
    deps.state.counters.set(key, { ...deps.state.counters.get(key), responded: 7 });
    expect((await reconcileDay(deps, '2026-12-02')).drift).toEqual([{ scope: 'ward-00001', category: '*', field: 'responded', expected: 1, actual: 7 }]);
  });

  it('reports a counter never written as drift against zero', async () => {
    const deps = memoryDependencies();
    await putTicket(deps);
    const { drift } = await reconcileDay(deps, '2026-12-02');
    expect(drift).toContainEqual({ scope: 'city', category: '*', field: 'received', expected: 1, actual: 0 });
  });
});
