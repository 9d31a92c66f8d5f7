/**
 * The erasure registry: every feature that stores something about a citizen adds its step
 * here, and `DELETE /v1/me` runs them all. Each step is idempotent (a second run removes
 * nothing more) and resumable (a crash midway leaves work the next run finds), and returns
 * how many items it changed. Tickets go first: once anonymised, no new notification can name
 * the citizen, so the later steps delete what can no longer grow.
 */
import { anonymiseTicket } from './anonymise-ticket.js';
import type { Dependencies } from './ports.js';

export type ErasureDeps = Pick<Dependencies, 'tickets' | 'personalData' | 'clock' | 'ids'>;

export interface ErasureStep {
  id: string;
  /** What it removes, for docs/privacy.md and the export's description. */
  removes: string;
  run(deps: ErasureDeps, userId: string): Promise<number>;
}

const tickets: ErasureStep = {
  id: 'tickets',
  removes: "the citizen's id, name, phone, e-mail, exact address, coordinates, photos and rating comment on each of their tickets and its events; public tickets leave the public feed",
  async run(deps, userId) {
    let changed = 0;
    let cursor: string | undefined;
    do {
      // Anonymised tickets leave this index, so a resumed run only meets the rest.
      const page = await deps.tickets.listByCitizen(userId, { limit: 25, ...(cursor ? { cursor } : {}) });
      const done = await Promise.all(page.items.map((t) => anonymiseTicket(deps, t.id, 'erasure')));
      changed += done.filter(Boolean).length;
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return changed;
  },
};

const preferences: ErasureStep = {
  id: 'preferences',
  removes: 'notification preferences with the phone number and e-mail address in them',
  run: (deps, userId) => deps.personalData.deletePreferences(userId),
};

const inbox: ErasureStep = {
  id: 'inbox',
  removes: 'every in-app notification addressed to the citizen',
  run: (deps, userId) => deps.personalData.deleteInbox(userId),
};

/** Issue 15: the records of the tickets the citizen follows. The tickets' `followers` counts stay (counters are kept). */
const follows: ErasureStep = {
  id: 'followers',
  removes: 'follower records (the tickets the citizen follows); the follower counts stay',
  run: (deps, userId) => deps.personalData.deleteFollows(userId),
};

export const erasureSteps: readonly ErasureStep[] = [tickets, follows, preferences, inbox];
