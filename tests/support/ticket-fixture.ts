/**
 * The one ticket fixture: a ticket as intake opens it (version 1, its `created` event), made
 * by the domain's own `openTicket`, at a chosen time, with any field changed afterwards. Pure:
 * unit tests use it as is, tests/support/tickets.ts writes it to DynamoDB Local, and
 * tests/support/memory.ts to the in-memory store.
 */
import { monotonicFactory } from 'ulid';
import type { Category } from '../../shared/domain/category.js';
import type { Principal } from '../../shared/domain/principal.js';
import { openTicket, type NewTicketInput, type Ticket, type TicketEvent } from '../../shared/domain/ticket.js';
import { formatRef, refDay } from '../../shared/domain/ticket-ref.js';
import type { Photo } from '../../shared/domain/upload.js';
import type { WorkCalendar } from '../../shared/domain/working-hours.js';
import { seedCategories } from '../../shared/reference/categories.js';

export const ulid = monotonicFactory();

/** Seed categories: `health` needs no evidence, `roads_traffic` does. */
export const categories = {
  plain: seedCategories.find((c) => c.code === 'health')!,
  evidence: seedCategories.find((c) => c.code === 'roads_traffic')!,
} satisfies Record<string, Category>;

export interface TicketFixture {
  id?: string;
  /** Default: a fresh `HN-<local day>-<n>` that no other fixture of this process has. */
  ref?: string;
  eventId?: string;
  departmentId?: string;
  citizenId?: string;
  /** The submitter as a principal (name, phone); wins over `citizenId`. */
  citizen?: Principal;
  category?: Category;
  now?: Date;
  urgent?: boolean;
  wardCode?: string;
  districtCode?: string;
  provinceCode?: string;
  input?: Partial<NewTicketInput>;
  calendar?: WorkCalendar;
  photos?: Photo[];
  /** Fields changed after opening (a state, a version, a flag). */
  overrides?: Partial<Ticket>;
}

// Far above what a test's own intake hands out (counters start at 1), so the two never meet.
let refs = 500_000;

export function newTicket(opts: TicketFixture = {}): { ticket: Ticket; event: TicketEvent } {
  const category = opts.category ?? categories.plain;
  const now = opts.now ?? new Date();
  const id = opts.id ?? ulid();
  const { ticket, event } = openTicket({
    id,
    ref: opts.ref ?? formatRef('HN', refDay(now), ++refs),
    eventId: opts.eventId ?? ulid(),
    now,
    citizen: opts.citizen ?? { userId: opts.citizenId ?? 'citizen-1', role: 'citizen' },
    input: { category: category.code, description: 'Đèn đường hỏng trước số 12', location: { wardCode: opts.wardCode ?? '00001' }, urgent: opts.urgent, ...opts.input },
    category,
    routing: {
      departmentId: opts.departmentId ?? 'ward-00001',
      ruleId: null,
      ...(opts.districtCode ? { districtCode: opts.districtCode } : {}),
      ...(opts.provinceCode ? { provinceCode: opts.provinceCode } : {}),
    },
    calendar: opts.calendar ?? { holidays: new Set() },
    ...(opts.photos ? { photos: opts.photos } : {}),
  });
  return { ticket: { ...ticket, ...opts.overrides }, event };
}
