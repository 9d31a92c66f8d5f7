/**
 * The notifications consumer end to end: a ticket written over HTTP → its event item → the
 * stream (local poller, Lambda's event shape) → inbox items and messages in the local outbox.
 */
import { PutCommand, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { lambdaContext } from '../../../local/handlers.js';
import { documentClient } from '../../../shared/adapters/dynamodb/client.js';
import { tableName } from '../../../shared/adapters/dynamodb/table.js';
import { localOutbox, type OutboxEntry } from '../../../shared/adapters/sns/local-outbox.js';
import { handler } from '../../../functions/streams/notifications.js';
import { formatLocal } from '../../../shared/domain/notification-format.js';
import { useTestApi } from '../../support/api.js';

const batches: DynamoDBStreamEvent[] = [];
const api = useTestApi({
  streams: true,
  onBatch: (consumer, event) => {
    if (consumer.id === 'notifications') batches.push(structuredClone(event));
  },
});

const body = (description: string) => ({ category: 'roads_traffic', description, location: { wardCode: '00001' } });
let alice: string; // defaults: inbox only
let binh: string; // SMS, e-mail and push on
let chi: string; // e-mail on, SMS off
let transportStaff: string;
let wardStaff: string;

async function createTicket(token: string, description: string) {
  const res = await api.request('POST', '/v1/tickets', { token, body: body(description) });
  expect(res.status).toBe(201);
  return res.body as { id: string; ref: string; departmentId: string; dueAt: string; ackDueAt: string };
}

const outbox = (f: (e: OutboxEntry) => boolean) => localOutbox.list(10_000).filter(f);
// SMS carry no attributes: they are found by the ticket's reference in the text.
const forTicket = (ticket: { id: string; ref: string }) => outbox((e) => e.attributes.ticketId === ticket.id || e.message.includes(ticket.ref));

async function countPartition(pk: string): Promise<number> {
  let count = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const out = await documentClient.send(new QueryCommand({ TableName: tableName(), KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk }, ExclusiveStartKey: start, Select: 'COUNT' }));
    count += out.Count ?? 0;
    start = out.LastEvaluatedKey;
  } while (start);
  return count;
}

beforeAll(async () => {
  alice = await api.token({ sub: 'alice', groups: ['citizen'] });
  binh = await api.token({ sub: 'binh', groups: ['citizen'], phone: '+84901000002' });
  chi = await api.token({ sub: 'chi', groups: ['citizen'] });
  transportStaff = await api.token({ sub: 'staff-transport', groups: ['staff'], departmentId: 'city-transport' });
  wardStaff = await api.token({ sub: 'staff-ward', groups: ['staff'], departmentId: 'ward-00001' });
  expect((await api.request('PUT', '/v1/me/preferences', { token: binh, body: { channels: { sms: true, email: true, push: true }, phone: '+84901000002', email: 'binh@example.vn', language: 'vi' } })).status).toBe(200);
  expect((await api.request('PUT', '/v1/me/preferences', { token: chi, body: { channels: { sms: false, email: true, push: false }, phone: '+84901000003', email: 'chi@example.vn', language: 'en' } })).status).toBe(200);
});

describe('notifications from the outbox', () => {
  it('a new ticket reaches the citizen’s inbox, the department’s inbox and the department alerts topic', async () => {
    const ticket = await createTicket(alice, 'Ổ gà lớn trước cửa nhà số 12 phố Kim Mã');
    expect(ticket.departmentId).toBe('city-transport');
    await api.streams.drain();

    const mine = await api.request('GET', '/v1/me/notifications', { token: alice });
    expect(mine.status).toBe(200);
    expect(mine.body.items).toHaveLength(1);
    const [item] = mine.body.items;
    expect(item).toMatchObject({ ticketId: ticket.id, type: 'created', audience: 'citizen', language: 'vi', read: false, readAt: null });
    expect(item.title).toBe(`Đã tiếp nhận phản ánh ${ticket.ref}`);
    expect(item.body).toContain('Sở Giao thông Vận tải');
    expect(item.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

    const dept = await api.request('GET', '/v1/departments/city-transport/notifications', { token: transportStaff });
    expect(dept.status).toBe(200);
    expect(dept.body.items).toEqual([expect.objectContaining({ id: item.id, ticketId: ticket.id, type: 'created', audience: 'department', title: `Phản ánh mới ${ticket.ref}` })]);

    // alice left the defaults: no SMS, e-mail or push; the department alert went out, carrying the event id.
    const sent = await api.request('GET', '/dev/outbox?limit=1000');
    expect(sent.status).toBe(200);
    const mineSent = sent.body.items.filter((e: OutboxEntry) => e.attributes.ticketId === ticket.id || e.target.type === 'sms');
    expect(mineSent).toEqual([
      expect.objectContaining({
        target: { type: 'topic', topicArn: expect.stringContaining('civic-feedback-department-alerts') },
        subject: `Phản ánh mới ${ticket.ref}`,
        attributes: expect.objectContaining({ eventId: item.id, eventType: 'created', departmentId: 'city-transport', areaCode: '00001', districtCode: '001', severity: 'normal', channel: 'alert' }),
      }),
    ]);
    expect(api.streams.deadLetters).toEqual([]);
  });

  it('a citizen with SMS, e-mail and push on gets all three, SMS as Transactional to their number', async () => {
    const ticket = await createTicket(binh, 'Đèn đường cả đoạn phố tắt từ ba hôm nay');
    await api.streams.drain();
    const sent = forTicket(ticket);
    const sms = sent.filter((e) => e.target.type === 'sms');
    expect(sms).toEqual([
      expect.objectContaining({ target: { type: 'sms', phoneNumber: '+84901000002' }, attributes: { 'AWS.SNS.SMS.SMSType': 'Transactional' } }),
    ]);
    expect(sms[0]!.message).toMatch(new RegExp(`^Phản ánh ${ticket.ref} đã được tiếp nhận, hạn trả lời \\d\\d:\\d\\d \\d\\d/\\d\\d\\.$`));
    const citizenTopic = sent.filter((e) => e.target.type === 'topic' && e.target.topicArn.includes('citizen'));
    expect(citizenTopic.map((e) => e.attributes.channel).sort()).toEqual(['email', 'push']);
    const email = JSON.parse(citizenTopic.find((e) => e.attributes.channel === 'email')!.message);
    expect(email).toMatchObject({ version: 1, channel: 'email', to: 'binh@example.vn', ticketId: ticket.id, eventType: 'created', language: 'vi' });
    expect(email.deduplicationId).toBe(`${email.eventId}:user:email`);
  });

  it('a citizen with SMS off gets no SMS, and the inbox is still written', async () => {
    const before = outbox((e) => e.target.type === 'sms').length;
    const ticket = await createTicket(chi, 'Rác thải tập kết ở đầu ngõ nhiều ngày không được thu gom');
    await api.streams.drain();
    expect(outbox((e) => e.target.type === 'sms')).toHaveLength(before);
    expect(forTicket(ticket).filter((e) => e.target.type === 'sms')).toEqual([]);
    const emails = forTicket(ticket).filter((e) => e.attributes.channel === 'email');
    expect(emails).toHaveLength(1);
    expect(emails[0]!.attributes.language).toBe('en');
    const mine = await api.request('GET', '/v1/me/notifications', { token: chi });
    expect(mine.body.items).toEqual([expect.objectContaining({ ticketId: ticket.id, type: 'created', language: 'en', title: `Feedback ${ticket.ref} received` })]);
  });

  it('ignores event types it does not know, without failing the batch', async () => {
    const sentBefore = localOutbox.size;
    await documentClient.send(
      new PutCommand({
        TableName: tableName(),
        // well formed in every other field, so only its type can be why nothing follows
        Item: {
          pk: 'TICKET#01JUNKNOWN0000000000000000', sk: 'EVENT#000002', entity: 'event', eventId: '01JUNKNOWNEVENT00000000000', ticketId: '01JUNKNOWN0000000000000000', type: 'teleported', version: 2,
          at: '2026-03-10T02:00:00.000Z', actor: { id: 'staff-transport', role: 'staff' }, visibility: 'public', data: {},
          ticket: { citizenId: 'alice', departmentId: 'city-transport', category: 'roads_traffic', wardCode: '00001', severity: 'normal', status: 'in_progress', createdAt: '2026-03-10T01:00:00.000Z', ackDueAt: '2026-03-10T09:00:00.000Z', dueAt: '2026-03-12T10:00:00.000Z' },
        },
      }),
    );
    await api.streams.drain();
    expect(api.streams.deadLetters.filter((d) => d.consumerId === 'notifications')).toEqual([]);
    // ignored means nothing sent and no inbox item under any owner
    expect(localOutbox.size).toBe(sentBefore);
    const inboxItems = await documentClient.send(
      new ScanCommand({ TableName: tableName(), FilterExpression: 'begins_with(pk, :inbox) AND sk = :id', ExpressionAttributeValues: { ':inbox': 'INBOX#', ':id': '01JUNKNOWNEVENT00000000000' } }),
    );
    expect(inboxItems.Items).toEqual([]);
  });

  it('replaying every stream batch twice writes no new inbox item and sends nothing again', async () => {
    await api.streams.drain();
    const partitions = ['INBOX#USER#alice', 'INBOX#USER#binh', 'INBOX#USER#chi', 'INBOX#DEPT#city-transport'];
    const before = await Promise.all(partitions.map(countPartition));
    expect(before).toEqual([1, 1, 1, 3]);
    const sentBefore = localOutbox.size;
    expect(batches.length).toBeGreaterThan(0);
    for (let round = 0; round < 2; round++) {
      for (const batch of batches) {
        const response = await handler(structuredClone(batch), lambdaContext('streams/notifications', 60_000));
        expect(response).toEqual({ batchItemFailures: [] });
      }
    }
    expect(await Promise.all(partitions.map(countPartition))).toEqual(before);
    expect(localOutbox.size).toBe(sentBefore);
  });
});

describe('GET /v1/me/notifications, POST …/{id}/read', () => {
  it('lists unread only on request, marks read idempotently, and hides others’ items (404)', async () => {
    const second = await createTicket(alice, 'Cống thoát nước bị tắc, nước tràn lên vỉa hè');
    await api.streams.drain();
    const all = await api.request('GET', '/v1/me/notifications', { token: alice });
    expect(all.body.items.map((i: { ticketId: string }) => i.ticketId)[0]).toBe(second.id); // newest first
    expect(all.body.items).toHaveLength(2);
    const id = all.body.items[0].id as string;

    const read = await api.request('POST', `/v1/me/notifications/${id}/read`, { token: alice });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id, read: true, readAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/) });
    const again = await api.request('POST', `/v1/me/notifications/${id}/read`, { token: alice });
    expect(again.status).toBe(200);
    expect(again.body.readAt).toBe(read.body.readAt);

    const unread = await api.request('GET', '/v1/me/notifications?unread=true', { token: alice });
    expect(unread.body.items.map((i: { id: string }) => i.id)).not.toContain(id);
    expect(unread.body.items).toHaveLength(1);

    expect((await api.request('POST', `/v1/me/notifications/${id}/read`, { token: binh })).status).toBe(404);
    expect((await api.request('POST', '/v1/me/notifications/01JNOPE000000000000000000X/read', { token: alice })).status).toBe(404);
    expect((await api.request('POST', '/v1/me/notifications/bad%20id/read', { token: alice })).status).toBe(400);
  });

  it('pages with a cursor bound to the caller', async () => {
    const first = await api.request('GET', '/v1/me/notifications?limit=1', { token: alice });
    expect(first.body.items).toHaveLength(1);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const next = await api.request('GET', `/v1/me/notifications?limit=1&cursor=${first.body.nextCursor}`, { token: alice });
    expect(next.body.items).toHaveLength(1);
    expect(next.body.items[0].id).not.toBe(first.body.items[0].id);
    expect((await api.request('GET', `/v1/me/notifications?cursor=${first.body.nextCursor}`, { token: binh })).status).toBe(400);
    expect((await api.request('GET', '/v1/me/notifications?limit=0', { token: alice })).status).toBe(400);
    expect((await api.request('GET', '/v1/me/notifications')).status).toBe(401);
  });
});

describe('GET /v1/departments/{id}/notifications', () => {
  it('is for that department’s staff, managers in scope and admins', async () => {
    expect((await api.request('GET', '/v1/departments/city-transport/notifications', { token: wardStaff })).status).toBe(403);
    expect((await api.request('GET', '/v1/departments/city-transport/notifications', { token: alice })).status).toBe(403);
    const cityManager = await api.token({ sub: 'm-city', groups: ['manager'], scope: 'city' });
    const districtManager = await api.token({ sub: 'm-001', groups: ['manager'], scope: 'district-001' });
    const admin = await api.token({ sub: 'root', groups: ['admin'] });
    expect((await api.request('GET', '/v1/departments/city-transport/notifications', { token: cityManager })).body.items.length).toBeGreaterThan(0);
    expect((await api.request('GET', '/v1/departments/city-transport/notifications', { token: districtManager })).status).toBe(403);
    expect((await api.request('GET', '/v1/departments/ward-00001/notifications', { token: districtManager })).status).toBe(200);
    expect((await api.request('GET', '/v1/departments/city-transport/notifications', { token: admin })).status).toBe(200);
    expect((await api.request('GET', '/v1/departments/nope/notifications', { token: admin })).status).toBe(404);
  });
});

describe('POST /v1/departments/{id}/notifications/{notificationId}/read', () => {
  it("marks an item read for the whole unit, once (the first read time stays); the unread list drops it", async () => {
    const unread = await api.request('GET', '/v1/departments/city-transport/notifications?unread=true', { token: transportStaff });
    const id = unread.body.items[0].id as string;
    const read = await api.request('POST', `/v1/departments/city-transport/notifications/${id}/read`, { token: transportStaff });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id, read: true, readAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/) });
    const twice = await Promise.all([1, 2].map(() => api.request('POST', `/v1/departments/city-transport/notifications/${id}/read`, { token: transportStaff })));
    expect(twice.map((r) => [r.status, r.body.readAt])).toEqual([[200, read.body.readAt], [200, read.body.readAt]]);
    const after = await api.request('GET', '/v1/departments/city-transport/notifications?unread=true&limit=100', { token: transportStaff });
    expect(after.body.items.map((i: { id: string }) => i.id)).not.toContain(id);
  });

  it("is for the unit's staff and admins; managers read only; another unit's item is a 404", async () => {
    const { body } = await api.request('GET', '/v1/departments/city-transport/notifications', { token: transportStaff });
    const id = body.items[0].id as string;
    const cityManager = await api.token({ sub: 'm-city', groups: ['manager'], scope: 'city' });
    const admin = await api.token({ sub: 'root', groups: ['admin'] });
    expect((await api.request('POST', `/v1/departments/city-transport/notifications/${id}/read`, { token: wardStaff })).status).toBe(403);
    expect((await api.request('POST', `/v1/departments/city-transport/notifications/${id}/read`, { token: cityManager })).status).toBe(403);
    expect((await api.request('POST', `/v1/departments/city-transport/notifications/${id}/read`, { token: alice })).status).toBe(403);
    expect((await api.request('POST', `/v1/departments/city-transport/notifications/${id}/read`, { token: admin })).status).toBe(200);
    expect((await api.request('POST', `/v1/departments/ward-00001/notifications/${id}/read`, { token: wardStaff })).status).toBe(404);
    expect((await api.request('POST', '/v1/departments/city-transport/notifications/bad%20id/read', { token: transportStaff })).status).toBe(400);
  });
});

// Last: it adds a ticket to the department's inbox, which the tests above count exactly.
describe('the department’s new-ticket message', () => {
  it('the department’s new-ticket message names the acknowledgement deadline and the answer deadline', async () => {
    const dung = await api.token({ sub: 'dung-ack-deadline', groups: ['citizen'] });
    const ticket = await createTicket(dung, 'Rác thải đổ trộm ở đầu ngõ 5 phố Kim Mã');
    await api.streams.drain();
    const dept = await api.request('GET', `/v1/departments/${ticket.departmentId}/notifications`, { token: transportStaff });
    const created = dept.body.items.find((n: { ticketId: string }) => n.ticketId === ticket.id);
    expect(created.body).toContain(`Hạn tiếp nhận: ${formatLocal(ticket.ackDueAt)}.`);
    expect(created.body).toContain(`Hạn trả lời: ${formatLocal(ticket.dueAt)}.`);
  });
});
