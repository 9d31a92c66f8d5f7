import ngeohash from 'ngeohash';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { handler as mergeConsumer } from '../../functions/streams/merge-duplicates.js';
import { handler as metricsConsumer } from '../../functions/streams/metrics.js';
import { lambdaContext } from '../../local/handlers.js';
import { documentClient } from '../../shared/adapters/dynamodb/client.js';
import { tableName } from '../../shared/adapters/dynamodb/table.js';
import { distanceM, GEO_PRECISION } from '../../shared/domain/geo.js';
import { SUMMARY_LENGTH, summarize } from '../../shared/domain/nearby.js';
import { localDate } from '../../shared/domain/working-hours.js';
import { useTestApi } from '../support/api.js';
import { categories, department, putDepartments, putWorkflowReference, seedTicket } from '../support/tickets.js';

const batches: Record<string, DynamoDBStreamEvent[]> = {};
const api = useTestApi({ seed: false, streams: true, onBatch: (consumer, event) => void (batches[consumer.id] ??= []).push(event) });

const M_PER_DEG_LAT = (Math.PI * 6_371_008.8) / 180;
const north = (p: { lat: number; lng: number }, metres: number) => ({ lat: p.lat + metres / M_PER_DEG_LAT, lng: p.lng });
const east = (p: { lat: number; lng: number }, metres: number) => ({ lat: p.lat, lng: p.lng + metres / (M_PER_DEG_LAT * Math.cos((p.lat * Math.PI) / 180)) });

// Each test works in its own neighbourhood of Hanoi, so their tickets never meet.
let spot = 0;
const place = () => ({ lat: 20.9 + (spot++ % 10) * 0.05, lng: 105.7 + Math.floor(spot / 10) * 0.05 });
/** The centre of the geohash-6 cell around a point. */
const cellCentre = (p: { lat: number; lng: number }) => {
  const [minLat, minLng, maxLat, maxLng] = ngeohash.decode_bbox(ngeohash.encode(p.lat, p.lng, GEO_PRECISION));
  return { lat: (minLat + maxLat) / 2, lng: (minLng + maxLng) / 2, minLat, maxLat, minLng, maxLng };
};

let owner: string;
let neighbour: string;
let staff: string;
let manager: string;

beforeAll(async () => {
  await putWorkflowReference();
  await putDepartments([department('nf-a', { districtCode: '001' })]);
  owner = await api.token({ sub: 'owner-1', groups: ['citizen'], name: 'Nguyễn Văn Chủ', phone: '+84901111111' });
  neighbour = await api.token({ sub: 'neighbour-1', groups: ['citizen'] });
  staff = await api.token({ sub: 'staff-nf', groups: ['staff'], departmentId: 'nf-a' });
  manager = await api.token({ sub: 'manager-nf', groups: ['manager'], scope: 'city' });
});

const at = (p: { lat: number; lng: number }, opts: { visibility?: 'public' | 'private'; category?: typeof categories.plain; citizenId?: string; title?: string; description?: string } = {}) =>
  seedTicket({
    departmentId: 'nf-a',
    citizenId: opts.citizenId ?? 'owner-1',
    ...(opts.category ? { category: opts.category } : {}),
    overrides: {
      location: { wardCode: '00001', districtCode: '001', lat: p.lat, lng: p.lng, address: '12 Phố Riêng Tư' },
      visibility: opts.visibility ?? 'public',
      title: opts.title ?? 'Đèn đường hỏng',
      ...(opts.description ? { description: opts.description } : {}),
      citizenName: 'Nguyễn Văn Chủ',
      citizenPhone: '+84901111111',
    },
  });

const nearby = (p: { lat: number; lng: number }, extra = '') => api.request('GET', `/v1/tickets/nearby?lat=${p.lat}&lng=${p.lng}${extra}`);
const act = (id: string, body: unknown) => api.request('POST', `/v1/tickets/${id}/actions`, { token: staff, body });
const follow = (id: string, token: string, method = 'POST') => api.request(method, `/v1/tickets/${id}/follow`, { token });
const inbox = async (token: string) => (await api.request('GET', '/v1/me/notifications?limit=100', { token })).body.items as Array<{ ticketId: string; type: string; audience: string; body: string }>;

describe('GET /v1/tickets/nearby', () => {
  it('finds a ticket across a cell boundary, with its haversine distance', async () => {
    const cell = cellCentre(place());
    const edge = { lat: cell.maxLat, lng: cell.lng };
    const me = north(edge, -40);
    const across = await at(north(edge, 60));
    expect(ngeohash.encode(me.lat, me.lng, GEO_PRECISION)).not.toBe(ngeohash.encode(across.location.lat!, across.location.lng!, GEO_PRECISION));
    const res = await nearby(me);
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([expect.objectContaining({ id: across.id, distanceM: Math.round(distanceM(me, { lat: across.location.lat!, lng: across.location.lng! })) })]);
    expect(res.body.items[0].distanceM).toBe(100);
  });

  it('stops at the radius (default 250 m), nearest first, and reaches 1000 m beyond the 3 × 3 cells', async () => {
    const centre = cellCentre(place());
    const near = await at(east(centre, 120));
    const edge = await at(north(centre, 245));
    const outside = await at(north(centre, 256));
    const far = await at(north(centre, 950)); // two rows of cells up: outside the cell and its 8 neighbours
    expect((await nearby(centre)).body.items.map((i: { id: string }) => i.id)).toEqual([near.id, edge.id]);
    expect((await nearby(centre, '&radius=244')).body.items.map((i: { id: string }) => i.id)).toEqual([near.id]);
    expect((await nearby(centre, '&radius=1000')).body.items.map((i: { id: string }) => i.id)).toEqual([near.id, edge.id, outside.id, far.id]);
  });

  it('filters by category and returns at most 10', async () => {
    const centre = cellCentre(place());
    const other = await at(east(centre, 30), { category: categories.evidence });
    for (let i = 0; i < 11; i++) await at(east(centre, 40 + i * 5));
    const all = (await nearby(centre)).body.items as Array<{ id: string; category: string; distanceM: number }>;
    expect(all).toHaveLength(10);
    expect(all[0]!.id).toBe(other.id);
    expect(all.map((i) => i.distanceM)).toEqual([...all.map((i) => i.distanceM)].sort((a, b) => a - b));
    const roads = (await nearby(centre, `&category=${categories.evidence.code}`)).body.items;
    expect(roads.map((i: { id: string }) => i.id)).toEqual([other.id]);
  });

  it('shows text only for public tickets and never personal data', async () => {
    const centre = cellCentre(place());
    const mine = await at(east(centre, 10), { visibility: 'private', title: 'Nhà tôi bị ngập' });
    const open = await at(east(centre, 20));
    const [priv, pub] = (await nearby(centre)).body.items;
    expect(priv).toEqual({ id: mine.id, ref: mine.ref, category: mine.category, status: 'assigned', distanceM: 10, createdAt: mine.createdAt, followers: 0 });
    expect(pub).toEqual({ id: open.id, ref: open.ref, category: open.category, status: 'assigned', distanceM: 20, createdAt: open.createdAt, followers: 0, title: 'Đèn đường hỏng', description: open.description });
    const text = JSON.stringify((await nearby(centre)).body);
    for (const secret of ['Nhà tôi bị ngập', 'Nguyễn Văn Chủ', '+84901111111', 'owner-1', 'Phố Riêng Tư', String(open.location.lat)]) expect(text).not.toContain(secret);
  });

  it("reads only the index's small entries: a public ticket's summary, nothing of a private one, no address", async () => {
    const centre = cellCentre(place());
    const long = `${'Cống thoát nước bị tắc, nước thải tràn lên vỉa hè. '.repeat(60)}Hết.`;
    const pub = await at(east(centre, 10), { description: long });
    const priv = await at(east(centre, 20), { visibility: 'private', description: 'Nhà tôi bị ngập sau mỗi trận mưa lớn.' });
    const [a, b] = (await nearby(centre)).body.items;
    expect(a).toMatchObject({ id: pub.id, title: 'Đèn đường hỏng', description: summarize(long) });
    expect(a.description.length).toBeLessThanOrEqual(SUMMARY_LENGTH);
    expect(a.description.endsWith('…')).toBe(true);
    expect(b).not.toHaveProperty('description');
    // What the index itself holds: keys, the entry and the count; never the description, the address or a private text.
    const indexed = (
      await documentClient.send(new QueryCommand({ TableName: tableName(), IndexName: 'gsi6v2', KeyConditionExpression: 'gsi6pk = :pk', ExpressionAttributeValues: { ':pk': `GEO#${ngeohash.encode(centre.lat, centre.lng, GEO_PRECISION)}` } }))
    ).Items!;
    expect(indexed.map((i) => i.nearby.id).sort()).toEqual([pub.id, priv.id].sort());
    for (const item of indexed) expect(Object.keys(item).sort()).toEqual(['followers', 'gsi6pk', 'gsi6sk', 'nearby', 'pk', 'sk']);
    const text = JSON.stringify(indexed);
    for (const secret of ['Nhà tôi bị ngập', 'Phố Riêng Tư', 'Nguyễn Văn Chủ', 'owner-1', 'Hết.']) expect(text).not.toContain(secret);
    // The entry is the index's alone: the ticket as read never carries it.
    expect((await api.request('GET', `/v1/tickets/${pub.id}`, { token: owner })).body).not.toHaveProperty('nearby');
  });

  it("leaves the index when the owner's personal data is erased", async () => {
    const centre = cellCentre(place());
    const eraser = await api.token({ sub: 'nearby-eraser', groups: ['citizen'] });
    const t = await at(east(centre, 10), { citizenId: 'nearby-eraser' });
    expect((await nearby(centre)).body.items.map((i: { id: string }) => i.id)).toEqual([t.id]);
    expect((await api.request('DELETE', '/v1/me', { token: eraser })).status).toBe(202);
    await api.streams.drain();
    expect((await nearby(centre)).body.items).toEqual([]);
  });

  it('drops processed tickets from the index', async () => {
    const centre = cellCentre(place());
    const t = await at(east(centre, 15));
    expect((await nearby(centre)).body.items).toHaveLength(1);
    await act(t.id, { action: 'acknowledge', expectedVersion: 1 });
    expect((await nearby(centre)).body.items).toMatchObject([{ id: t.id, status: 'in_progress' }]);
    await act(t.id, { action: 'respond', expectedVersion: 2, message: 'Đã thay bóng đèn mới vào sáng nay.' });
    expect((await nearby(centre)).body.items).toEqual([]);
    const item = (await documentClient.send(new GetCommand({ TableName: tableName(), Key: { pk: `TICKET#${t.id}`, sk: 'TICKET' } }))).Item!;
    expect(item.gsi6pk).toBeUndefined();
    expect(item.nearby).toBeUndefined();
  });

  it('rejects bad input with 400', async () => {
    expect((await api.request('GET', '/v1/tickets/nearby?lat=21&lng=105.8&radius=49')).status).toBe(400);
    expect((await api.request('GET', '/v1/tickets/nearby?lat=21&lng=105.8&radius=1001')).status).toBe(400);
    expect((await api.request('GET', '/v1/tickets/nearby?lng=105.8')).status).toBe(400);
    expect((await api.request('GET', '/v1/tickets/nearby?lat=abc&lng=105.8')).status).toBe(400);
    for (const bad of ['lat=%2021&lng=105.8', 'lat=0x10&lng=105.8', 'lat=21&lng=1.058e2', 'lat=21&lng=105.8&radius=%20250', 'lat=21&lng=105.8&radius=2.5e2', 'lat=Infinity&lng=105.8', 'lat=&lng=105.8'])
      expect((await api.request('GET', `/v1/tickets/nearby?${bad}`)).status, bad).toBe(400);
  });
});

describe('POST/DELETE /v1/tickets/{id}/follow', () => {
  it('follows and unfollows, each twice, idempotently; the count shows on views and nearby', async () => {
    const centre = cellCentre(place());
    const t = await at(centre);
    expect((await follow(t.id, neighbour)).body).toEqual({ following: true, followers: 1 });
    expect((await follow(t.id, neighbour)).body).toEqual({ following: true, followers: 1 });
    expect((await api.request('GET', `/v1/tickets/${t.id}`, { token: owner })).body.followers).toBe(1);
    expect((await api.request('GET', `/v1/departments/nf-a/tickets?limit=100`, { token: staff })).body.items.find((i: { id: string }) => i.id === t.id).followers).toBe(1);
    expect((await nearby(centre)).body.items[0].followers).toBe(1);
    expect((await follow(t.id, neighbour, 'DELETE')).body).toEqual({ following: false, followers: 0 });
    expect((await follow(t.id, neighbour, 'DELETE')).body).toEqual({ following: false, followers: 0 });
  });

  it('counts exactly under concurrent follows, and a staff action read before them keeps them', async () => {
    const t = await at(cellCentre(place()));
    const tokens = await Promise.all(Array.from({ length: 6 }, (_, i) => api.token({ sub: `crowd-${i}`, groups: ['citizen'] })));
    const replies = await Promise.all([...tokens, tokens[0]!, tokens[1]!].map((token) => follow(t.id, token)));
    expect(replies.map((r) => r.status)).toEqual(Array(8).fill(200));
    // The staff member read version 1 before the follows: no 409, and the count survives the write.
    const ack = await act(t.id, { action: 'acknowledge', expectedVersion: 1 });
    expect(ack.status).toBe(200);
    const stored = (await api.request('GET', `/v1/tickets/${t.id}`, { token: staff })).body;
    expect(stored).toMatchObject({ version: 2, status: 'in_progress', followers: 6 });
  });

  it('is a 404 for another citizen’s private ticket, allowed on one’s own; 403 for staff', async () => {
    const priv = await at(cellCentre(place()), { visibility: 'private' });
    expect((await follow(priv.id, neighbour)).status).toBe(404);
    expect((await follow(priv.id, neighbour, 'DELETE')).status).toBe(404);
    expect((await follow('01ARZ3NDEKTSV4RRFFQ69G5FAV', neighbour)).status).toBe(404);
    expect((await follow(priv.id, owner)).body).toEqual({ following: true, followers: 1 });
    expect((await follow(priv.id, staff)).status).toBe(403);
  });

  it('tells a follower of the answer, never of internal notes nor the owner’s data', async () => {
    const t = await at(cellCentre(place()));
    const fan = await api.token({ sub: 'fan-1', groups: ['citizen'] });
    await follow(t.id, fan);
    await act(t.id, { action: 'acknowledge', expectedVersion: 1 });
    await act(t.id, { action: 'note', expectedVersion: 2, message: 'Nội bộ: chủ nhà Nguyễn Văn Chủ khó tính' });
    await act(t.id, { action: 'respond', expectedVersion: 3, message: 'Đã thay bóng đèn mới vào sáng nay.' });
    await api.streams.drain();
    const items = (await inbox(fan)).filter((n) => n.ticketId === t.id);
    expect(items.map((n) => [n.type, n.audience]).sort()).toEqual([['acknowledged', 'follower'], ['responded', 'follower']]);
    const responded = items.find((n) => n.type === 'responded')!;
    expect(responded.body).toContain('Đã thay bóng đèn mới vào sáng nay.');
    for (const n of items) expect(n.body).not.toMatch(/Nội bộ|Nguyễn Văn Chủ|\+8490/);
    // the owner is told once, as the owner
    expect((await inbox(owner)).filter((n) => n.ticketId === t.id && n.type === 'responded').map((n) => n.audience)).toEqual(['citizen']);
  });
});

describe('a follower’s own channels', () => {
  it('texts and e-mails the answer to a follower who asked for them, at their own number and address; never the note, never to the owner’s number', async () => {
    const t = await at(cellCentre(place()));
    const fan = await api.token({ sub: 'fan-sms', groups: ['citizen'] });
    const prefs = await api.request('PUT', '/v1/me/preferences', { token: fan, body: { channels: { sms: true, email: true, push: false }, phone: '+84907777777', email: 'fan@example.vn', language: 'vi' } });
    expect(prefs.status).toBe(200);
    await follow(t.id, fan);
    const before = (await api.request('GET', '/dev/outbox?limit=10000')).body.total as number;
    await act(t.id, { action: 'acknowledge', expectedVersion: 1 });
    await act(t.id, { action: 'note', expectedVersion: 2, message: 'Nội bộ: gọi lại cho chủ nhà' });
    await act(t.id, { action: 'respond', expectedVersion: 3, message: 'Đã thay bóng đèn mới vào sáng nay.' });
    await api.streams.drain();
    const outbox = (await api.request('GET', '/dev/outbox?limit=10000')).body as { items: Array<{ target: { type: string; phoneNumber?: string }; message: string; attributes: Record<string, string> }>; total: number };
    const sent = outbox.items.slice(0, outbox.total - before);
    // SMS goes straight to the number; e-mail through the citizen topic, one JSON message per recipient and channel.
    const texts = sent.filter((m) => m.target.type === 'sms' && m.target.phoneNumber === '+84907777777');
    expect(texts.map((m) => m.message)).toEqual([expect.stringContaining(`${t.ref} bạn theo dõi đã có trả lời`)]);
    const mails = sent
      .filter((m) => m.target.type === 'topic' && m.attributes.ticketId === t.id && m.attributes.channel === 'email')
      .map((m) => JSON.parse(m.message) as { deduplicationId: string; eventType: string; to: string; text: string })
      .filter((m) => m.deduplicationId.includes(':follower-fan-sms:'));
    expect(mails.map((m) => m.eventType).sort()).toEqual(['acknowledged', 'responded']);
    for (const m of mails) expect(m.to).toBe('fan@example.vn');
    expect(mails.find((m) => m.eventType === 'responded')!.text).toContain('Đã thay bóng đèn mới vào sáng nay.');
    const about = JSON.stringify(sent.filter((m) => m.attributes.ticketId === t.id || texts.includes(m)));
    expect(about).not.toMatch(/Nội bộ|Nguyễn Văn Chủ/);
    expect(sent.some((m) => m.target.type === 'sms' && m.target.phoneNumber === '+84901111111' && m.message.includes('bạn theo dõi'))).toBe(false);
  });
});

describe('GET /v1/departments/{id}/tickets?sort=followers', () => {
  it('lists the most followed first, soonest due among equals, page by page, and follows every change of count', async () => {
    await putDepartments([department('nf-q', { districtCode: '001' })]);
    const queueStaff = await api.token({ sub: 'staff-nf-q', groups: ['staff'], departmentId: 'nf-q' });
    // Hours before Wed 11:00 in Hanoi, all in working hours: read off the wall clock at night or at
    // a weekend they would all fall due at the same instant, and the order would be the ids'.
    const hoursAgo = (h: number) => new Date(Date.parse('2026-12-02T04:00:00Z') - h * 3_600_000);
    // Received earlier, due earlier: `early` is due first, `late` last.
    const [early, middle, late] = await Promise.all([3, 2, 1].map((h) => seedTicket({ departmentId: 'nf-q', now: hoursAgo(h), overrides: { visibility: 'public' } })));
    const fans = await Promise.all(['q-fan-1', 'q-fan-2', 'q-fan-3'].map((sub) => api.token({ sub, groups: ['citizen'] })));
    await Promise.all([follow(late!.id, fans[0]!), follow(late!.id, fans[1]!), follow(middle!.id, fans[2]!)]);

    const queue = async (extra: string) => {
      const res = await api.request('GET', `/v1/departments/nf-q/tickets?${extra}`, { token: queueStaff });
      expect(res.status).toBe(200);
      return res.body as { items: Array<{ id: string; followers: number }>; nextCursor: string | null };
    };
    const ids = async (extra: string) => (await queue(extra)).items.map((t) => t.id);
    expect(await ids('')).toEqual([early!.id, middle!.id, late!.id]);
    expect(await ids('sort=due')).toEqual([early!.id, middle!.id, late!.id]);
    expect((await queue('sort=followers')).items.map((t) => [t.id, t.followers])).toEqual([[late!.id, 2], [middle!.id, 1], [early!.id, 0]]);

    // One at a time with the cursor: the same order, nothing twice.
    const walked: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await queue(`sort=followers&limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      walked.push(...page.items.map((t) => t.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(walked).toEqual([late!.id, middle!.id, early!.id]);

    // A tie goes to the sooner due; unfollows and staff actions keep the order in step with the count.
    await follow(early!.id, fans[0]!);
    expect(await ids('sort=followers')).toEqual([late!.id, early!.id, middle!.id]);
    await follow(late!.id, fans[0]!, 'DELETE');
    await follow(late!.id, fans[1]!, 'DELETE');
    const ack = await api.request('POST', `/v1/tickets/${middle!.id}/actions`, { token: queueStaff, body: { action: 'acknowledge', expectedVersion: 1 } });
    expect(ack.status).toBe(200);
    expect(await ids('sort=followers')).toEqual([early!.id, middle!.id, late!.id]);
  });

  it('rejects an unknown order, and a cursor from the other order, with 400', async () => {
    expect((await api.request('GET', '/v1/departments/nf-a/tickets?sort=votes', { token: staff })).status).toBe(400);
    const page = await api.request('GET', '/v1/departments/nf-a/tickets?limit=1', { token: staff });
    expect(page.body.nextCursor).toEqual(expect.any(String));
    const res = await api.request('GET', `/v1/departments/nf-a/tickets?sort=followers&cursor=${encodeURIComponent(page.body.nextCursor)}`, { token: staff });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });
});

describe('reject as duplicate: the merge', () => {
  it('moves the duplicate’s owner and followers onto the original exactly once, even when the stream delivers twice', async () => {
    const centre = cellCentre(place());
    const original = await at(centre, { citizenId: 'first-reporter' });
    const duplicate = await at(east(centre, 30), { citizenId: 'owner-1' });
    const fans = await Promise.all(['dup-fan-1', 'dup-fan-2'].map((sub) => api.token({ sub, groups: ['citizen'] })));
    for (const token of fans) await follow(duplicate.id, token);
    await follow(original.id, fans[0]!); // already following the original: not counted again

    const reject = await act(duplicate.id, { action: 'reject', expectedVersion: 1, reasonCode: 'duplicate', message: 'Đã có phản ánh về cùng vị trí.', duplicateOf: original.id });
    expect(reject.status).toBe(200);
    await api.streams.drain();
    const followersOf = async () => (await api.request('GET', `/v1/departments/nf-a/tickets?limit=100`, { token: staff })).body.items.find((i: { id: string }) => i.id === original.id).followers;
    expect(await followersOf()).toBe(3); // dup-fan-1 (before), owner-1, dup-fan-2

    // The stream delivers every merge batch and every follow-count batch again.
    for (const batch of batches.duplicateMerge ?? []) await mergeConsumer(batch, lambdaContext('streams/merge-duplicates', 60_000));
    for (const batch of batches.followMetrics ?? []) await metricsConsumer(batch, lambdaContext('streams/metrics', 60_000));
    expect(await followersOf()).toBe(3);

    // The duplicate links to the original; its people were told once each where to follow.
    expect((await api.request('GET', `/v1/tickets/${duplicate.id}`, { token: owner })).body.rejection).toMatchObject({ reasonCode: 'duplicate', duplicateOf: original.id, duplicateOfRef: original.ref });
    // Told by the reference the apps show (HN-…), not an id's tail no screen names.
    const ref = original.ref;
    for (const token of [owner, ...fans]) {
      const told = (await inbox(token)).filter((n) => n.ticketId === duplicate.id && n.type === 'rejected');
      expect(told).toHaveLength(1);
      expect(told[0]!.body).toContain(ref);
    }

    await api.streams.drain();
    const today = localDate(new Date());
    const totals = (await api.request('GET', `/v1/metrics?scope=department-nf-a&from=${today}&to=${today}&granularity=total`, { token: manager })).body.totals;
    expect(totals.duplicates).toBe(1);
    // every follow counted once, net of unfollows, across the file so far
    const { followers } = totals;
    expect(followers).toBe(await netFollowers());
  });
});

/** Every ticket's follower count in this file's department (the counters must agree with them). */
async function netFollowers(): Promise<number> {
  const open = (await api.request('GET', `/v1/departments/nf-a/tickets?limit=100`, { token: staff })).body.items as Array<{ followers: number }>;
  const done = (await api.request('GET', `/v1/departments/nf-a/tickets?status=rejected&limit=100`, { token: staff })).body.items as Array<{ followers: number }>;
  const closed = (await api.request('GET', `/v1/departments/nf-a/tickets?status=closed&limit=100`, { token: staff })).body.items as Array<{ followers: number }>;
  return [...open, ...done, ...closed].reduce((sum, t) => sum + t.followers, 0);
}
