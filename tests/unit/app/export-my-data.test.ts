/** GET /v1/me/export's use case (shared/app/export-my-data.ts), in memory. */
import { describe, expect, it } from 'vitest';
import { exportMyData } from '../../../shared/app/export-my-data.js';
import { recordAccess } from '../../../shared/app/personal-data.js';
import { actOnTicket } from '../../../shared/app/workflow.js';
import type { Ticket } from '../../../shared/domain/ticket.js';
import { memoryDependencies, putTicket } from '../../support/memory.js';

describe('exportMyData', () => {
  it('holds every item stored about the caller, every page of it, and nothing of anyone else', async () => {
    const deps = memoryDependencies();
    const an = { userId: 'an', role: 'citizen' as const, name: 'Lê Văn An', phone: '+84901000001' };
    const staff = { userId: 'staff-1', role: 'staff' as const, departmentId: 'ward-00001' };
    const mine: Ticket[] = [];
    for (let i = 0; i < 105; i++) mine.push(await putTicket(deps, { citizenId: 'an' }));
    const theirs = await putTicket(deps, { citizenId: 'binh', input: { visibility: 'public' } });
    await actOnTicket(deps, staff, mine[0]!.id, { action: 'note', message: 'nội bộ', expectedVersion: 1 });
    await actOnTicket(deps, staff, mine[0]!.id, { action: 'acknowledge', expectedVersion: 2 });
    await recordAccess(deps, staff, [mine[0]!], 'getTicket');
    await deps.followers.add(theirs.id, ['an'], { kind: 'follow' }, deps.clock.now());
    await deps.notifications.putPreferences('an', { channels: { sms: false, email: true, push: false }, email: 'an@example.vn', language: 'vi' });
    await deps.notifications.createInbox({ id: 'n1', owner: { kind: 'user', userId: 'an' }, ticketId: mine[0]!.id, type: 'created', audience: 'citizen', language: 'vi', title: 't', body: 'b', at: '2026-12-02T03:00:00.000Z', expiresAt: 0, deliveries: {} });
    await deps.notifications.createInbox({ id: 'n2', owner: { kind: 'user', userId: 'binh' }, ticketId: theirs.id, type: 'created', audience: 'citizen', language: 'vi', title: 't', body: 'b', at: '2026-12-02T03:00:00.000Z', expiresAt: 0, deliveries: {} });
    deps.clock.advance(5000);

    const data = await exportMyData(deps, an);
    expect(data.exportedAt).toBe('2026-12-02T03:00:05.000Z');
    expect(data.profile).toEqual({ userId: 'an', name: 'Lê Văn An', phone: '+84901000001' });
    expect(data.tickets.map((t) => t.ticket.id).sort()).toEqual(mine.map((t) => t.id).sort());
    const first = data.tickets.find((t) => t.ticket.id === mine[0]!.id)!;
    // the citizen's own view of the history: the internal note is not theirs to see
    expect(first.history.map((e) => e.type)).toEqual(['created', 'acknowledged']);
    expect(first.accessLog).toEqual([{ at: '2026-12-02T03:00:00.000Z', role: 'staff', unit: 'ward-00001', route: 'getTicket' }]);
    expect(data.following).toEqual([{ ticketId: theirs.id, at: '2026-12-02T03:00:00.000Z', via: 'follow' }]);
    expect(data.notifications.map((n) => n.id)).toEqual(['n1']);
    expect(data.preferences).toMatchObject({ email: 'an@example.vn' });
    expect(data.erasure).toBeNull();
    expect(JSON.stringify(data)).not.toContain('binh');
  });
});
