/**
 * Personal data through the HTTP API and the stream consumers (issue 17): minimised views,
 * the access record, export, erasure (twice, at once, during an open workflow), and metrics
 * that an erasure leaves as they were.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { s3MediaStore } from '../../shared/adapters/s3/media-store.js';
import { dynamoMetricReader } from '../../shared/adapters/dynamodb/metric-store.js';
import { dynamoTicketStore } from '../../shared/adapters/dynamodb/ticket-store.js';
import { reconcileDay } from '../../shared/app/reconcile-metrics.js';
import { fullKey, thumbKey } from '../../shared/domain/upload.js';
import { localDate } from '../../shared/domain/working-hours.js';
import { useTestApi } from '../support/api.js';
import { testClock } from '../support/clock.js';
import { phonePhoto, seedReadyUpload, upload } from '../support/uploads.js';

// The day the exports and recounts read is pinned, so a run across local midnight reads the same day it wrote.
const clock = testClock('2026-11-18T02:00:00.000Z');
const api = useTestApi({ streams: true, s3: true, clock });
const today = localDate(clock.now());

// The token carries name and phone (API.md, Identity); the e-mail address is given in the preferences.
const AN = { name: 'Nguyễn Văn An', phone: '+84912345678' };
const AN_EMAIL = 'an@example.vn';
const BINH = { name: 'Lê Thị Bình', phone: '+84987654321' };

let an: string;
let binh: string;
let staff: string;
let otherStaff: string;
let manager: string;
let admin: string;
let department: string;

const body = (extra: Record<string, unknown> = {}) => ({
  category: 'environment',
  description: 'Rác thải tồn đọng ở đầu ngõ 15 đã ba ngày',
  location: { wardCode: '00001', lat: 21.0431, lng: 105.8361, address: '15 Phúc Xá' },
  ...extra,
});

async function submit(token: string, extra: Record<string, unknown> = {}) {
  const res = await api.request('POST', '/v1/tickets', { token, body: body(extra) });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; ref: string; version: number; departmentId: string };
}

async function act(id: string, action: Record<string, unknown>, token = staff) {
  // The environment category requires evidence with an answer.
  if (action.action === 'respond') action = { evidence: [{ uploadId: await seedReadyUpload(token, 'evidence') }], ...action };
  const current = (await dynamoTicketStore.get(id))!;
  const res = await api.request('POST', `/v1/tickets/${id}/actions`, { token, body: { expectedVersion: current.version, ...action } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

const accessLog = async (id: string, token: string) => (await api.request('GET', `/v1/tickets/${id}/access-log`, { token })).body.items as Array<Record<string, unknown>>;

let anTicket: { id: string; ref: string; departmentId: string };
let anPublic: { id: string };
let anOpen: { id: string };
let binhPublic: { id: string };
let photo: { id: string };

beforeAll(async () => {
  an = await api.token({ sub: 'an', groups: ['citizen'], ...AN });
  binh = await api.token({ sub: 'binh', groups: ['citizen'], ...BINH });
  manager = await api.token({ sub: 'mgr', groups: ['manager'], scope: 'city' });
  admin = await api.token({ sub: 'root', groups: ['admin'] });
  otherStaff = await api.token({ sub: 'other', groups: ['staff'], departmentId: 'city-transport' });

  photo = await upload(api, an, await phonePhoto(600, 400));
  expect(photo).toMatchObject({ status: 'ready' });
  anTicket = await submit(an, { attachments: [{ uploadId: photo.id }] });
  department = anTicket.departmentId;
  staff = await api.token({ sub: 'lan', groups: ['staff'], departmentId: department, name: 'Cán bộ Lan' });
  anPublic = await submit(an, { visibility: 'public' });
  anOpen = await submit(an);
  binhPublic = await submit(binh, { visibility: 'public', description: 'Cây đổ chắn ngang đường ngõ 7 Phúc Xá', location: { wardCode: '00001', lat: 21.0447, lng: 105.8372, address: 'ngõ 7 Phúc Xá' } });
  await api.request('PUT', '/v1/me/preferences', { token: an, body: { channels: { sms: true, email: true, push: false }, phone: AN.phone, email: AN_EMAIL, language: 'vi' } });
  // Both public tickets answered: they are in the public feed.
  for (const t of [anPublic, binhPublic]) {
    await act(t.id, { action: 'acknowledge' });
    await act(t.id, { action: 'respond', message: 'Đã thu gom và xử lý xong, cảm ơn bạn đã phản ánh.' });
  }
  expect((await api.request('POST', `/v1/tickets/${binhPublic.id}/follow`, { token: an })).status).toBe(200);
  await act(anOpen.id, { action: 'acknowledge' });
  await api.streams.drain();
});

describe('minimised views', () => {
  it('staff of the department holding the ticket and admins see the contact and the exact place; managers neither', async () => {
    for (const token of [staff, admin]) {
      const res = await api.request('GET', `/v1/tickets/${anTicket.id}`, { token });
      expect(res.body).toMatchObject({ citizenId: 'an', citizenName: AN.name, citizenPhone: AN.phone, location: { lat: 21.0431, lng: 105.8361, address: '15 Phúc Xá' } });
    }
    const seen = await api.request('GET', `/v1/tickets/${anTicket.id}`, { token: manager });
    expect(seen.status).toBe(200);
    for (const field of ['citizenId', 'citizenName', 'citizenPhone', 'citizenEmail']) expect(seen.body).not.toHaveProperty(field);
    expect(seen.body.location).toEqual({ wardCode: '00001', districtCode: '001', provinceCode: '01' });
    const queue = await api.request('GET', `/v1/departments/${department}/tickets`, { token: manager });
    expect(JSON.stringify(queue.body)).not.toMatch(/Nguyễn Văn An|\+84912345678|an@example\.vn|21\.0431|15 Phúc Xá/);
    expect((await api.request('GET', `/v1/tickets/${anTicket.id}`, { token: otherStaff })).status).toBe(404);
  });

  it('the public feed carries no personal data', async () => {
    const feed = await api.request('GET', '/v1/public/tickets');
    expect(feed.body.items.map((t: { id: string }) => t.id)).toEqual(expect.arrayContaining([anPublic.id, binhPublic.id]));
    expect(JSON.stringify(feed.body)).not.toMatch(/Nguyễn Văn An|Lê Thị Bình|\+849|an@example|21\.0431|15 Phúc Xá|"an"|"binh"/);
  });
});

describe('the access record', () => {
  it('records each route that shows officials personal data, by unit and role for the owner, and none of the citizen’s own reads', async () => {
    const before = await accessLog(anTicket.id, admin);
    await api.request('GET', `/v1/tickets/${anTicket.id}`, { token: an });
    await api.request('GET', `/v1/tickets/${anTicket.id}/history`, { token: an });
    await api.request('GET', '/v1/me/tickets', { token: an });
    expect(await accessLog(anTicket.id, admin)).toHaveLength(before.length);

    await api.request('GET', `/v1/tickets/${anTicket.id}`, { token: staff });
    await api.request('GET', `/v1/ticket-refs/${anTicket.ref}`, { token: staff });
    await api.request('GET', `/v1/tickets/${anTicket.id}/history`, { token: staff });
    await api.request('GET', `/v1/departments/${department}/tickets?limit=100`, { token: staff });
    await act(anTicket.id, { action: 'acknowledge' });
    await api.request('GET', `/v1/tickets/${anTicket.id}`, { token: manager });
    await api.request('GET', `/v1/tickets/${anTicket.id}`, { token: admin });
    const csv = await api.request('GET', `/v1/tickets/export.csv?scope=city&from=${today}&to=${today}`, { token: manager });
    expect(csv.status).toBe(200);

    const owner = (await accessLog(anTicket.id, an)).slice(before.length);
    const routes = owner.map((e) => `${e.route}:${e.role}:${e.unit}`);
    expect(routes).toEqual(
      expect.arrayContaining([
        `getTicket:staff:${department}`,
        `getTicketByRef:staff:${department}`,
        `getTicketHistory:staff:${department}`,
        `listDepartmentTickets:staff:${department}`,
        `actOnTicket:staff:${department}`,
        'getTicket:manager:city',
        'getTicket:admin:admin',
        'exportTicketsCsv:manager:city',
      ]),
    );
    // The beforeAll's own acknowledgements were of other tickets: exactly these eight, the export once.
    expect(owner).toHaveLength(8);
    expect(owner.find((e) => e.route === 'exportTicketsCsv')).toMatchObject({ scope: 'city', from: today, to: today });
    for (const e of owner) expect(e).not.toHaveProperty('userId');
    const adminView = (await accessLog(anTicket.id, admin)).slice(before.length);
    expect(adminView.map((e) => e.userId)).toEqual(expect.arrayContaining(['lan', 'mgr', 'root']));
  });

  it('a manager’s queue rows without contact are not recorded; the log is for the owner and admins only', async () => {
    const before = (await accessLog(anOpen.id, admin)).length;
    await api.request('GET', `/v1/departments/${department}/tickets`, { token: manager });
    expect(await accessLog(anOpen.id, admin)).toHaveLength(before);
    expect((await api.request('GET', `/v1/tickets/${anTicket.id}/access-log`, { token: binh })).status).toBe(404);
    expect((await api.request('GET', `/v1/tickets/${anTicket.id}/access-log`, { token: staff })).status).toBe(403);
    expect((await api.request('GET', `/v1/tickets/${anTicket.id}/access-log`, { token: manager })).status).toBe(403);
  });
});

describe('GET /v1/me/export', () => {
  it('holds exactly the caller’s data: tickets with history and access record, preferences, inbox, follows — nothing of others', async () => {
    const res = await api.request('GET', '/v1/me/export', { token: an });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="my-data-/);
    const doc = res.body;
    expect(doc.profile).toEqual({ userId: 'an', ...AN });
    expect(doc.tickets.map((t: { ticket: { id: string } }) => t.ticket.id).sort()).toEqual([anTicket.id, anPublic.id, anOpen.id].sort());
    const withPhoto = doc.tickets.find((t: { ticket: { id: string } }) => t.ticket.id === anTicket.id);
    expect(withPhoto.ticket).toMatchObject({ citizenPhone: AN.phone, photos: [{ id: photo.id, url: expect.stringContaining('http') }] });
    expect(withPhoto.history[0]).toMatchObject({ type: 'created' });
    expect(withPhoto.accessLog.length).toBeGreaterThanOrEqual(8);
    expect(doc.preferences).toMatchObject({ phone: AN.phone, email: AN_EMAIL, channels: { sms: true } });
    expect(doc.following).toEqual([{ ticketId: binhPublic.id, at: expect.any(String), via: 'follow' }]);
    expect(doc.notifications.length).toBeGreaterThan(0);
    expect(doc.notifications.every((n: { ticketId: string }) => [anTicket.id, anPublic.id, anOpen.id, binhPublic.id].includes(n.ticketId))).toBe(true);
    expect(doc.erasure).toBeNull();
    const text = JSON.stringify(doc);
    expect(text).not.toMatch(/Lê Thị Bình|\+84987654321|"binh"|Cây đổ/);
    // Bình's export has nothing of An's.
    const other = JSON.stringify((await api.request('GET', '/v1/me/export', { token: binh })).body);
    expect(other).not.toMatch(/Nguyễn Văn An|\+84912345678|an@example\.vn|15 Phúc Xá/);
  });

  it('is for citizens', async () => {
    expect((await api.request('GET', '/v1/me/export', { token: staff })).status).toBe(403);
    expect((await api.request('GET', '/v1/me/export')).status).toBe(401);
  });
});

describe('DELETE /v1/me', () => {
  let erasureId: string;
  let recountBefore: Awaited<ReturnType<typeof reconcileDay>>;
  let totalsBefore: unknown;

  beforeAll(async () => {
    recountBefore = await reconcileDay({ tickets: dynamoTicketStore, metrics: dynamoMetricReader }, today);
    totalsBefore = (await api.request('GET', `/v1/metrics?scope=city&from=${today}&to=${today}&granularity=total`, { token: manager })).body.totals;
  });

  it('twice and at once is one erasure (202, one id)', async () => {
    const replies = await Promise.all([0, 1, 2].map(() => api.request('DELETE', '/v1/me', { token: an })));
    for (const r of replies) expect(r.status).toBe(202);
    const ids = new Set(replies.map((r) => r.body.erasureId));
    expect(ids.size).toBe(1);
    erasureId = replies[0]!.body.erasureId;
    expect(replies[0]!.headers.get('location')).toBe(`/v1/me/erasure/${erasureId}`);
    await api.streams.drain();
    const again = await api.request('DELETE', '/v1/me', { token: an });
    expect(again.body).toMatchObject({ erasureId, status: 'done' });
    const status = await api.request('GET', `/v1/me/erasure/${erasureId}`, { token: an });
    expect(status.body).toMatchObject({ erasureId, status: 'done', finishedAt: expect.any(String), counts: { tickets: 3, photos: 1, followings: 1, preferences: 1 } });
    expect((await api.request('GET', `/v1/me/erasure/${erasureId}`, { token: binh })).status).toBe(404);
    // Each ticket was anonymised exactly once.
    for (const t of [anTicket, anPublic, anOpen]) {
      const events = await dynamoTicketStore.events(t.id);
      expect(events.filter((e) => e.type === 'personal_data_removed')).toHaveLength(1);
    }
  });

  it('leaves the token working for nothing personal', async () => {
    expect((await api.request('GET', '/v1/me/tickets', { token: an })).body.items).toEqual([]);
    expect((await api.request('GET', `/v1/tickets/${anTicket.id}`, { token: an })).status).toBe(404);
    expect((await api.request('GET', '/v1/me/notifications', { token: an })).body.items).toEqual([]);
    expect((await api.request('GET', '/v1/me/preferences', { token: an })).body).toMatchObject({ updatedAt: null });
    const doc = (await api.request('GET', '/v1/me/export', { token: an })).body;
    expect(doc).toMatchObject({ tickets: [], following: [], notifications: [], preferences: null, erasure: { erasureId, status: 'done' } });
  });

  it('keeps the unit’s record without the citizen: no id, name, phone, place or photos; out of the public feed', async () => {
    const seen = (await api.request('GET', `/v1/tickets/${anTicket.id}`, { token: admin })).body;
    expect(seen).toMatchObject({ citizenId: 'erased', category: 'environment', location: { wardCode: '00001' }, photos: [], personalDataRemovedAt: expect.any(String), visibility: 'private' });
    for (const field of ['citizenName', 'citizenPhone', 'citizenEmail']) expect(seen).not.toHaveProperty(field);
    expect(seen.location).not.toHaveProperty('lat');
    expect(seen.location).not.toHaveProperty('address');
    for (const key of [fullKey(photo.id, 'jpeg'), thumbKey(photo.id, 'jpeg')]) expect(await s3MediaStore.read(key)).toBeUndefined();
    const history = (await api.request('GET', `/v1/tickets/${anTicket.id}/history`, { token: admin })).body.items;
    expect(history[0]).toMatchObject({ type: 'created', actor: { id: 'erased', role: 'citizen' } });
    expect(history[0]).not.toHaveProperty('photos');
    const feed = (await api.request('GET', '/v1/public/tickets')).body.items.map((t: { id: string }) => t.id);
    expect(feed).not.toContain(anPublic.id);
    expect(feed).toContain(binhPublic.id);
    const stored = JSON.stringify([await dynamoTicketStore.get(anTicket.id), await dynamoTicketStore.events(anTicket.id)]);
    expect(stored).not.toMatch(/Nguyễn Văn An|\+84912345678|an@example\.vn|15 Phúc Xá|21\.0431|"an"/);
  });

  it('leaves the metrics as they were: a recount finds no drift and the same totals', async () => {
    const after = await reconcileDay({ tickets: dynamoTicketStore, metrics: dynamoMetricReader }, today);
    expect(recountBefore.drift).toEqual([]);
    expect(after.drift).toEqual([]);
    expect(after.tickets).toBe(recountBefore.tickets);
    const totals = (await api.request('GET', `/v1/metrics?scope=city&from=${today}&to=${today}&granularity=total`, { token: manager })).body.totals;
    expect(totals).toEqual(totalsBefore);
  });

  it('during an open workflow: the unit still answers, the answer is kept, the erased contact is told nothing', async () => {
    const outboxBefore = (await api.request('GET', '/dev/outbox?limit=10000')).body.total as number;
    const answered = await act(anOpen.id, { action: 'respond', message: 'Đã cử đội vệ sinh môi trường đến thu gom, cảm ơn bạn.' });
    expect(answered).toMatchObject({ status: 'responded', response: { message: expect.stringContaining('thu gom') }, citizenId: 'erased' });
    await api.streams.drain();
    const outbox = (await api.request('GET', '/dev/outbox?limit=10000')).body;
    const sent = JSON.stringify(outbox.items.slice(0, outbox.total - outboxBefore));
    expect(sent).not.toMatch(/\+84912345678|an@example\.vn/);
    expect((await api.request('GET', '/v1/me/notifications', { token: an })).body.items).toEqual([]);
    // The answer is on the unit's record.
    expect((await dynamoTicketStore.get(anOpen.id))!.response?.message).toContain('thu gom');
  });
});
