/** Departments working tickets (shared/app/workflow.ts) against the in-memory ports. */
import { describe, expect, it } from 'vitest';
import { actOnTicket, commentOnTicket, departmentQueue, ticketHistory } from '../../../shared/app/workflow.js';
import { ForbiddenError, InvalidStateError, NotFoundError, ValidationError, VersionConflictError } from '../../../shared/domain/errors.js';
import type { Principal } from '../../../shared/domain/principal.js';
import type { Upload } from '../../../shared/domain/upload.js';
import { memoryDependencies, putTicket, type MemoryDependencies } from '../../support/memory.js';
import { categories } from '../../support/ticket-fixture.js';

const staff: Principal = { userId: 'staff-1', role: 'staff', departmentId: 'ward-00001', name: 'Chị Lan' };
const colleague: Principal = { userId: 'staff-2', role: 'staff', departmentId: 'ward-00001' };
const otherStaff: Principal = { userId: 'staff-9', role: 'staff', departmentId: 'ward-00037' };
const owner: Principal = { userId: 'citizen-1', role: 'citizen' };

/** What a refused request must leave: the same ticket and the same events. */
async function unchanged(deps: MemoryDependencies, id: string, run: () => Promise<unknown>) {
  const before = { ticket: await deps.tickets.get(id), events: await deps.tickets.events(id), writes: deps.state.ticketWrites };
  const error = await run().then(() => undefined, (e: unknown) => e);
  expect({ ticket: await deps.tickets.get(id), events: await deps.tickets.events(id), writes: deps.state.ticketWrites }).toEqual(before);
  return error;
}

describe('actOnTicket', () => {
  it('acknowledges at the version read: one new version, one event, stamped with the clock', async () => {
    const deps = memoryDependencies();
    const ticket = await putTicket(deps);
    deps.clock.advance(60_000);
    const after = await actOnTicket(deps, staff, ticket.id, { action: 'acknowledge', expectedVersion: 1 });
    expect(after).toMatchObject({ status: 'in_progress', version: 2, acknowledgedAt: deps.clock.now().toISOString() });
    expect(await deps.tickets.get(ticket.id)).toEqual(after);
    const events = await deps.tickets.events(ticket.id);
    expect(events.map((e) => [e.version, e.type, e.actor.id])).toEqual([[1, 'created', 'citizen-1'], [2, 'acknowledged', 'staff-1']]);
  });

  it('refuses a stale version with the current one and writes nothing', async () => {
    const deps = memoryDependencies();
    const ticket = await putTicket(deps);
    await actOnTicket(deps, staff, ticket.id, { action: 'note', message: 'gọi lại sau', expectedVersion: 1 });
    const error = await unchanged(deps, ticket.id, () => actOnTicket(deps, staff, ticket.id, { action: 'acknowledge', expectedVersion: 1 }));
    expect(error).toBeInstanceOf(VersionConflictError);
    expect(error).toMatchObject({ currentVersion: 2 });
  });

  it('lets exactly one of two actions sent at once at the same version through', async () => {
    const deps = memoryDependencies();
    const ticket = await putTicket(deps);
    const results = await Promise.allSettled([
      actOnTicket(deps, staff, ticket.id, { action: 'acknowledge', expectedVersion: 1 }),
      actOnTicket(deps, colleague, ticket.id, { action: 'transfer', toDepartmentId: 'ward-00004', reason: 'Sai địa bàn', expectedVersion: 1 }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(lost.reason).toBeInstanceOf(VersionConflictError);
    expect((await deps.tickets.events(ticket.id)).map((e) => e.version)).toEqual([1, 2]);
  });

  it('refuses an action its state does not allow (422) and writes nothing', async () => {
    const deps = memoryDependencies();
    const ticket = await putTicket(deps);
    const error = await unchanged(deps, ticket.id, () => actOnTicket(deps, staff, ticket.id, { action: 'close', expectedVersion: 1 }));
    expect(error).toBeInstanceOf(InvalidStateError);
  });

  it('is for staff and admins only, and another department’s ticket does not exist for its staff', async () => {
    const deps = memoryDependencies();
    const ticket = await putTicket(deps);
    await expect(actOnTicket(deps, owner, ticket.id, { action: 'acknowledge', expectedVersion: 1 })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(actOnTicket(deps, { userId: 'm', role: 'manager', scope: 'city' }, ticket.id, { action: 'acknowledge', expectedVersion: 1 })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(actOnTicket(deps, otherStaff, ticket.id, { action: 'acknowledge', expectedVersion: 1 })).rejects.toBeInstanceOf(NotFoundError);
    await expect(actOnTicket(deps, staff, '01JNOSUCHTICKET00000000000', { action: 'acknowledge', expectedVersion: 1 })).rejects.toBeInstanceOf(NotFoundError);
    expect(await actOnTicket(deps, { userId: 'root', role: 'admin' }, ticket.id, { action: 'acknowledge', expectedVersion: 1 })).toMatchObject({ status: 'in_progress' });
  });

  describe('transfer', () => {
    it('hands the ticket to the named unit with fresh deadlines counted from now', async () => {
      const deps = memoryDependencies();
      const ticket = await putTicket(deps);
      deps.clock.set('2026-12-03T02:00:00.000Z'); // Thu 09:00 local
      const after = await actOnTicket(deps, staff, ticket.id, { action: 'transfer', toDepartmentId: 'ward-00004', reason: 'Thuộc phường Trúc Bạch', expectedVersion: 1 });
      expect(after).toMatchObject({ status: 'assigned', departmentId: 'ward-00004', transferCount: 1, assignedAt: '2026-12-03T02:00:00.000Z' });
      // health: acknowledge within 8 working hours → Thu 09:00 + 8 h = Fri 09:00 local
      expect(after.ackDueAt).toBe('2026-12-04T02:00:00.000Z');
      expect((await deps.tickets.events(ticket.id)).at(-1)).toMatchObject({ type: 'transferred', data: { from: 'ward-00001', to: 'ward-00004', transferCount: 1 } });
    });

    it('sends the third transfer to the parent of the unit passing it on, not to the one asked for', async () => {
      const deps = memoryDependencies();
      const ticket = await putTicket(deps, { overrides: { transferCount: 2 } });
      const after = await actOnTicket(deps, staff, ticket.id, { action: 'transfer', toDepartmentId: 'ward-00037', reason: 'Không thuộc phường', expectedVersion: 1 });
      expect(after).toMatchObject({ departmentId: 'district-001', transferCount: 3 });
      expect((await deps.tickets.events(ticket.id)).at(-1)!.data).toMatchObject({ from: 'ward-00001', to: 'district-001', requestedTo: 'ward-00037', limitReached: true });
    });

    it('refuses an unknown unit as a bad field and writes nothing', async () => {
      const deps = memoryDependencies();
      const ticket = await putTicket(deps);
      const error = await unchanged(deps, ticket.id, () => actOnTicket(deps, staff, ticket.id, { action: 'transfer', toDepartmentId: 'nowhere', reason: 'x', expectedVersion: 1 }));
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).errors).toEqual([{ path: 'body.toDepartmentId', message: 'unknown department "nowhere"' }]);
    });
  });

  describe('reject as a duplicate', () => {
    it('names an original the staff can see', async () => {
      const deps = memoryDependencies();
      const original = await putTicket(deps);
      const copy = await putTicket(deps, { citizenId: 'citizen-2' });
      const after = await actOnTicket(deps, staff, copy.id, { action: 'reject', reasonCode: 'duplicate', message: 'Đã có phản ánh này', duplicateOf: original.id, expectedVersion: 1 });
      expect(after).toMatchObject({ status: 'rejected', rejection: { reasonCode: 'duplicate', duplicateOf: original.id } });
    });

    it('answers an original in another department exactly as one that does not exist', async () => {
      const deps = memoryDependencies();
      const elsewhere = await putTicket(deps, { departmentId: 'ward-00037', wardCode: '00037' });
      const copy = await putTicket(deps);
      const reject = (duplicateOf: string) => actOnTicket(deps, staff, copy.id, { action: 'reject', reasonCode: 'duplicate', message: 'Trùng', duplicateOf, expectedVersion: 1 });
      const hidden = await unchanged(deps, copy.id, () => reject(elsewhere.id));
      const missing = await unchanged(deps, copy.id, () => reject('01JNOSUCHTICKET00000000000'));
      expect(hidden).toBeInstanceOf(ValidationError);
      expect((hidden as ValidationError).errors[0]!.path).toBe('body.duplicateOf');
      expect((hidden as ValidationError).message).toBe((missing as ValidationError).message);
    });
  });

  describe('respond with evidence', () => {
    const evidence = (id: string, ownerId = staff.userId): Upload => ({ id, ownerId, purpose: 'evidence', contentType: 'image/jpeg', size: 1000, status: 'ready', createdAt: '2026-12-02T03:00:00.000Z', width: 800, height: 600, format: 'jpeg' });

    it('attaches the staff member’s ready photo in the same write as the answer', async () => {
      const deps = memoryDependencies();
      const ticket = await putTicket(deps, { category: categories.evidence, overrides: { status: 'in_progress' } });
      await deps.uploads.create(evidence('up-1'));
      const after = await actOnTicket(deps, staff, ticket.id, { action: 'respond', message: 'Đã vá xong ổ gà trước số 12, mời anh chị kiểm tra.', evidence: [{ uploadId: 'up-1' }], expectedVersion: 1 });
      expect(after.response?.evidence).toEqual([{ id: 'up-1', width: 800, height: 600, format: 'jpeg' }]);
      expect(await deps.uploads.get('up-1')).toMatchObject({ status: 'attached', ticketId: ticket.id });
    });

    it('refuses someone else’s photo on the evidence field and attaches nothing', async () => {
      const deps = memoryDependencies();
      const ticket = await putTicket(deps, { category: categories.evidence, overrides: { status: 'in_progress' } });
      await deps.uploads.create(evidence('up-2', 'staff-2'));
      const error = await unchanged(deps, ticket.id, () =>
        actOnTicket(deps, staff, ticket.id, { action: 'respond', message: 'Đã vá xong ổ gà trước số 12, mời anh chị kiểm tra.', evidence: [{ uploadId: 'up-2' }], expectedVersion: 1 }),
      );
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).errors[0]!.path).toMatch(/^body\.evidence\.0/);
      expect((await deps.uploads.get('up-2'))!.status).toBe('ready');
    });
  });
});

describe('commentOnTicket', () => {
  it('the owner’s answer to a question puts the ticket back in progress', async () => {
    const deps = memoryDependencies();
    const ticket = await putTicket(deps, { overrides: { status: 'needs_info', pausedAt: deps.clock.now().toISOString() } });
    const after = await commentOnTicket(deps, owner, ticket.id, 'Nhà số 12, ngõ 5 phố Phúc Xá');
    expect(after).toMatchObject({ status: 'in_progress', version: 2 });
    expect((await deps.tickets.events(ticket.id)).at(-1)).toMatchObject({ type: 'commented', actor: { id: 'citizen-1', role: 'citizen' } });
  });

  it('absorbs a staff write that lands between its read and its write', async () => {
    const deps = memoryDependencies();
    const ticket = await putTicket(deps, { overrides: { status: 'in_progress' } });
    const update = deps.tickets.update.bind(deps.tickets);
    let raced = false;
    deps.tickets.update = async (next, event, expected, attach) => {
      if (!raced) {
        raced = true;
        await actOnTicket(deps, staff, ticket.id, { action: 'note', message: 'đã cử người', expectedVersion: 1 });
      }
      return update(next, event, expected, attach);
    };
    const after = await commentOnTicket(deps, owner, ticket.id, 'Bổ sung: ổ gà sâu khoảng 20 cm');
    expect(after.version).toBe(3);
    expect((await deps.tickets.events(ticket.id)).map((e) => e.type)).toEqual(['created', 'note_added', 'commented']);
  });

  it('is the owner’s alone: anyone else finds no ticket', async () => {
    const deps = memoryDependencies();
    const ticket = await putTicket(deps, { overrides: { status: 'in_progress' } });
    await expect(commentOnTicket(deps, { userId: 'citizen-2', role: 'citizen' }, ticket.id, 'Tôi cũng thấy')).rejects.toBeInstanceOf(NotFoundError);
    await expect(commentOnTicket(deps, staff, ticket.id, 'staff comment')).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('departmentQueue', () => {
  it('lists open tickets soonest due first, each with its working time left as of the clock', async () => {
    const deps = memoryDependencies();
    const later = await putTicket(deps);
    const sooner = await putTicket(deps, { urgent: true });
    await putTicket(deps, { departmentId: 'ward-00037', wardCode: '00037' });
    const page = await departmentQueue(deps, staff, 'ward-00001', { limit: 10 });
    expect(page.items.map((t) => t.id)).toEqual([sooner.id, later.id]);
    expect(page.items[0]!.timeLeft.asOf).toBe(deps.clock.now().toISOString());
  });

  it('finds one ticket by its reference or id, only within this queue', async () => {
    const deps = memoryDependencies();
    const mine = await putTicket(deps);
    const theirs = await putTicket(deps, { departmentId: 'ward-00037', wardCode: '00037' });
    expect((await departmentQueue(deps, staff, 'ward-00001', { limit: 10, q: mine.ref.toLowerCase() })).items.map((t) => t.id)).toEqual([mine.id]);
    expect((await departmentQueue(deps, staff, 'ward-00001', { limit: 10, q: mine.id })).items.map((t) => t.id)).toEqual([mine.id]);
    expect((await departmentQueue(deps, staff, 'ward-00001', { limit: 10, q: theirs.ref })).items).toEqual([]);
    await expect(departmentQueue(deps, staff, 'ward-00001', { limit: 10, q: 'ổ gà' })).rejects.toBeInstanceOf(ValidationError);
    await expect(departmentQueue(deps, staff, 'ward-00001', { limit: 10, q: mine.ref, cursor: '1' })).rejects.toBeInstanceOf(ValidationError);
  });

  it('is closed to other units’ staff and to managers outside their district', async () => {
    const deps = memoryDependencies();
    await expect(departmentQueue(deps, otherStaff, 'ward-00001', { limit: 10 })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(departmentQueue(deps, { userId: 'm', role: 'manager', scope: 'district-002' }, 'ward-00001', { limit: 10 })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(departmentQueue(deps, { userId: 'm', role: 'manager', scope: 'district-001' }, 'ward-00001', { limit: 10 })).resolves.toMatchObject({ items: [] });
  });
});

describe('ticketHistory', () => {
  it('shows the citizen public events only, and staff by role, not by name', async () => {
    const deps = memoryDependencies();
    const ticket = await putTicket(deps);
    await actOnTicket(deps, staff, ticket.id, { action: 'note', message: 'nội bộ', expectedVersion: 1 });
    await actOnTicket(deps, staff, ticket.id, { action: 'acknowledge', expectedVersion: 2 });
    const mine = await ticketHistory(deps, owner, ticket.id, { limit: 10 });
    expect(mine.items.map((e) => [e.type, e.actor.id])).toEqual([['created', 'citizen-1'], ['acknowledged', 'staff']]);
    const theirs = await ticketHistory(deps, staff, ticket.id, { limit: 10 });
    expect(theirs.items.map((e) => [e.type, e.actor.id])).toEqual([['created', 'citizen-1'], ['note_added', 'staff-1'], ['acknowledged', 'staff-1']]);
    await expect(ticketHistory(deps, { userId: 'citizen-2', role: 'citizen' }, ticket.id, { limit: 10 })).rejects.toBeInstanceOf(NotFoundError);
  });
});
