import { describe, expect, it } from 'vitest';
import { ticketFromItem, ticketToItem } from '../../../../shared/adapters/dynamodb/ticket-items.js';
import { openTicket, type Ticket } from '../../../../shared/domain/ticket.js';
import { seedCategories } from '../../../../shared/reference/categories.js';

const { ticket } = openTicket({
  id: 'T1',
  ref: 'HN-261123-0001',
  eventId: 'E1',
  now: new Date('2026-11-23T09:00:00+07:00'),
  citizen: { userId: 'c-1', role: 'citizen' },
  input: { category: 'health', description: 'A pothole on Kim Ma street', location: { wardCode: '00001' } },
  category: seedCategories.find((c) => c.code === 'health')!,
  routing: { departmentId: 'ward-00001', ruleId: null },
  calendar: { holidays: new Set<string>() },
});

describe('reading ticket items written before the escalation fields were split', () => {
  it('reads a second "not satisfied" stored as escalatedTo (escalated false) as passedUpTo', () => {
    const legacy = { ...ticketToItem({ ...ticket, departmentId: 'district-001', reopenCount: 2 }), escalated: false, escalatedTo: 'district-001' };
    const read = ticketFromItem(legacy);
    expect(read).toMatchObject({ passedUpTo: 'district-001', escalated: false });
    expect(read).not.toHaveProperty('escalatedTo');
  });

  it('keeps an SLA escalation (escalated true) where it was', () => {
    const read = ticketFromItem({ ...ticketToItem(ticket), escalated: true, escalatedTo: 'district-001' });
    expect(read).toMatchObject({ escalated: true, escalatedTo: 'district-001' });
    expect(read).not.toHaveProperty('passedUpTo');
  });

  it('drops the stored transferLimitReached, which views derive from transferCount', () => {
    const read = ticketFromItem({ ...ticketToItem({ ...ticket, transferCount: 3 }), transferLimitReached: true });
    expect(read).not.toHaveProperty('transferLimitReached');
    expect(ticketToItem(read as Ticket)).not.toHaveProperty('transferLimitReached');
  });
});
