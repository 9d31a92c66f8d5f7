/**
 * Retention (issue 17) through the local runtime's job route: personal fields of tickets closed
 * or rejected RETENTION_MONTHS (24) months ago go on the boundary local day, not a day earlier;
 * a second run changes nothing; an erasure a crash left pending is finished by the job.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { dynamoPersonalDataStore } from '../../shared/adapters/dynamodb/personal-data-store.js';
import { dynamoTicketStore } from '../../shared/adapters/dynamodb/ticket-store.js';
import type { Ticket } from '../../shared/domain/ticket.js';
import { useTestApi } from '../support/api.js';
import { putWorkflowReference, seedTicket, ulid } from '../support/tickets.js';

const api = useTestApi();
const contact = { citizenName: 'Trần Văn Cường', citizenPhone: '+84911222333' };
const place = { wardCode: '00001', districtCode: '001', provinceCode: '01', lat: 21.04, lng: 105.83, address: '3 Hàng Bông' };

let dueOnBoundary: Ticket;
let dayLater: Ticket;
let open: Ticket;

const retention = async (now: string) => {
  const res = await api.request('POST', '/dev/jobs/retention', { body: { now } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { cutoffDay: string; removed: number; resumedErasures: number };
};

beforeAll(async () => {
  await putWorkflowReference();
  const closed = (closedAt: string) => ({ status: 'closed' as const, closedAt, ...contact, location: place });
  // 10:00 local on 2024-03-15 and on 2024-03-16.
  dueOnBoundary = await seedTicket({ departmentId: 'r-a', citizenId: 'cuong', now: new Date('2024-03-01T03:00:00Z'), overrides: closed('2024-03-15T03:00:00Z') });
  dayLater = await seedTicket({ departmentId: 'r-a', citizenId: 'cuong', now: new Date('2024-03-01T03:00:00Z'), overrides: closed('2024-03-16T03:00:00Z') });
  open = await seedTicket({ departmentId: 'r-a', citizenId: 'cuong', now: new Date('2024-03-01T03:00:00Z'), overrides: { ...contact, location: place } });
});

describe('POST /dev/jobs/retention', () => {
  it('keeps a ticket closed 24 months ago until the boundary local day, then removes its personal data once', async () => {
    // 23:59 local on 2026-03-14: a day early.
    expect(await retention('2026-03-14T16:59:00Z')).toMatchObject({ cutoffDay: '2024-03-14', removed: 0 });
    expect(await dynamoTicketStore.get(dueOnBoundary.id)).toMatchObject({ citizenId: 'cuong', ...contact });
    // 00:00 local on 2026-03-15: the boundary day.
    expect(await retention('2026-03-14T17:00:00Z')).toMatchObject({ cutoffDay: '2024-03-15', removed: 1 });
    const cleared = (await dynamoTicketStore.get(dueOnBoundary.id))!;
    expect(cleared).toMatchObject({ citizenId: 'erased', status: 'closed', location: { wardCode: '00001', districtCode: '001' }, personalDataRemovedAt: expect.any(String) });
    expect(JSON.stringify(cleared)).not.toMatch(/Trần Văn Cường|\+84911222333|3 Hàng Bông|21\.04/);
    expect((await dynamoTicketStore.events(dueOnBoundary.id)).filter((e) => e.type === 'personal_data_removed')).toEqual([expect.objectContaining({ data: { reason: 'retention', removed: expect.arrayContaining(['citizenId', 'citizenName', 'citizenPhone', 'location.lat', 'location.address']) } })]);
    // The day after's ticket and the open one keep theirs; a second run changes nothing.
    expect(await retention('2026-03-14T17:00:00Z')).toMatchObject({ removed: 0 });
    for (const t of [dayLater, open]) expect(await dynamoTicketStore.get(t.id)).toMatchObject({ citizenId: 'cuong', ...contact });
    expect((await dynamoTicketStore.events(dueOnBoundary.id)).filter((e) => e.type === 'personal_data_removed')).toHaveLength(1);
    expect(await retention('2026-03-15T17:00:00Z')).toMatchObject({ cutoffDay: '2024-03-16', removed: 1 });
    expect(await dynamoTicketStore.get(open.id)).toMatchObject({ citizenId: 'cuong' });
  });

  it('finishes an erasure a crash left pending (no stream consumer ran here)', async () => {
    const requestedAt = new Date(Date.now() - 20 * 60_000).toISOString();
    const erasure = await dynamoPersonalDataStore.requestErasure({ id: ulid(), userId: 'cuong', status: 'pending', requestedAt });
    expect(await retention(new Date().toISOString())).toMatchObject({ resumedErasures: 1 });
    expect(await dynamoPersonalDataStore.erasure('cuong')).toMatchObject({ id: erasure.id, status: 'done', counts: { tickets: 1 } });
    expect(await dynamoTicketStore.get(open.id)).toMatchObject({ citizenId: 'erased' });
    expect(await retention(new Date().toISOString())).toMatchObject({ resumedErasures: 0 });
  });
});
