/**
 * Personal data through the HTTP API and the local runtime's stream consumers: export,
 * erasure (once, whatever how often asked; during an open workflow; metrics untouched),
 * retention at its boundary, the access record, minimised views and consent.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../../shared/adapters/dynamodb/client.js';
import { dynamoPersonalDataStore } from '../../shared/adapters/dynamodb/personal-data-store.js';
import { tableName } from '../../shared/adapters/dynamodb/table.js';
import { localOutbox } from '../../shared/adapters/sns/local-outbox.js';
import { localDate } from '../../shared/domain/working-hours.js';
import { useTestApi } from '../support/api.js';
import { seedTicket, snapshot } from '../support/tickets.js';

// Whole workflows with the stream consumers behind them: slower than one request on a shared machine.
vi.setConfig({ testTimeout: 60_000 });

const api = useTestApi({ streams: true });
const tokens: Record<string, string> = {};
const today = localDate(new Date());

const phoneOf = (sub: string) => `+8490${String(Math.abs([...sub].reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, 7))).padStart(7, '0').slice(0, 7)}`;
const body = (extra: Record<string, unknown> = {}) => ({
  category: 'roads_traffic',
  description: 'Ổ gà lớn trước cửa nhà số 12 ngõ 34',
  location: { wardCode: '00001', lat: 21.0362, lng: 105.8342, address: '12 ngõ 34 Kim Mã' },
  ...extra,
});
const evidence = [{ key: 'evidence/after.jpg', contentType: 'image/jpeg' }];

async function citizen(sub: string, name = `Nguyễn ${sub}`) {
  tokens[sub] = await api.token({ sub, groups: ['citizen'], name, phone: phoneOf(sub) });
  return tokens[sub]!;
}
async function submit(token: string, extra: Record<string, unknown> = {}) {
  const res = await api.request('POST', '/v1/tickets', { token, body: body(extra) });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; version: number };
}
const act = async (id: string, action: Record<string, unknown>) => {
  const current = (await api.request('GET', `/v1/tickets/${id}`, { token: tokens.staff })).body;
  return api.request('POST', `/v1/tickets/${id}/actions`, { token: tokens.staff, body: { expectedVersion: current.version, ...action } });
};
const erase = (token: string) => api.request('DELETE', '/v1/me', { token });
const accessLog = (id: string, token: string) => api.request('GET', `/v1/tickets/${id}/access-log?limit=100`, { token });

beforeAll(async () => {
  tokens.staff = await api.token({ sub: 'staff-transport', groups: ['staff'], departmentId: 'city-transport' });
  tokens.otherStaff = await api.token({ sub: 'staff-ward', groups: ['staff'], departmentId: 'ward-00001' });
  tokens.manager = await api.token({ sub: 'manager-city', groups: ['manager'], scope: 'city' });
  tokens.admin = await api.token({ sub: 'admin-1', groups: ['admin'] });
});

describe('GET /v1/me/export', () => {
  it('holds exactly the caller’s tickets, history, inbox and preferences, and nothing of anyone else', async () => {
    const an = await citizen('exp-an', 'Trần Thị An');
    const binh = await citizen('exp-binh', 'Lê Văn Bình');
    await api.request('PUT', '/v1/me/preferences', { token: an, body: { channels: { sms: true, email: true, push: false }, phone: '+84911111111', email: 'an@example.vn', language: 'vi' } });
    await api.request('PUT', '/v1/me/preferences', { token: binh, body: { channels: { sms: true, email: true, push: false }, phone: '+84922222222', email: 'binh@example.vn', language: 'en' } });
    const mine = [await submit(an), await submit(an, { visibility: 'public' })];
    const theirs = await submit(binh);
    await act(mine[0]!.id, { action: 'acknowledge' });
    await act(mine[0]!.id, { action: 'request_info', message: 'Xin cho biết số nhà chính xác?' });
    await api.request('POST', `/v1/tickets/${mine[0]!.id}/comments`, { token: an, body: { message: 'Số 12, cạnh cột điện' } });
    await api.streams.drain(45_000);

    const res = await api.request('GET', '/v1/me/export', { token: an });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/attachment/);
    const doc = res.body;
    expect(doc.profile).toEqual({ userId: 'exp-an', name: 'Trần Thị An', phone: phoneOf('exp-an') });
    expect(doc.preferences).toMatchObject({ phone: '+84911111111', email: 'an@example.vn' });
    expect(doc.tickets.map((t: { id: string }) => t.id).sort()).toEqual(mine.map((t) => t.id).sort());
    const first = doc.tickets.find((t: { id: string }) => t.id === mine[0]!.id);
    expect(first).toMatchObject({ citizenName: 'Trần Thị An', location: { address: '12 ngõ 34 Kim Mã', lat: 21.0362 } });
    expect(first.history.map((e: { type: string }) => e.type)).toEqual(['created', 'acknowledged', 'info_requested', 'commented']);
    expect(first.accessLog.length).toBeGreaterThan(0);
    expect(doc.notifications.length).toBeGreaterThan(0);
    expect(doc.notifications.every((n: { ticketId: string }) => mine.some((t) => t.id === n.ticketId))).toBe(true);
    expect(doc.erasure).toBeNull();
    const text = JSON.stringify(doc);
    for (const other of [theirs.id, 'exp-binh', 'Lê Văn Bình', '+84922222222', 'binh@example.vn', phoneOf('exp-binh')]) expect(text).not.toContain(other);
  });

  it('is for citizens only', async () => {
    expect((await api.request('GET', '/v1/me/export', { token: tokens.staff })).status).toBe(403);
    expect((await api.request('GET', '/v1/me/export')).status).toBe(401);
  });
});

describe('DELETE /v1/me', () => {
  it('asked twice and concurrently is one erasure, which removes the personal fields and keeps the record', async () => {
    const token = await citizen('erase-twice');
    await api.request('PUT', '/v1/me/preferences', { token, body: { channels: { sms: true, email: false, push: false }, phone: '+84933333333', language: 'vi' } });
    const t = await submit(token, { visibility: 'public' });
    await act(t.id, { action: 'acknowledge' });
    await act(t.id, { action: 'respond', message: 'Đã vá ổ gà và dọn dẹp mặt đường sáng thứ Hai.', evidence });
    await api.request('POST', `/v1/tickets/${t.id}/rating`, { token, body: { rating: 'satisfied', comment: 'Cảm ơn, gọi tôi 0901234567 nếu cần' } });
    await api.streams.drain(45_000);
    expect((await api.request('GET', '/v1/public/tickets?limit=100')).body.items.map((x: { id: string }) => x.id)).toContain(t.id);

    const replies = await Promise.all([erase(token), erase(token), erase(token)]);
    expect(replies.map((r) => r.status)).toEqual([202, 202, 202]);
    const ids = new Set(replies.map((r) => r.body.erasureId));
    expect(ids.size).toBe(1);
    const [erasureId] = [...ids];
    await api.streams.drain(45_000);

    const status = await api.request('GET', `/v1/me/erasure/${erasureId}`, { token });
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({ erasureId, status: 'done', finishedAt: expect.any(String), steps: { tickets: 1, preferences: 1, inbox: expect.any(Number) } });
    const again = await erase(token);
    expect(again.body).toMatchObject({ erasureId, status: 'done' });
    await api.streams.drain(45_000);

    const { item, events } = await snapshot(t.id);
    expect(events!.filter((e) => e.type === 'personal_data_removed')).toHaveLength(1);
    for (const field of ['citizenName', 'citizenPhone', 'gsi1pk', 'gsi5pk']) expect(item).not.toHaveProperty(field);
    // a satisfied rating closed it; state, answer and rating stay
    expect(item).toMatchObject({ citizenId: 'erased', visibility: 'private', status: 'closed', category: 'roads_traffic', departmentId: 'city-transport', location: { wardCode: '00001', districtCode: '001' }, response: { message: expect.any(String) }, rating: { value: 'satisfied' } });
    expect(item!.location).not.toHaveProperty('lat');
    expect(item!.location).not.toHaveProperty('address');
    expect(item!.rating).not.toHaveProperty('comment');
    const text = JSON.stringify(events);
    expect(text).not.toContain('erase-twice');
    expect(text).not.toContain('0901234567');
    expect((await api.request('GET', '/v1/public/tickets?limit=100')).body.items.map((x: { id: string }) => x.id)).not.toContain(t.id);
    expect((await documentClient.send(new GetCommand({ TableName: tableName(), Key: { pk: 'USER#erase-twice', sk: 'PREFERENCES' } }))).Item).toBeUndefined();
    const inbox = await documentClient.send(new QueryCommand({ TableName: tableName(), KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': 'INBOX#USER#erase-twice' } }));
    expect(inbox.Items).toEqual([]);
  });

  it('leaves the token good for nothing personal: empty lists, the old ticket unknown, an empty export', async () => {
    const token = tokens['erase-twice']!;
    expect((await api.request('GET', '/v1/me/tickets', { token })).body).toEqual({ items: [], nextCursor: null });
    expect((await api.request('GET', '/v1/me/notifications', { token })).body.items).toEqual([]);
    const exported = (await api.request('GET', '/v1/me/export', { token })).body;
    expect(exported).toMatchObject({ tickets: [], notifications: [], preferences: null, erasure: { status: 'done' } });
    const old = (await snapshot((await documentClient.send(new QueryCommand({ TableName: tableName(), IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :pk', ExpressionAttributeValues: { ':pk': 'DEPT#city-transport#DONE' } }))).Items!.find((i) => i.personalDataRemovedAt)!.id as string)).item!;
    expect((await api.request('GET', `/v1/tickets/${old.id}`, { token })).status).toBe(404);
    const erased = await api.token({ sub: 'erased', groups: ['citizen'] });
    expect((await api.request('GET', `/v1/tickets/${old.id}`, { token: erased })).status).toBe(404);
    expect((await api.request('GET', '/v1/me/tickets', { token: erased })).body.items).toEqual([]);
  });

  it('during an open workflow: the unit still answers, the answer is kept, the erased contact is told nothing', async () => {
    const token = await citizen('erase-open');
    await api.request('PUT', '/v1/me/preferences', { token, body: { channels: { sms: true, email: true, push: true }, phone: '+84944444444', email: 'open@example.vn', language: 'vi' } });
    const t = await submit(token);
    await act(t.id, { action: 'acknowledge' });
    await api.streams.drain(45_000);
    const toContact = () => localOutbox.list(10_000).filter((m) => /\+84944444444|open@example\.vn|erase-open|"userId":"erased"/.test(JSON.stringify(m)));
    const sentBefore = toContact().length;
    expect(sentBefore).toBeGreaterThan(0);

    await erase(token);
    await api.streams.drain(45_000);
    const answer = await act(t.id, { action: 'respond', message: 'Đơn vị đã sửa xong mặt đường, xin cảm ơn.', evidence });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ status: 'responded', response: { message: 'Đơn vị đã sửa xong mặt đường, xin cảm ơn.' } });
    await api.streams.drain(45_000);

    expect(toContact()).toHaveLength(sentBefore);
    // the unit was told of nothing new either but its own work: the answer went out to nobody
    expect(localOutbox.list(10_000).some((m) => JSON.stringify(m).includes('Đơn vị đã sửa xong'))).toBe(false);
    const inbox = await documentClient.send(new QueryCommand({ TableName: tableName(), KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': 'INBOX#USER#erase-open' } }));
    expect(inbox.Items).toEqual([]);
    const nobody = await documentClient.send(new QueryCommand({ TableName: tableName(), KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': 'INBOX#USER#erased' } }));
    expect(nobody.Items).toEqual([]);
    expect((await snapshot(t.id)).item).toMatchObject({ citizenId: 'erased', status: 'responded', response: { departmentId: 'city-transport' } });
  });

  it('leaves the metrics as they were: the recount finds no drift and the totals do not move', async () => {
    const token = await citizen('erase-metrics');
    const t = await submit(token);
    await act(t.id, { action: 'acknowledge' });
    await act(t.id, { action: 'respond', message: 'Đã vá ổ gà và dọn dẹp mặt đường sáng thứ Hai.', evidence });
    await api.request('POST', `/v1/tickets/${t.id}/rating`, { token, body: { rating: 'acceptable' } });
    await api.streams.drain(45_000);
    const totals = async () => (await api.request('GET', `/v1/metrics?scope=city&from=${today}&to=${today}&granularity=total`, { token: tokens.manager })).body.totals;
    const recount = async () => (await api.request('POST', '/dev/jobs/reconcile-metrics', { body: { day: today } })).body;
    const before = { totals: await totals(), recount: await recount() };
    expect(before.recount.drift).toEqual([]);

    await erase(token);
    await api.streams.drain(45_000);
    const after = { totals: await totals(), recount: await recount() };
    expect(after.totals).toEqual(before.totals);
    expect(after.recount.drift).toEqual([]);
    expect(after.recount.countersChecked).toBe(before.recount.countersChecked);
  });

  it('reports an unknown or someone else’s erasure as 404, and is for citizens', async () => {
    const token = await citizen('erase-nosy');
    const mine = (await erase(token)).body.erasureId;
    const other = (await erase(await citizen('erase-other'))).body.erasureId;
    expect((await api.request('GET', `/v1/me/erasure/${mine}`, { token })).status).toBe(200);
    expect((await api.request('GET', `/v1/me/erasure/${other}`, { token })).status).toBe(404);
    expect((await api.request('GET', '/v1/me/erasure/nope', { token })).status).toBe(400);
    expect((await erase(tokens.staff!)).status).toBe(403);
    await api.streams.drain(45_000);
  });
});

describe('retention (POST /dev/jobs/retention)', () => {
  it('removes personal data of tickets done more than RETENTION_MONTHS (24) ago, to the day, and only once', async () => {
    const now = new Date('2026-11-15T03:00:00.000Z');
    const at = (iso: string) => ({ citizenName: 'Phạm Cũ', citizenPhone: '+84955555555', location: { wardCode: '00001', lat: 21, lng: 105, address: 'số 1' } });
    const closed = (iso: string) => seedTicket({ departmentId: 'city-transport', citizenId: 'retained', now: new Date('2024-09-01T03:00:00Z'), overrides: { ...at(iso), status: 'closed', closedAt: iso } });
    const pastDay = await closed('2024-11-14T03:00:00.000Z');
    const pastInstant = await closed('2024-11-15T02:59:59.999Z');
    const exactly = await closed('2024-11-15T03:00:00.000Z');
    const withinDay = await closed('2024-11-16T03:00:00.000Z');
    const rejected = await seedTicket({
      departmentId: 'city-transport', citizenId: 'retained', now: new Date('2024-09-01T03:00:00Z'),
      overrides: { ...at(''), status: 'rejected', rejection: { reasonCode: 'spam', message: 'Không phải phản ánh', at: '2024-11-14T00:00:00.000Z' } },
    });
    const stillOpen = await seedTicket({ departmentId: 'city-transport', citizenId: 'retained', now: new Date('2024-09-01T03:00:00Z'), overrides: at('') });

    const run = await api.request('POST', '/dev/jobs/retention', { body: { now: now.toISOString() } });
    expect(run.status).toBe(200);
    expect(run.body).toMatchObject({ cutoff: '2024-11-15T03:00:00.000Z', months: 24 });
    expect([...run.body.anonymised].sort()).toEqual([pastDay.id, pastInstant.id, rejected.id].sort());
    for (const t of [pastDay, pastInstant, rejected]) {
      const { item } = await snapshot(t.id);
      expect(item).toMatchObject({ citizenId: 'erased', personalDataRemovedAt: expect.any(String), location: { wardCode: '00001' } });
      expect(item).not.toHaveProperty('citizenPhone');
      expect(item).not.toHaveProperty('gsi3pk');
    }
    for (const t of [exactly, withinDay, stillOpen]) expect((await snapshot(t.id)).item).toMatchObject({ citizenId: 'retained', citizenPhone: '+84955555555' });

    expect((await api.request('POST', '/dev/jobs/retention', { body: { now: now.toISOString() } })).body.anonymised).toEqual([]);
    const dayLater = await api.request('POST', '/dev/jobs/retention', { body: { now: '2026-11-16T03:00:00.001Z' } });
    expect([...dayLater.body.anonymised].sort()).toEqual([exactly.id, withinDay.id].sort());
    expect((await api.request('POST', '/dev/jobs/retention', { body: { now: 'soon' } })).status).toBe(400);
    await api.streams.drain(45_000);
  });
});

describe('the access record', () => {
  it('has an entry for each official read that showed personal data, none for the citizen’s own reads or managers’', async () => {
    const token = await citizen('watched');
    const t = await submit(token);
    await api.request('GET', `/v1/tickets/${t.id}`, { token });
    await api.request('GET', `/v1/tickets/${t.id}/history`, { token });
    await api.request('GET', '/v1/me/tickets', { token });
    await api.request('GET', '/v1/me/export', { token });
    expect((await accessLog(t.id, token)).body.items).toEqual([]);

    await api.request('GET', `/v1/tickets/${t.id}`, { token: tokens.manager });
    await api.request('GET', `/v1/departments/city-transport/tickets?limit=100`, { token: tokens.manager });
    expect((await accessLog(t.id, token)).body.items).toEqual([]);

    expect((await api.request('GET', `/v1/tickets/${t.id}`, { token: tokens.staff })).status).toBe(200);
    await api.request('GET', `/v1/tickets/${t.id}/history`, { token: tokens.staff });
    await api.request('GET', `/v1/departments/city-transport/tickets?limit=100`, { token: tokens.staff });
    await api.request('POST', `/v1/tickets/${t.id}/actions`, { token: tokens.staff, body: { action: 'acknowledge', expectedVersion: 1 } });
    await api.request('GET', `/v1/tickets/${t.id}`, { token: tokens.admin });
    expect((await api.request('GET', `/v1/tickets/${t.id}`, { token: tokens.otherStaff })).status).toBe(404);

    const owner = await accessLog(t.id, token);
    expect(owner.status).toBe(200);
    expect(owner.body.items.map((e: { route: string; role: string; unit: string }) => [e.route, e.role, e.unit])).toEqual([
      ['getTicket', 'staff', 'city-transport'],
      ['getTicketHistory', 'staff', 'city-transport'],
      ['listDepartmentTickets', 'staff', 'city-transport'],
      ['actOnTicket', 'staff', 'city-transport'],
      ['getTicket', 'admin', 'admin'],
    ]);
    expect(JSON.stringify(owner.body)).not.toContain('staff-transport');
    expect(JSON.stringify(owner.body)).not.toContain('admin-1');
    const forAdmin = await accessLog(t.id, tokens.admin!);
    expect(forAdmin.body.items.map((e: { userId: string }) => e.userId)).toContain('staff-transport');

    expect((await accessLog(t.id, await citizen('not-the-owner'))).status).toBe(404);
    expect((await accessLog(t.id, tokens.staff!)).status).toBe(403);
    expect((await accessLog(t.id, tokens.manager!)).status).toBe(403);
  });
});

describe('minimised views', () => {
  it('managers and the public never get names, phones, the citizen id or exact places; the unit’s staff do', async () => {
    const token = await citizen('minimised', 'Đỗ Minh');
    const t = await submit(token, { visibility: 'public' });
    const manager = (await api.request('GET', `/v1/tickets/${t.id}`, { token: tokens.manager })).body;
    for (const field of ['citizenId', 'citizenName', 'citizenPhone', 'citizenEmail']) expect(manager).not.toHaveProperty(field);
    expect(manager.location).toEqual({ wardCode: '00001', districtCode: '001', provinceCode: '01' });
    const queue = (await api.request('GET', `/v1/departments/city-transport/tickets?limit=100`, { token: tokens.manager })).body.items;
    expect(JSON.stringify(queue)).not.toMatch(/citizenName|citizenPhone|"lat"|"address"|minimised/);
    const history = (await api.request('GET', `/v1/tickets/${t.id}/history`, { token: tokens.manager })).body.items;
    expect(JSON.stringify(history)).not.toContain('minimised');
    const staff = (await api.request('GET', `/v1/tickets/${t.id}`, { token: tokens.staff })).body;
    expect(staff).toMatchObject({ citizenName: 'Đỗ Minh', citizenPhone: phoneOf('minimised'), location: { lat: 21.0362, address: '12 ngõ 34 Kim Mã' } });
  });
});

describe('consent and the privacy notice', () => {
  it('needs no consent until a notice is published; then 400 without the current version, and the ticket records it', async () => {
    const token = await citizen('consenting');
    expect((await api.request('GET', '/v1/privacy-notice')).status).toBe(404);
    await submit(token);

    await dynamoPersonalDataStore.putPrivacyNotice({ version: '2026-12', publishedAt: '2026-12-01T00:00:00.000Z', text: { vi: 'Thông báo', en: 'Notice' } });
    const notice = await api.request('GET', '/v1/privacy-notice');
    expect(notice.body).toEqual({ version: '2026-12', publishedAt: '2026-12-01T00:00:00.000Z', text: { vi: 'Thông báo', en: 'Notice' } });

    const missing = await api.request('POST', '/v1/tickets', { token, body: body() });
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toEqual([{ path: 'body.consentVersion', message: expect.stringContaining('2026-12') }]);
    const stale = await api.request('POST', '/v1/tickets', { token, body: body({ consentVersion: '2025-01' }) });
    expect(stale.status).toBe(400);
    const ok = await api.request('POST', '/v1/tickets', { token, body: body({ consentVersion: '2026-12' }) });
    expect(ok.status).toBe(201);
    expect(ok.body.consent).toEqual({ version: '2026-12', at: expect.any(String) });
  });
});

describe('erasure of follower records (issue 15)', () => {
  it('deletes the records of the tickets the citizen follows and keeps the follower counts', async () => {
    const owner = await citizen('followed-owner');
    const fan = await citizen('follower-fan');
    // the notice published by the consent test above is in force
    const t = await submit(owner, { visibility: 'public', consentVersion: '2026-12' });
    const follow = await api.request('POST', `/v1/tickets/${t.id}/follow`, { token: fan });
    expect(follow.body).toMatchObject({ following: true, followers: 1 });
    await erase(fan);
    await api.streams.drain(45_000);
    const record = await documentClient.send(new GetCommand({ TableName: tableName(), Key: { pk: `TICKET#${t.id}`, sk: 'FOLLOWER#follower-fan' } }));
    expect(record.Item).toBeUndefined();
    expect((await snapshot(t.id)).item).toMatchObject({ followers: 1, citizenId: 'followed-owner' });
    const status = (await api.request('GET', '/v1/me/export', { token: fan })).body.erasure;
    expect(status).toMatchObject({ status: 'done', steps: { followers: 1 } });
  });
});
