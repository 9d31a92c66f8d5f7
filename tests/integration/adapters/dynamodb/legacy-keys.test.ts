/**
 * Sharding came without a backfill: items written before it keep their unsharded index keys
 * (gsi3 `OPEN` / `RETENTION`, a province-wide unit's queue `DEPT#<id>#OPEN` on gsi2/gsi7, gsi4 `RECEIVED#<day>` / `UPLOADS#<day>`, `RANK#D#<day>`, the city
 * counters' 4 shards, a department's unsharded counters) until their next write. Every reader must still find them, beside items
 * written with the sharded keys, and a write moves an old item onto its shard.
 */
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { dependencies } from '../../../../shared/adapters/dependencies.js';
import { documentClient } from '../../../../shared/adapters/dynamodb/client.js';
import { applyEvent, dynamoMetricReader } from '../../../../shared/adapters/dynamodb/metric-store.js';
import { dynamoOpen311TicketQueries } from '../../../../shared/adapters/dynamodb/open311-store.js';
import { dynamoPersonalDataStore } from '../../../../shared/adapters/dynamodb/personal-data-store.js';
import { tableName } from '../../../../shared/adapters/dynamodb/table.js';
import { dynamoTicketQueries } from '../../../../shared/adapters/dynamodb/ticket-queries.js';
import { dynamoUploadStore } from '../../../../shared/adapters/dynamodb/upload-store.js';
import { runRetention } from '../../../../shared/app/personal-data.js';
import { runSlaSweep } from '../../../../shared/app/sla-sweep.js';
import type { Ticket } from '../../../../shared/domain/ticket.js';
import type { Upload } from '../../../../shared/domain/upload.js';
import { CountedEventItem } from '../../../../shared/schemas/event-item.js';
import { createTestTable } from '../../../support/table.js';
import { department, putDepartments, putWorkflowReference, seedTicket, snapshot, ulid } from '../../../support/tickets.js';

const day = '2026-11-23';
const base = new Date(`${day}T08:00:00+07:00`);
const later = new Date('2026-11-24T08:00:00+07:00'); // past the acknowledgement deadline of tickets created at `base`

/** Rewrites some index keys of an item as the code before sharding wrote them. */
async function unshard(key: { pk: string; sk: string }, keys: Record<string, string>) {
  const names = Object.keys(keys);
  await documentClient.send(
    new UpdateCommand({
      TableName: tableName(),
      Key: key,
      UpdateExpression: `SET ${names.map((_, i) => `#k${i} = :v${i}`).join(', ')}`,
      ExpressionAttributeNames: Object.fromEntries(names.map((n, i) => [`#k${i}`, n])),
      ExpressionAttributeValues: Object.fromEntries(names.map((n, i) => [`:v${i}`, keys[n]])),
      ConditionExpression: 'attribute_exists(pk)',
    }),
  );
}
const ticketKey = (t: Ticket) => ({ pk: `TICKET#${t.id}`, sk: 'TICKET' });

let legacy: Ticket;
let modern: Ticket;

beforeAll(async () => {
  await createTestTable({ seed: false });
  await putWorkflowReference();
  await putDepartments([department('lk-a'), department('lk-b')]);
  [legacy, modern] = await Promise.all([seedTicket({ departmentId: 'lk-a', now: base }), seedTicket({ departmentId: 'lk-a', now: base })]);
  const item = (await snapshot(legacy.id)).item!;
  await unshard(ticketKey(legacy), { gsi3pk: 'OPEN', gsi3sk: String(item.gsi3sk), gsi4pk: `RECEIVED#${day}` });
  const stored = (await snapshot(legacy.id)).item!;
  expect(stored).toMatchObject({ gsi3pk: 'OPEN', gsi4pk: `RECEIVED#${day}` });
  expect((await snapshot(modern.id)).item!.gsi3pk).toMatch(/^OPEN#\d+$/);
});

describe('items written with the unsharded keys are still read', () => {
  it('by the list of tickets received on a day (reconciliation, CSV export)', async () => {
    const page = await dynamoTicketQueries.receivedPage(day, { limit: 100 });
    expect(page.items.map((t) => t.id).sort()).toEqual([legacy.id, modern.id].sort());
    // and over pages of one, through the per-shard cursor
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const p = await dynamoTicketQueries.receivedPage(day, { limit: 1, cursor });
      ids.push(...p.items.map((t) => t.id));
      cursor = p.nextCursor ?? undefined;
    } while (cursor);
    expect(ids.sort()).toEqual([legacy.id, modern.id].sort());
  });

  it('by Open311 GET requests', async () => {
    const found = await dynamoOpen311TicketQueries.receivedBetween({ from: new Date(base.getTime() - 3_600_000), to: new Date(base.getTime() + 3_600_000), offset: 0, limit: 50 });
    expect(found.map((t) => t.id).sort()).toEqual([legacy.id, modern.id].sort());
  });

  it('by the SLA sweep, whose write then moves the old ticket onto its shard', async () => {
    const due = await dynamoTicketQueries.dueBefore(later, { limit: 100 });
    expect(due.items.map((t) => t.id).sort()).toEqual([legacy.id, modern.id].sort());
    const sweep = await runSlaSweep(dependencies, { now: later });
    expect(sweep.changes.map((c) => c.ticketId).sort()).toEqual([legacy.id, modern.id].sort());
    expect((await snapshot(legacy.id)).item).toMatchObject({ gsi3pk: expect.stringMatching(/^OPEN#\d+$/), gsi4pk: expect.stringMatching(new RegExp(`^RECEIVED#${day}#\\d+$`)) });
    // a second sweep at the same instant finds nothing left, old key or new
    expect((await runSlaSweep(dependencies, { now: later })).changes).toEqual([]);
  });

  it("by a province-wide unit's queue, now sharded: due order and most-followed order over pages", async () => {
    const times = [5, 1, 6, 2, 7, 3, 4].map((h) => new Date(`2026-11-2${h % 3}T0${h}:00:00+07:00`));
    const queued = await Promise.all(times.map((now) => seedTicket({ departmentId: 'lk-city', now })));
    // two written before the queues had shards
    for (const t of queued.slice(0, 2)) await unshard(ticketKey(t), { gsi2pk: 'DEPT#lk-city#OPEN', gsi7pk: 'DEPT#lk-city#OPEN' });
    expect((await snapshot(queued[2]!.id)).item!.gsi2pk).toMatch(/^DEPT#lk-city#OPEN#\d$/);
    const byDue = [...queued].sort((a, b) => `${a.dueAt}#${a.id}`.localeCompare(`${b.dueAt}#${b.id}`)).map((t) => t.id);
    for (const sort of ['due', 'followers'] as const) {
      const ids: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await dynamoTicketQueries.departmentQueue('lk-city', { done: false, sort, limit: 2, cursor, now: later });
        ids.push(...page.items.map((t) => t.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      // nobody follows them: most followed first is soonest due first
      expect(ids, sort).toEqual(byDue);
    }
    // a ward committee's queue stays one partition
    const ward = await seedTicket({ departmentId: 'ward-lk', now: base });
    expect((await snapshot(ward.id)).item).toMatchObject({ gsi2pk: 'DEPT#ward-lk#OPEN', gsi7pk: 'DEPT#ward-lk#OPEN' });
    expect((await dynamoTicketQueries.departmentQueue('ward-lk', { done: false, limit: 10, now: later })).items.map((t) => t.id)).toEqual([ward.id]);
  });

  it('by the retention job', async () => {
    const closed = (t: string) => ({ status: 'closed' as const, respondedAt: t, closedAt: t, citizenName: 'Lê Thị Cũ', citizenPhone: '+84912345678' });
    const [old, recent] = await Promise.all([
      seedTicket({ departmentId: 'lk-b', now: new Date('2023-01-10T08:00:00+07:00'), overrides: closed('2023-01-12T03:00:00.000Z') }),
      seedTicket({ departmentId: 'lk-b', now: new Date('2023-01-10T08:00:00+07:00'), overrides: closed('2023-01-13T03:00:00.000Z') }),
    ]);
    const item = (await snapshot(old.id)).item!;
    expect(item.gsi3pk).toMatch(/^RETENTION#\d+$/);
    await unshard(ticketKey(old), { gsi3pk: 'RETENTION', gsi3sk: String(item.gsi3sk) });
    expect(await dynamoPersonalDataStore.retentionDue('2023-12-31', 10)).toEqual([old.id, recent.id]);

    const result = await runRetention(dependencies, { now: new Date('2025-06-01T08:00:00+07:00'), months: 24 });
    expect(result.removed).toBe(2);
    for (const t of [old, recent]) {
      const stored = (await snapshot(t.id)).item!;
      expect(stored).not.toHaveProperty('citizenPhone');
      expect(stored).not.toHaveProperty('gsi3pk');
    }
    expect(await dynamoPersonalDataStore.retentionDue('2023-12-31', 10)).toEqual([]);
  });

  it('by the sweep of unattached uploads', async () => {
    const upload = (id: string): Upload => ({ id, ownerId: 'c-1', purpose: 'ticket', contentType: 'image/jpeg', size: 1000, status: 'ready', createdAt: '2026-11-20T03:00:00.000Z' });
    const [a, b] = [upload(ulid()), upload(ulid())];
    await Promise.all([dynamoUploadStore.create(a), dynamoUploadStore.create(b)]);
    await unshard({ pk: `UPLOAD#${a.id}`, sk: 'UPLOAD' }, { gsi4pk: 'UPLOADS#2026-11-20' });
    const page = await dynamoUploadStore.unattachedOn('2026-11-20', { limit: 100 });
    expect(page.items.map((u) => u.id).sort()).toEqual([a.id, b.id].sort());
  });

  it('by the ranking (department roll-ups) and the city and department metrics', async () => {
    // one counted event written now (sharded keys) and one department's and city's counts as
    // they were written before: RANK#D#<day> unsharded, the city on one of its old 4 shards
    const created = (await snapshot(modern.id)).events!.find((e) => e.type === 'created')!;
    expect(await applyEvent(CountedEventItem.parse(created))).toBe(true);
    await Promise.all([
      documentClient.send(new PutCommand({ TableName: tableName(), Item: { pk: `RANK#D#${day}`, sk: 'lk-a', entity: 'counter', received: 5 } })),
      documentClient.send(new PutCommand({ TableName: tableName(), Item: { pk: 'METRIC#city#*#S3', sk: `D#${day}`, entity: 'counter', received: 5 } })),
      documentClient.send(new PutCommand({ TableName: tableName(), Item: { pk: 'METRIC#department-lk-a#*', sk: `D#${day}`, entity: 'counter', received: 5 } })),
    ]);
    const departments = await dynamoMetricReader.departments('day', day);
    expect(departments.get('lk-a')?.received).toBe(6);
    const city = await dynamoMetricReader.counters('city', '*', 'day', day, day);
    expect(city.get(day)?.received).toBe(6);
    // a department's counters were one unsharded partition before they had shards
    const department = await dynamoMetricReader.counters('department-lk-a', '*', 'day', day, day);
    expect(department.get(day)?.received).toBe(6);
  });
});
