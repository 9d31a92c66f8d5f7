import { describe, expect, it } from 'vitest';
import type { Principal } from '../../../shared/domain/principal.js';
import { canSee, openTicket, type Ticket } from '../../../shared/domain/ticket.js';
import { seedCategories } from '../../../shared/reference/categories.js';

const citizen: Principal = { userId: 'c-1', role: 'citizen', name: 'An', phone: '+84900000001' };
const roads = seedCategories.find((c) => c.code === 'roads_traffic')!;
const noHolidays = { holidays: new Set<string>() };
const monday9 = new Date('2026-11-23T09:00:00+07:00');

function open(overrides: Partial<Parameters<typeof openTicket>[0]['input']> = {}) {
  return openTicket({
    id: 'T1',
    ref: 'HN-261123-0001',
    eventId: 'E1',
    now: monday9,
    citizen,
    input: { category: 'roads_traffic', description: 'A pothole on Kim Ma street', location: { wardCode: '00001' }, ...overrides },
    category: roads,
    routing: { departmentId: 'triage', ruleId: null },
    calendar: noHolidays,
  });
}

describe('openTicket', () => {
  it('creates an assigned ticket at version 1 with its created event', () => {
    const { ticket, event } = open();
    expect(ticket).toMatchObject({ id: 'T1', version: 1, status: 'assigned', departmentId: 'triage', citizenId: 'c-1', visibility: 'private', severity: 'normal' });
    expect(event).toMatchObject({ eventId: 'E1', ticketId: 'T1', version: 1, type: 'created', visibility: 'public', actor: { id: 'c-1', role: 'citizen' } });
  });

  it('computes deadlines in working hours from the category policy', () => {
    const { ticket } = open();
    expect(ticket.ackDueAt).toBe(new Date('2026-11-24T09:00:00+07:00').toISOString()); // 8 working hours
    expect(ticket.dueAt).toBe(new Date('2026-11-30T09:00:00+07:00').toISOString()); // 40 working hours
  });

  it('makes an urgent ticket due within 4 working hours, acknowledgement included', () => {
    const { ticket } = open({ urgent: true });
    expect(ticket.severity).toBe('urgent');
    expect(ticket.dueAt).toBe(new Date('2026-11-23T14:00:00+07:00').toISOString());
    expect(ticket.ackDueAt).toBe(ticket.dueAt);
  });
});

describe('canSee', () => {
  const { ticket } = open();
  const withDistrict: Ticket = { ...ticket, location: { ...ticket.location, districtCode: '001' } };

  it('lets a citizen see only their own tickets', () => {
    expect(canSee(ticket, citizen)).toBe(true);
    expect(canSee(ticket, { userId: 'c-2', role: 'citizen' })).toBe(false);
  });

  it('lets staff see only their department', () => {
    expect(canSee(ticket, { userId: 's', role: 'staff', departmentId: 'triage' })).toBe(true);
    expect(canSee(ticket, { userId: 's', role: 'staff', departmentId: 'ward-00004' })).toBe(false);
  });

  it('lets managers see within their scope', () => {
    expect(canSee(withDistrict, { userId: 'm', role: 'manager', scope: 'city' })).toBe(true);
    expect(canSee(withDistrict, { userId: 'm', role: 'manager', scope: 'district-001' })).toBe(true);
    expect(canSee(withDistrict, { userId: 'm', role: 'manager', scope: 'district-002' })).toBe(false);
    expect(canSee(withDistrict, { userId: 'm', role: 'manager' })).toBe(false);
  });

  it('lets admins see everything', () => {
    expect(canSee(ticket, { userId: 'a', role: 'admin' })).toBe(true);
  });
});
