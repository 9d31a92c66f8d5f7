/** What anyone may see without a token (shared/app/transparency.ts), in memory. */
import { describe, expect, it } from 'vitest';
import { listPublicTickets, publicScorecards } from '../../../shared/app/transparency.js';
import { memoryDependencies, putTicket } from '../../support/memory.js';

describe('publicScorecards', () => {
  it('one card per unit over the range, sorted by unit, with only the public figures', async () => {
    const deps = memoryDependencies();
    deps.state.counters.set('department-ward-00004|*|2026-12-01', { received: 4, processed: 2, onTime: 1, rated: 2, satisfied: 1, notSatisfied: 1 });
    deps.state.counters.set('department-ward-00001|*|2026-12-02', { received: 2, processed: 2, onTime: 2 });
    deps.state.counters.set('department-ward-00001|*|2026-11-01', { received: 50 }); // before the range
    const cards = await publicScorecards(deps, '2026-12-01', '2026-12-02');
    expect(cards).toEqual({
      from: '2026-12-01',
      to: '2026-12-02',
      items: [
        { departmentId: 'ward-00001', received: 2, processed: 2, responseRate: 1, onTimeRate: 1, satisfactionRate: null, medianResponseHours: null },
        { departmentId: 'ward-00004', received: 4, processed: 2, responseRate: 0.5, onTimeRate: 0.5, satisfactionRate: 0.5, medianResponseHours: null },
      ],
    });
  });
});

describe('listPublicTickets', () => {
  it('lists processed tickets their owners left public, newest first, by area and category', async () => {
    const deps = memoryDependencies();
    const older = await putTicket(deps, { input: { visibility: 'public' }, provinceCode: '01', districtCode: '001', overrides: { status: 'responded' } });
    await putTicket(deps, { input: { visibility: 'public' } }); // not processed yet
    await putTicket(deps, { overrides: { status: 'responded' } }); // private
    const newer = await putTicket(deps, { input: { visibility: 'public' }, provinceCode: '01', districtCode: '001', overrides: { status: 'rejected' } });
    expect((await listPublicTickets(deps, { limit: 10 })).items.map((t) => t.id)).toEqual([newer.id, older.id]);
    expect((await listPublicTickets(deps, { limit: 10, area: '001' })).items).toHaveLength(2);
    expect((await listPublicTickets(deps, { limit: 10, area: '002' })).items).toEqual([]);
    expect((await listPublicTickets(deps, { limit: 10, category: 'education' })).items).toEqual([]);
  });
});
