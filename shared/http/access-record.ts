/**
 * Handlers call this after a read that showed officials a ticket's personal data. The entry
 * is one batched write; if it fails the read still answers (and the failure is logged, with
 * ticket ids only), because refusing service to record it would be worse than a gap an alarm shows.
 */
import { recordAccess } from '../app/personal-data.js';
import type { Dependencies } from '../app/ports.js';
import type { Principal } from '../domain/principal.js';
import type { Ticket } from '../domain/ticket.js';
import { logger } from './logger.js';

export async function withAccessRecord<T>(deps: Pick<Dependencies, 'personalData' | 'clock' | 'ids'>, who: Principal, route: string, tickets: readonly Ticket[], reply: T): Promise<T> {
  if (who.role === 'citizen') return reply;
  try {
    await recordAccess(deps, who, route, tickets);
  } catch (error) {
    logger.error('access record failed', { route, tickets: tickets.map((t) => t.id), error: error as Error });
  }
  return reply;
}
