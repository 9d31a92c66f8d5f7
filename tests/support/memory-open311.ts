import type { Open311Client, Open311Dependencies } from '../../shared/app/open311-ports.js';
import type { TestClock } from './clock.js';
import type { MemoryDependencies, MemoryState } from './memory.js';

/** The Open311 ports beside the platform's (open311-ports.ts), over the same in-memory tickets. */
export function memoryOpen311(deps: MemoryDependencies): Open311Dependencies & { clock: TestClock; state: MemoryState } {
  const clients = new Map<string, Open311Client>();
  const minutes = new Map<string, number>();
  return {
    ...deps,
    open311Clients: {
      async get(id) {
        const c = clients.get(id);
        return c && structuredClone(c);
      },
      async put(client) {
        clients.set(client.id, structuredClone(client));
      },
    },
    rateLimiter: {
      async take(bucket, limit, now) {
        const key = `${bucket}|${now.toISOString().slice(0, 16)}`;
        const used = minutes.get(key) ?? 0;
        if (used >= limit) return false;
        minutes.set(key, used + 1);
        return true;
      },
    },
    open311Tickets: {
      async receivedBetween({ from, to, category, statuses, offset, limit }) {
        return [...deps.state.tickets.values()]
          .filter((t) => t.createdAt >= from.toISOString() && t.createdAt <= to.toISOString() && (!category || t.category === category) && (!statuses || statuses.includes(t.status)))
          .sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
          .slice(offset, offset + limit)
          .map((t) => structuredClone(t));
      },
    },
  };
}
