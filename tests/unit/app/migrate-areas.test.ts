/**
 * The 2024 → 2025 area migration (shared/app/migrate-areas.ts) against the in-memory ports:
 * Phúc Xá (00001) merges into the new Ba Đình ward (00004), Trúc Bạch (00004) keeps its code,
 * Hàng Bạc (00037) is split between 00037 and 00004 and waits for an admin.
 */
import { describe, expect, it } from 'vitest';
import { migrateAreas, type SnapshotEvent } from '../../../shared/app/migrate-areas.js';
import { actOnTicket } from '../../../shared/app/workflow.js';
import type { Area } from '../../../shared/domain/area.js';
import { memoryAreaMigration, memoryDependencies, putTicket } from '../../support/memory.js';

const wards2025: Area[] = [
  { code: '00004', name: 'Ba Đình', nameWithType: 'Phường Ba Đình', type: 'phuong', level: 'ward', parentCode: '01', provinceCode: '01' },
  { code: '00037', name: 'Hoàn Kiếm', nameWithType: 'Phường Hoàn Kiếm', type: 'phuong', level: 'ward', parentCode: '01', provinceCode: '01' },
];
const mappings = [
  { oldCode: '00001', newCodes: ['00004'] },
  { oldCode: '00004', newCodes: ['00004'] },
  { oldCode: '00037', newCodes: ['00004', '00037'] },
];

async function world() {
  const deps = memoryAreaMigration(memoryDependencies(), { mappings, areas: wards2025 });
  // the split one first: the scan meets it before the merged one
  const split = await putTicket(deps, { wardCode: '00037', districtCode: '002', provinceCode: '01', departmentId: 'ward-00037' });
  const merged = await putTicket(deps, { wardCode: '00001', districtCode: '001', provinceCode: '01', departmentId: 'ward-00001' });
  const current = await putTicket(deps, { wardCode: '00004', provinceCode: '01', departmentId: 'ward-00004' });
  await actOnTicket(deps, { userId: 's', role: 'staff', departmentId: 'ward-00001' }, merged.id, { action: 'acknowledge', expectedVersion: 1 });
  deps.countAll();
  return { deps, merged, split, current };
}

describe('migrateAreas', () => {
  it('moves a merged ward’s ticket, its events and its counters to the new ward and unit, and leaves the metrics reconciled', async () => {
    const { deps, merged, current } = await world();
    const report = await migrateAreas(deps);
    expect(report).toMatchObject({ done: true, resumed: false, tickets: { scanned: 2, migrated: 1, flagged: 1, eventsMoved: 2, conflicts: 0 }, reconciled: { days: 1, drift: [] } });
    const moved = (await deps.tickets.get(merged.id))!;
    expect(moved).toMatchObject({ departmentId: 'ward-00004', version: 3 });
    expect(moved.location).toEqual({ wardCode: '00004', provinceCode: '01' });
    const events = (await deps.tickets.events(merged.id)) as SnapshotEvent[];
    expect(events.map((e) => [e.type, e.ticket.wardCode, e.ticket.departmentId, e.ticket.districtCode])).toEqual([
      ['created', '00004', 'ward-00004', undefined],
      ['acknowledged', '00004', 'ward-00004', undefined],
      ['area_migrated', '00004', 'ward-00004', undefined],
    ]);
    // the merged ward's counters now sit with the ward it became; the city's totals did not move
    expect(deps.state.counters.get('ward-00001|*|2026-12-02')).toMatchObject({ received: 0 });
    expect(deps.state.counters.get('ward-00004|*|2026-12-02')).toMatchObject({ received: 2 });
    expect(deps.state.counters.get('city|*|2026-12-02')).toMatchObject({ received: 3 });
    expect(await deps.tickets.get(current.id)).toEqual(current);
  });

  it('retires district committees and the merged ward’s unit, rewrites the surviving one, and tidies the rules', async () => {
    const { deps, split } = await world();
    const report = await migrateAreas(deps);
    expect(report.departments).toEqual({ rewritten: 2, retired: 3, flagged: 0 });
    expect(await deps.departments.get('district-001')).toMatchObject({ active: false });
    expect(await deps.departments.get('ward-00001')).toMatchObject({ active: false });
    expect(await deps.departments.get('ward-00004')).toMatchObject({ active: true, name: { vi: 'UBND Phường Ba Đình' }, parentId: 'city-people-committee' });
    expect(await deps.departments.get('ward-00004')).not.toHaveProperty('districtCode');
    // Phúc Xá's rule is redundant with Trúc Bạch's now that both are one ward; Hàng Bạc's is an admin's call
    expect(await deps.rules.get('r-ward-00001')).toBeUndefined();
    expect(report.rules).toMatchObject({ deleted: 1, flagged: 1 });
    expect(report.flags.map((f) => [f.kind, f.id, f.reason])).toEqual([['rule', 'r-ward-00037', 'ambiguous'], ['ticket', split.id, 'split']]);
  });

  it('never guesses a split: the ticket waits, flagged, until an admin names its ward', async () => {
    const { deps, split } = await world();
    await migrateAreas(deps);
    expect((await deps.tickets.get(split.id))!.location.districtCode).toBe('002');
    expect(await deps.migration.flags({ kind: 'ticket', id: split.id })).toEqual([{ kind: 'ticket', id: split.id, reason: 'split', oldCode: '00037', candidates: ['00004', '00037'] }]);
    deps.resolve('ticket', split.id, '00037');
    const next = await migrateAreas(deps);
    expect(next.tickets).toMatchObject({ scanned: 1, migrated: 1, flagged: 0 });
    expect((await deps.tickets.get(split.id))!.location).toEqual({ wardCode: '00037', provinceCode: '01' });
  });

  it('run again changes nothing', async () => {
    const { deps } = await world();
    await migrateAreas(deps);
    const writes = deps.state.ticketWrites;
    const counters = structuredClone(deps.state.counters);
    const again = await migrateAreas(deps);
    expect(again.tickets).toMatchObject({ migrated: 0, eventsMoved: 0 });
    expect(again.departments).toMatchObject({ rewritten: 0, retired: 0 });
    expect(deps.state.ticketWrites).toBe(writes);
    expect(deps.state.counters).toEqual(counters);
  });

  it('stops when told and resumes where it stopped', async () => {
    const { deps, merged } = await world();
    let pages = 0;
    const first = await migrateAreas(deps, { pageSize: 1, shouldStop: () => pages++ >= 1 });
    // the first page held the split ticket, which stays on the old map: a restart from the top would scan it again
    expect(first).toMatchObject({ done: false, tickets: { scanned: 1, flagged: 1 } });
    const second = await migrateAreas(deps, { pageSize: 1 });
    expect(second).toMatchObject({ done: true, resumed: true, tickets: { scanned: 1 }, reconciled: { drift: [] } });
    expect((await deps.tickets.get(merged.id))!.location.wardCode).toBe('00004');
  });

  it('re-reads a ticket staff changed meanwhile and moves it at its new version', async () => {
    const { deps, merged } = await world();
    const update = deps.tickets.update.bind(deps.tickets);
    let raced = false;
    deps.tickets.update = async (next, event, expected, attach) => {
      if (!raced && next.id === merged.id) {
        raced = true;
        await actOnTicket(deps, { userId: 's', role: 'staff', departmentId: 'ward-00001' }, merged.id, { action: 'note', message: 'đang xử lý', expectedVersion: 2 });
      }
      return update(next, event, expected, attach);
    };
    const report = await migrateAreas(deps);
    expect(report.tickets).toMatchObject({ migrated: 1, conflicts: 1 });
    expect((await deps.tickets.events(merged.id)).map((e) => e.type)).toEqual(['created', 'acknowledged', 'note_added', 'area_migrated']);
    expect(report.reconciled?.drift).toEqual([]);
  });
});
