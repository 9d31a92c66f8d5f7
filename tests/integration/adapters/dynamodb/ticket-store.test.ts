import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { IdempotencyKeyTakenError } from '../../../../shared/app/ports.js';
import { documentClient } from '../../../../shared/adapters/dynamodb/client.js';
import { tableName } from '../../../../shared/adapters/dynamodb/table.js';
import { dynamoTicketStore as store } from '../../../../shared/adapters/dynamodb/ticket-store.js';
import { idempotencyKey } from '../../../../shared/adapters/dynamodb/ticket-items.js';
import { seedCategories } from '../../../../shared/reference/categories.js';
import { createTestTable } from '../../../support/table.js';
import { newTicket as ticketFixture, ulid } from '../../../support/ticket-fixture.js';

const newTicket = (citizenId: string, now = new Date()) => ticketFixture({ citizenId, now, category: seedCategories[0]!, departmentId: 'triage' });

beforeAll(() => createTestTable({ seed: false }));

describe('dynamoTicketStore', () => {
  it('writes the ticket and its first event together', async () => {
    const { ticket, event } = newTicket('alice');
    await store.create(ticket, event);
    expect(await store.get(ticket.id)).toEqual(ticket);
    const events = await documentClient.send(
      new QueryCommand({ TableName: tableName(), KeyConditionExpression: 'pk = :pk AND begins_with(sk, :e)', ExpressionAttributeValues: { ':pk': `TICKET#${ticket.id}`, ':e': 'EVENT#' } }),
    );
    expect(events.Items).toHaveLength(1);
    expect(events.Items![0]).toMatchObject({ eventId: event.eventId, version: 1, type: 'created', ticket: { departmentId: 'triage', citizenId: 'alice' } });
  });

  it('never overwrites an existing ticket', async () => {
    const { ticket, event } = newTicket('alice');
    await store.create(ticket, event);
    // a fresh reference, so the ticket item's own condition (the transaction's first action) is what refuses it
    await expect(store.create({ ...ticket, ref: `HN-261123-${ulid().slice(-6)}`, description: 'changed' }, { ...event, eventId: ulid() })).rejects.toMatchObject({
      name: 'TransactionCanceledException',
      CancellationReasons: [expect.objectContaining({ Code: 'ConditionalCheckFailed' }), expect.anything(), expect.anything()],
    });
    expect((await store.get(ticket.id))?.description).toBe(ticket.description);
  });

  it('refuses a second claim on an idempotency key and writes nothing for it', async () => {
    const first = newTicket('bob');
    const claim = { key: 'k-1', requestHash: 'h', expiresAt: Math.floor(Date.now() / 1000) + 3600 };
    await store.create(first.ticket, first.event, claim);
    const second = newTicket('bob');
    await expect(store.create(second.ticket, second.event, claim)).rejects.toBeInstanceOf(IdempotencyKeyTakenError);
    expect(await store.get(second.ticket.id)).toBeUndefined();
    expect(await store.idempotencyRecord('bob', 'k-1', new Date())).toEqual({ ticketId: first.ticket.id, requestHash: 'h' });
  });

  it('scopes idempotency keys to the citizen', async () => {
    const claim = { key: 'shared-key', requestHash: 'h', expiresAt: Math.floor(Date.now() / 1000) + 3600 };
    const a = newTicket('carol');
    const b = newTicket('dave');
    await store.create(a.ticket, a.event, claim);
    await store.create(b.ticket, b.event, claim);
    expect((await store.idempotencyRecord('dave', 'shared-key', new Date()))?.ticketId).toBe(b.ticket.id);
  });

  it('lets an expired key be claimed again, even before TTL deletes it', async () => {
    const old = newTicket('erin', new Date(Date.now() - 3 * 86400_000));
    await store.create(old.ticket, old.event, { key: 'k', requestHash: 'h1', expiresAt: Math.floor(Date.now() / 1000) - 60 });
    expect(await store.idempotencyRecord('erin', 'k', new Date())).toBeUndefined();
    const fresh = newTicket('erin');
    await store.create(fresh.ticket, fresh.event, { key: 'k', requestHash: 'h2', expiresAt: Math.floor(Date.now() / 1000) + 3600 });
    const item = await documentClient.send(new GetCommand({ TableName: tableName(), Key: idempotencyKey('erin', 'k') }));
    expect(item.Item).toMatchObject({ ticketId: fresh.ticket.id, requestHash: 'h2' });
  });

  it('lists a citizen’s tickets newest first, page by page, with a status filter', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      const { ticket, event } = newTicket('frank');
      await store.create(ticket, event);
      ids.push(ticket.id);
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await store.listByCitizen('frank', { limit: 3, cursor });
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((t) => t.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());
    expect((await store.listByCitizen('frank', { limit: 20, status: 'closed' })).items).toEqual([]);
    expect((await store.listByCitizen('frank', { limit: 20, status: 'assigned' })).items).toHaveLength(7);
  });

  it('rejects a cursor issued for another citizen’s list', async () => {
    const page = await store.listByCitizen('frank', { limit: 1 });
    await expect(store.listByCitizen('mallory', { limit: 1, cursor: page.nextCursor! })).rejects.toMatchObject({ kind: 'validation' });
    await expect(store.listByCitizen('frank', { limit: 1, cursor: 'not-a-cursor' })).rejects.toMatchObject({ kind: 'validation' });
  });
});

describe('dynamoTicketStore.update', () => {
  const next = (ticket: ReturnType<typeof newTicket>['ticket'], version: number) => ({
    ticket: { ...ticket, version, status: 'in_progress' as const },
    event: { eventId: ulid(), ticketId: ticket.id, version, type: 'acknowledged', at: new Date().toISOString(), actor: { id: 's', role: 'staff' as const }, visibility: 'public' as const, data: {} },
  });

  it('writes the next version and its event when the version matches', async () => {
    const { ticket, event } = newTicket('gina');
    await store.create(ticket, event);
    const change = next(ticket, 2);
    await store.update(change.ticket, change.event, 1);
    expect(await store.get(ticket.id)).toMatchObject({ version: 2, status: 'in_progress' });
  });

  it('refuses a stale version with the current one, writing nothing', async () => {
    const { ticket, event } = newTicket('gina');
    await store.create(ticket, event);
    await store.update(next(ticket, 2).ticket, next(ticket, 2).event, 1);
    const stale = next(ticket, 2);
    await expect(store.update({ ...stale.ticket, description: 'lost update' }, stale.event, 1)).rejects.toMatchObject({ kind: 'version_conflict', currentVersion: 2 });
    expect((await store.get(ticket.id))?.description).toBe(ticket.description);
  });

  it('lets exactly one of several concurrent writers on one version win', async () => {
    const { ticket, event } = newTicket('gina');
    await store.create(ticket, event);
    const results = await Promise.allSettled([1, 2, 3].map(() => { const c = next(ticket, 2); return store.update(c.ticket, c.event, 1); }));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.kind)).toEqual(['version_conflict', 'version_conflict']);
  });

  it('answers not found for a ticket that does not exist', async () => {
    const { ticket } = newTicket('gina');
    const c = next(ticket, 2);
    await expect(store.update(c.ticket, c.event, 1)).rejects.toMatchObject({ kind: 'not_found' });
  });
});
