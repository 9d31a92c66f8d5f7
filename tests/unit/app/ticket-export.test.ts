/** Managers' per-ticket export (shared/app/ticket-export.ts), in memory. */
import { describe, expect, it } from 'vitest';
import { exportTickets } from '../../../shared/app/ticket-export.js';
import { ForbiddenError, ValidationError } from '../../../shared/domain/errors.js';
import { memoryDependencies, putTicket } from '../../support/memory.js';

const city = { userId: 'm', role: 'manager' as const, scope: 'city' };

describe('exportTickets', () => {
  it('one row per ticket received in the scope and period, local times, no personal data', async () => {
    const deps = memoryDependencies();
    const answered = await putTicket(deps, { districtCode: '001', overrides: { status: 'responded', respondedAt: '2026-12-02T04:00:00.000Z', rating: { value: 'satisfied', at: '2026-12-02T05:00:00.000Z' }, citizenName: 'Lê Văn An' } });
    await putTicket(deps, { departmentId: 'ward-00037', wardCode: '00037', districtCode: '002' });
    const part = await exportTickets(deps, { userId: 'm', role: 'manager', scope: 'district-001' }, { scope: 'district-001', from: '2026-12-02', to: '2026-12-02' }, 100);
    expect(part).toMatchObject({ scope: 'district-001', from: '2026-12-02', to: '2026-12-02', first: true, nextCursor: null });
    expect(part.rows).toEqual([
      {
        id: answered.id,
        ref: answered.ref,
        receivedAt: '2026-12-02T10:00:00+07:00',
        category: 'health',
        wardCode: '00001',
        departmentId: 'ward-00001',
        status: 'responded',
        dueAt: '2026-12-09T10:00:00+07:00',
        processedAt: '2026-12-02T11:00:00+07:00',
        onTime: true,
        rating: 'satisfied',
      },
    ]);
  });

  it('comes in parts of at most maxRows, each cursor continuing exactly where the last stopped, across days', async () => {
    const deps = memoryDependencies();
    const ids: string[] = [];
    for (const day of ['2026-12-01', '2026-12-02', '2026-12-03']) {
      deps.clock.set(`${day}T03:00:00.000Z`);
      for (let i = 0; i < 2; i++) ids.push((await putTicket(deps)).id);
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    let parts = 0;
    do {
      const part = await exportTickets(deps, city, { scope: 'city', from: '2026-12-01', to: '2026-12-03', ...(cursor ? { cursor } : {}) }, 4);
      expect(part.rows.length).toBeLessThanOrEqual(4);
      expect(part.first).toBe(parts === 0);
      seen.push(...part.rows.map((r) => r.id as string));
      cursor = part.nextCursor ?? undefined;
      parts++;
    } while (cursor);
    expect(seen).toEqual(ids);
    expect(parts).toBe(2);
  });

  it('refuses a scope outside the manager’s and a cursor from another export', async () => {
    const deps = memoryDependencies();
    const district = { userId: 'm', role: 'manager' as const, scope: 'district-001' };
    await expect(exportTickets(deps, district, { scope: 'district-002', from: '2026-12-01', to: '2026-12-02' }, 10)).rejects.toBeInstanceOf(ForbiddenError);
    const outside = Buffer.from(JSON.stringify({ d: '2026-11-01' })).toString('base64url');
    await expect(exportTickets(deps, city, { scope: 'city', from: '2026-12-01', to: '2026-12-02', cursor: outside }, 10)).rejects.toBeInstanceOf(ValidationError);
    await expect(exportTickets(deps, city, { scope: 'city', from: '2026-12-01', to: '2026-12-02', cursor: 'garbage' }, 10)).rejects.toBeInstanceOf(ValidationError);
  });
});
