/**
 * Recounts one day's counters from the tickets received that day and their events, with the
 * same increment rules the stream consumer applies, and reports every counter that differs.
 * No drift means every event was counted exactly once.
 */
import { counterFields, followCounterFields, histogramFields, incrementsFor, sumCounters, type Counters } from '../domain/metrics.js';
import { CountedEventItem } from '../schemas/event-item.js';
import type { Dependencies } from './ports.js';

export interface Drift {
  scope: string;
  category: string;
  field: string;
  expected: number;
  actual: number;
}

export async function reconcileDay(deps: Pick<Dependencies, 'tickets' | 'metrics'>, day: string) {
  const tickets = await deps.tickets.receivedOn(day);
  const expected = new Map<string, Counters[]>();
  const eventLists = await Promise.all(tickets.map((t) => deps.tickets.events(t.id)));
  for (const event of eventLists.flat()) {
    for (const { scope, category, counters } of incrementsFor(CountedEventItem.parse(event))) {
      const key = `${scope}|${category}`;
      expected.set(key, [...(expected.get(key) ?? []), counters]);
    }
  }
  const drift: Drift[] = [];
  const fields = [...counterFields.filter((f) => !followCounterFields.has(f)), ...histogramFields];
  await Promise.all(
    [...expected].map(async ([key, list]) => {
      const [scope, category] = key.split('|') as [string, string];
      const want = sumCounters(list);
      const have = (await deps.metrics.counters(scope, category, 'day', day, day)).get(day) ?? {};
      for (const field of fields) {
        if ((want[field] ?? 0) !== (have[field] ?? 0)) drift.push({ scope, category, field, expected: want[field] ?? 0, actual: have[field] ?? 0 });
      }
    }),
  );
  return { day, tickets: tickets.length, events: eventLists.flat().length, countersChecked: expected.size, drift };
}
