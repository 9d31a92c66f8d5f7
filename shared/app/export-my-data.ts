/**
 * Everything stored about the caller, as one document (docs/privacy.md lists every field).
 * Built from the caller's own partitions and indexes only, so nothing of anyone else can
 * come along: their tickets (gsi1), each ticket's citizen-visible history and access record,
 * their inbox, preferences and erasure request.
 */
import { ForbiddenError } from '../domain/errors.js';
import type { Principal } from '../domain/principal.js';
import type { Ticket, TicketEvent } from '../domain/ticket.js';
import { ticketAccessLog } from './personal-data.js';
import type { Dependencies, Page } from './ports.js';
import { ticketHistory } from './workflow.js';

async function all<T>(read: (cursor?: string) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await read(cursor);
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

type ExportDeps = Pick<Dependencies, 'tickets' | 'ticketQueries' | 'notifications' | 'personalData' | 'clock'>;

export async function exportMyData(deps: ExportDeps, who: Principal) {
  if (who.role !== 'citizen') throw new ForbiddenError('Only citizens export their data here.');
  const page = (cursor?: string) => ({ limit: 100, ...(cursor ? { cursor } : {}) });
  const [tickets, notifications, preferences, erasure] = await Promise.all([
    all((c) => deps.tickets.listByCitizen(who.userId, page(c))),
    all((c) => deps.notifications.listInbox({ kind: 'user', userId: who.userId }, page(c))),
    deps.notifications.preferences(who.userId),
    deps.personalData.erasure(who.userId),
  ]);
  const withHistory = await Promise.all(
    tickets.map(async (ticket: Ticket) => {
      const [history, accessLog] = await Promise.all([
        all<TicketEvent>((c) => ticketHistory(deps, who, ticket.id, page(c))),
        all((c) => ticketAccessLog(deps, who, ticket.id, page(c))),
      ]);
      return { ...ticket, history, accessLog };
    }),
  );
  return {
    exportedAt: deps.clock.now().toISOString(),
    profile: { userId: who.userId, ...(who.name ? { name: who.name } : {}), ...(who.phone ? { phone: who.phone } : {}) },
    preferences: preferences ?? null,
    tickets: withHistory,
    notifications: notifications.map(({ owner: _owner, ...item }) => item),
    erasure: erasure ?? null,
  };
}
