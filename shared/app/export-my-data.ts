/**
 * GET /v1/me/export: everything stored about the caller, as one document (docs/privacy.md
 * lists each field). Only the caller's own items are read: their tickets (gsi1), each ticket's
 * citizen-visible history and access record, their follower records, inbox, preferences and
 * erasure. Other citizens' data never enters: followed tickets appear by id only.
 */
import type { Principal } from '../domain/principal.js';
import type { NotificationPreferences } from '../domain/notifications.js';
import type { Ticket, TicketEvent } from '../domain/ticket.js';
import { accessLog, type AccessView } from './personal-data.js';
import type { Erasure, Following } from './personal-data-ports.js';
import type { Dependencies, InboxItem, Page } from './ports.js';
import { ticketHistory } from './workflow.js';

export interface MyData {
  exportedAt: string;
  profile: { userId: string; name?: string; phone?: string; email?: string };
  preferences: NotificationPreferences | null;
  tickets: Array<{ ticket: Ticket; history: TicketEvent[]; accessLog: AccessView[] }>;
  following: Following[];
  notifications: InboxItem[];
  erasure: Erasure | null;
}

async function all<T>(read: (cursor?: string) => Promise<Page<T>>): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await read(cursor);
    out.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

export async function exportMyData(deps: Dependencies, who: Principal): Promise<MyData> {
  const [tickets, following, notifications, preferences, erasure] = await Promise.all([
    all((cursor) => deps.tickets.listByCitizen(who.userId, { limit: 100, ...(cursor ? { cursor } : {}) })),
    deps.personalData.followings(who.userId),
    all((cursor) => deps.notifications.listInbox({ kind: 'user', userId: who.userId }, { limit: 100, ...(cursor ? { cursor } : {}) })),
    deps.notifications.preferences(who.userId),
    deps.personalData.erasure(who.userId),
  ]);
  const withHistory = await Promise.all(
    tickets.map(async (ticket) => ({
      ticket,
      history: await all((cursor) => ticketHistory(deps, who, ticket.id, { limit: 100, ...(cursor ? { cursor } : {}) })),
      accessLog: await all((cursor) => accessLog(deps, who, ticket.id, { limit: 100, ...(cursor ? { cursor } : {}) })),
    })),
  );
  return {
    exportedAt: deps.clock.now().toISOString(),
    // We keep no profile of our own: this is what the token says and what tickets copied from it.
    profile: { userId: who.userId, ...(who.name ? { name: who.name } : {}), ...(who.phone ? { phone: who.phone } : {}), ...(who.email ? { email: who.email } : {}) },
    preferences: preferences ?? null,
    tickets: withHistory,
    following,
    notifications,
    erasure: erasure ?? null,
  };
}
