import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seedReadyUpload } from '../support/uploads.js';
import { useTestApi } from '../support/api.js';
import { testClock } from '../support/clock.js';

// Pinned by the tests that assert exact instants or count one day; the wall clock for the rest.
const clock = testClock();
const api = useTestApi({ streams: true, clock });
afterEach(() => clock.follow());
let owner: string;
let stranger: string;
let wardStaff: string;
let districtStaff: string;
let manager: string;

beforeAll(async () => {
  owner = await api.token({ sub: 'owner', groups: ['citizen'] });
  stranger = await api.token({ sub: 'stranger', groups: ['citizen'] });
  wardStaff = await api.token({ sub: 'ward-staff', groups: ['staff'], departmentId: 'ward-00001' });
  districtStaff = await api.token({ sub: 'district-staff', groups: ['staff'], departmentId: 'district-001' });
  manager = await api.token({ sub: 'mgr', groups: ['manager'], scope: 'city' });
});

/** Urban order in ward 00001 goes to ward-00001 and needs evidence. */
async function answeredTicket() {
  const created = await api.request('POST', '/v1/tickets', { token: owner, body: { category: 'urban_order', description: 'Lấn chiếm vỉa hè trước số 8', location: { wardCode: '00001' } } });
  expect(created.status).toBe(201);
  return answer(created.body.id, wardStaff);
}

async function answer(id: string, token: string) {
  let ticket = (await api.request('GET', `/v1/tickets/${id}`, { token })).body;
  if (ticket.status === 'assigned') {
    const ack = await api.request('POST', `/v1/tickets/${id}/actions`, { token, body: { action: 'acknowledge', expectedVersion: ticket.version } });
    expect(ack.status).toBe(200);
    ticket = ack.body;
  }
  const res = await api.request('POST', `/v1/tickets/${id}/actions`, {
    token,
    body: { action: 'respond', expectedVersion: ticket.version, message: 'Đã cưỡng chế tháo dỡ, trả lại vỉa hè cho người đi bộ.', evidence: [{ uploadId: await seedReadyUpload(token, 'evidence') }] },
  });
  expect(res.status).toBe(200);
  return res.body as { id: string; version: number; status: string };
}

const rate = (id: string, body: unknown, token = owner) => api.request('POST', `/v1/tickets/${id}/rating`, { token, body });

describe('POST /v1/tickets/{id}/rating', () => {
  it('closes the ticket on a satisfied or acceptable rating, and a retry answers the same', async () => {
    const ticket = await answeredTicket();
    const res = await rate(ticket.id, { rating: 'acceptable', comment: 'Ổn' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'closed', rating: { value: 'acceptable', comment: 'Ổn' }, version: ticket.version + 2 });
    const retry = await rate(ticket.id, { rating: 'acceptable', comment: 'Ổn' });
    expect(retry.status).toBe(200);
    expect(retry.body.version).toBe(res.body.version);
    expect((await rate(ticket.id, { rating: 'satisfied' })).status).toBe(422);
  });

  it('reopens at the same department on the first "not fixed", and sends it up on the second', async () => {
    clock.set('2026-12-02T03:00:00.000Z'); // Wed 10:00 in Hanoi
    const ticket = await answeredTicket();
    const first = await rate(ticket.id, { rating: 'not_satisfied', comment: 'Vẫn còn lấn chiếm' });
    expect(first.body).toMatchObject({ status: 'in_progress', departmentId: 'ward-00001', reopenCount: 1 });
    const history = await api.request('GET', `/v1/tickets/${ticket.id}/history`, { token: owner });
    expect(history.body.items.map((e: { type: string }) => e.type).slice(-2)).toEqual(['rated', 'reopened']);

    await answer(ticket.id, wardStaff);
    clock.set('2026-12-03T02:00:00.000Z'); // the next morning, Thu 09:00
    const second = await rate(ticket.id, { rating: 'not_satisfied', comment: 'Vẫn chưa xử lý' });
    // fresh flags at the parent, so the SLA sweep can still escalate it if the district is late too
    expect(second.body).toMatchObject({ status: 'assigned', departmentId: 'district-001', escalated: false, overdue: false, passedUpTo: 'district-001', reopenCount: 2 });
    // not an SLA escalation: that field stays the sweep's
    expect(second.body).not.toHaveProperty('escalatedTo');
    // the parent's deadlines count from the rating: acknowledge by Fri 09:00, answer by next Thu 09:00
    expect(second.body).toMatchObject({ assignedAt: '2026-12-03T02:00:00.000Z', ackDueAt: '2026-12-04T02:00:00.000Z', dueAt: '2026-12-10T02:00:00.000Z' });
    // the district now works it from its own queue
    expect((await api.request('GET', `/v1/tickets/${ticket.id}`, { token: districtStaff })).status).toBe(200);
    expect((await api.request('GET', `/v1/tickets/${ticket.id}`, { token: wardStaff })).status).toBe(404);
  });

  it('is for the owner only (404 for anyone else) and only once answered (422)', async () => {
    const created = await api.request('POST', '/v1/tickets', { token: owner, body: { category: 'urban_order', description: 'Lấn chiếm vỉa hè trước số 9', location: { wardCode: '00001' } } });
    const early = await rate(created.body.id, { rating: 'satisfied' });
    expect(early.status).toBe(422);
    expect(early.headers.get('content-type')).toBe('application/problem+json');
    const ticket = await answer(created.body.id, wardStaff);
    expect((await rate(ticket.id, { rating: 'satisfied' }, stranger)).status).toBe(404);
    expect((await rate(ticket.id, { rating: 'satisfied' }, wardStaff)).status).toBe(403);
    expect((await rate(ticket.id, { rating: 'great' })).status).toBe(400);
    expect((await rate(ticket.id, { rating: 'satisfied', stars: 5 })).status).toBe(400);
    expect((await rate(ticket.id, { rating: 'satisfied' })).status).toBe(200);
  });

  it('applies one of two different ratings sent at once', async () => {
    const ticket = await answeredTicket();
    const results = await Promise.all([rate(ticket.id, { rating: 'satisfied' }), rate(ticket.id, { rating: 'not_satisfied' })]);
    // The loser is refused either way: 409 when it read the answered version before the winner
    // wrote, 422 when it read after (the ticket is no longer responded). Only one rating lands.
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect([409, 422]).toContain(results.find((r) => r.status !== 200)!.status);
    const events = (await api.request('GET', `/v1/tickets/${ticket.id}/history?limit=100`, { token: owner })).body.items as Array<{ type: string }>;
    expect(events.filter((e) => e.type === 'rated')).toHaveLength(1);
  });

  it('feeds the satisfaction and reopen counters', async () => {
    // A day of its own (counters are by the day a ticket was received), so no other test's tickets or race winner count.
    const day = '2026-11-18';
    clock.set(`${day}T02:00:00.000Z`);
    const acceptable = await answeredTicket();
    expect((await rate(acceptable.id, { rating: 'acceptable' })).status).toBe(200);
    const twice = await answeredTicket();
    expect((await rate(twice.id, { rating: 'not_satisfied' })).status).toBe(200);
    await answer(twice.id, wardStaff);
    expect((await rate(twice.id, { rating: 'not_satisfied' })).body.departmentId).toBe('district-001');
    const satisfied = await answeredTicket();
    expect((await rate(satisfied.id, { rating: 'satisfied' })).status).toBe(200);
    const once = await answeredTicket();
    expect((await rate(once.id, { rating: 'not_satisfied' })).status).toBe(200);
    await api.streams.drain();

    const res = await api.request('GET', `/v1/metrics?scope=ward-00001&from=${day}&to=${day}&granularity=total`, { token: manager });
    expect(res.body.totals).toMatchObject({ received: 4, processed: 4, reopened: 3, rated: 5, satisfied: 1, acceptable: 1, notSatisfied: 3, satisfactionRate: 0.4 });
    const reconciled = await api.request('POST', '/dev/jobs/reconcile-metrics', { body: { day } });
    expect(reconciled.body).toMatchObject({ day, tickets: 4, drift: [] });
  });
});
