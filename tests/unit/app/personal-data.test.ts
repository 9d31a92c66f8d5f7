/** Erasure, retention and the access record (shared/app/personal-data.ts) against the in-memory ports. */
import { describe, expect, it } from 'vitest';
import { accessLog, erasureStatus, recordAccess, recordExport, removeFromTicket, requestErasure, runErasure, runRetention, ERASURE_RESUME_AFTER_MS } from '../../../shared/app/personal-data.js';
import { commentOnTicket } from '../../../shared/app/workflow.js';
import { NotFoundError } from '../../../shared/domain/errors.js';
import { ERASED_CITIZEN_ID } from '../../../shared/domain/personal-data.js';
import type { Principal } from '../../../shared/domain/principal.js';
import { fullKey, thumbKey } from '../../../shared/domain/upload.js';
import { memoryDependencies, putTicket, type MemoryDependencies } from '../../support/memory.js';

const an: Principal = { userId: 'an', role: 'citizen', name: 'Lê Văn An', phone: '+84901000001' };
const photo = { id: 'ph-1', width: 640, height: 480, format: 'jpeg' as const };

/** A ticket of An's with everything personal a ticket can carry: name, phone, address, a photo, a comment. */
async function personalTicket(deps: MemoryDependencies, overrides = {}, { comment = true } = {}) {
  const ticket = await putTicket(deps, {
    citizenId: 'an',
    input: { location: { wardCode: '00001', lat: 21.04, lng: 105.84, address: 'số 5 ngõ 12' }, visibility: 'public' },
    overrides: { citizenName: 'Lê Văn An', citizenPhone: '+84901000001', attachments: [photo], status: 'needs_info', ...overrides },
  });
  await deps.media.write(fullKey('ph-1', 'jpeg'), Buffer.from('full'), 'image/jpeg');
  await deps.media.write(thumbKey('ph-1', 'jpeg'), Buffer.from('thumb'), 'image/jpeg');
  if (comment) await commentOnTicket(deps, an, ticket.id, 'Nhà tôi ở số 5, gọi 0901000001');
  return ticket;
}

describe('erasure', () => {
  it('is one per user: asking twice, or twice at once, returns the same erasure', async () => {
    const deps = memoryDependencies();
    const [a, b] = await Promise.all([requestErasure(deps, an), requestErasure(deps, an)]);
    expect(b).toEqual(a);
    expect(await requestErasure(deps, an)).toEqual(a);
    expect(a).toMatchObject({ userId: 'an', status: 'pending', requestedAt: deps.clock.now().toISOString() });
    expect(await erasureStatus(deps, an, a.id)).toEqual(a);
    await expect(erasureStatus(deps, { userId: 'binh', role: 'citizen' }, a.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('takes the citizen out of their tickets, events, photos, follows, inbox and preferences, keeping the record', async () => {
    const deps = memoryDependencies();
    const ticket = await personalTicket(deps);
    const other = await putTicket(deps, { citizenId: 'binh', input: { visibility: 'public' } });
    await deps.followers.add(other.id, ['an'], { kind: 'follow' }, deps.clock.now());
    await deps.notifications.putPreferences('an', { channels: { sms: true, email: false, push: false }, phone: '+84901000001', language: 'vi' });
    await deps.notifications.createInbox({ id: 'n1', owner: { kind: 'user', userId: 'an' }, ticketId: ticket.id, type: 'created', audience: 'citizen', language: 'vi', title: 't', body: 'b', at: ticket.createdAt, expiresAt: 0, deliveries: {} });
    await requestErasure(deps, an);
    deps.clock.advance(60_000);

    const done = await runErasure(deps, 'an');
    expect(done).toMatchObject({ status: 'done', finishedAt: deps.clock.now().toISOString(), counts: { tickets: 1, photos: 1, followings: 1, notifications: 1, preferences: 1 } });
    const after = (await deps.tickets.get(ticket.id))!;
    expect(after).toMatchObject({ citizenId: ERASED_CITIZEN_ID, visibility: 'private', attachments: [], personalDataRemovedAt: deps.clock.now().toISOString() });
    expect(after).not.toHaveProperty('citizenName');
    expect(after).not.toHaveProperty('citizenPhone');
    expect(after.location).toEqual({ wardCode: '00001' });
    expect([...deps.state.media.keys()]).toEqual([]);
    const events = await deps.tickets.events(ticket.id);
    const comment = events.find((e) => e.type === 'commented')!;
    expect(comment.actor.id).toBe(ERASED_CITIZEN_ID);
    expect(comment.data).not.toHaveProperty('message');
    expect(events.at(-1)).toMatchObject({ type: 'personal_data_removed', visibility: 'internal' });
    // no consumer reads the old id again from an event's ticket snapshot
    expect(events.map((e) => (e as typeof e & { ticket: { citizenId: string } }).ticket.citizenId)).toEqual(events.map(() => ERASED_CITIZEN_ID));
    expect(await deps.tickets.listByCitizen('an', { limit: 10 })).toEqual({ items: [], nextCursor: null });
    expect(await deps.followers.isFollowing(other.id, 'an')).toBe(false);
    expect(await deps.notifications.preferences('an')).toBeUndefined();
  });

  it('run again (a redelivered event) changes nothing', async () => {
    const deps = memoryDependencies();
    await personalTicket(deps);
    await requestErasure(deps, an);
    const first = await runErasure(deps, 'an');
    const writes = deps.state.ticketWrites;
    expect(await runErasure(deps, 'an')).toEqual(first);
    expect(deps.state.ticketWrites).toBe(writes);
  });

  it('resumes after a crash left a ticket half done, and never removes twice', async () => {
    const deps = memoryDependencies();
    const a = await personalTicket(deps);
    const b = await personalTicket(deps);
    await requestErasure(deps, an);
    // the first run got through one ticket and died
    expect(await removeFromTicket(deps, a.id, 'erasure')).toEqual({ photos: 1 });
    const done = await runErasure(deps, 'an');
    expect(done?.counts?.tickets).toBe(1);
    for (const id of [a.id, b.id]) expect((await deps.tickets.events(id)).filter((e) => e.type === 'personal_data_removed')).toHaveLength(1);
  });

  it('re-reads and applies again when a staff write lands meanwhile', async () => {
    const deps = memoryDependencies();
    const ticket = await personalTicket(deps);
    const update = deps.tickets.update.bind(deps.tickets);
    let raced = false;
    deps.tickets.update = async (next, event, expected, attach) => {
      if (!raced) {
        raced = true;
        const stored = (await deps.tickets.get(ticket.id))!;
        await update({ ...stored, version: stored.version + 1 }, { eventId: 'staff-note', ticketId: ticket.id, version: stored.version + 1, type: 'note_added', at: stored.updatedAt, actor: { id: 's', role: 'staff' }, visibility: 'internal', data: {} }, stored.version);
      }
      return update(next, event, expected, attach);
    };
    expect(await removeFromTicket(deps, ticket.id, 'erasure')).toEqual({ photos: 1 });
    expect((await deps.tickets.events(ticket.id)).map((e) => e.type)).toEqual(['created', 'commented', 'note_added', 'personal_data_removed']);
  });
});

describe('runRetention', () => {
  it('removes personal data from tickets finalised on or before the cutoff day, and only those', async () => {
    const deps = memoryDependencies();
    deps.clock.set('2026-12-02T03:00:00.000Z');
    // closed late on 1 December and early on 3 December 2024, local time; one never closed
    const old = await personalTicket(deps, { status: 'closed', closedAt: '2024-12-01T16:59:59.999Z' }, { comment: false });
    const recent = await personalTicket(deps, { status: 'closed', closedAt: '2024-12-02T17:00:00.000Z' }, { comment: false });
    const open = await personalTicket(deps, { status: 'in_progress', createdAt: '2024-01-01T00:00:00.000Z' }, { comment: false });
    const result = await runRetention(deps, { months: 24 });
    expect(result).toEqual({ cutoffDay: '2024-12-02', examined: 1, removed: 1, resumedErasures: 0 });
    expect((await deps.tickets.get(old.id))!.personalDataRemovedAt).toBe('2026-12-02T03:00:00.000Z');
    expect((await deps.tickets.get(recent.id))!.personalDataRemovedAt).toBeUndefined();
    expect((await deps.tickets.get(open.id))!.personalDataRemovedAt).toBeUndefined();
    expect(await runRetention(deps, { months: 24 })).toMatchObject({ examined: 0, removed: 0 });
  });

  it('finishes an erasure a crash left pending for longer than the consumer takes', async () => {
    const deps = memoryDependencies();
    await personalTicket(deps);
    await requestErasure(deps, an);
    expect((await runRetention(deps, { months: 24, now: new Date(deps.clock.now().getTime() + ERASURE_RESUME_AFTER_MS) })).resumedErasures).toBe(0);
    const later = new Date(deps.clock.now().getTime() + ERASURE_RESUME_AFTER_MS + 1);
    expect((await runRetention(deps, { months: 24, now: later })).resumedErasures).toBe(1);
    expect(await deps.personalData.erasure('an')).toMatchObject({ status: 'done', finishedAt: later.toISOString() });
  });
});

describe('access record', () => {
  const staff: Principal = { userId: 'staff-1', role: 'staff', departmentId: 'ward-00001' };
  const admin: Principal = { userId: 'root', role: 'admin' };

  it('records officials’ reads, never the owner’s, and shows officials to the owner by unit and role only', async () => {
    const deps = memoryDependencies();
    const ticket = await putTicket(deps, { citizenId: 'an' });
    await recordAccess(deps, an, [ticket], 'getTicket');
    await recordAccess(deps, staff, [ticket], 'getTicket');
    deps.clock.advance(1000);
    await recordExport(deps, { userId: 'mgr', role: 'manager', scope: 'city' }, 'exportTickets', { scope: 'city', from: '2026-12-01', to: '2026-12-31' });
    await recordExport(deps, { userId: 'mgr2', role: 'manager', scope: 'district-002' }, 'exportTickets', { scope: 'district-002', from: '2026-12-01', to: '2026-12-31' });
    const owner = await accessLog(deps, an, ticket.id, { limit: 10 });
    expect(owner.items).toEqual([
      { at: '2026-12-02T03:00:00.000Z', role: 'staff', unit: 'ward-00001', route: 'getTicket' },
      { at: '2026-12-02T03:00:01.000Z', role: 'manager', unit: 'city', route: 'exportTickets', scope: 'city', from: '2026-12-01', to: '2026-12-31' },
    ]);
    expect((await accessLog(deps, admin, ticket.id, { limit: 10 })).items.map((e) => e.userId)).toEqual(['staff-1', 'mgr']);
    await expect(accessLog(deps, { userId: 'binh', role: 'citizen' }, ticket.id, { limit: 10 })).rejects.toBeInstanceOf(NotFoundError);
    await expect(accessLog(deps, staff, ticket.id, { limit: 10 })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('never fails the read it records when the record cannot be written', async () => {
    const deps = memoryDependencies();
    deps.personalData.appendAccess = async () => {
      throw new Error('throttled');
    };
    await expect(recordAccess(deps, staff, [{ id: 'T1' }], 'getTicket')).resolves.toBeUndefined();
  });
});
