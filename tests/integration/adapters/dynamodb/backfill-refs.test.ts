import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { backfillTicketRefs } from '../../../../shared/adapters/dynamodb/backfill-refs.js';
import { documentClient } from '../../../../shared/adapters/dynamodb/client.js';
import { tableName } from '../../../../shared/adapters/dynamodb/table.js';
import { ticketToItem } from '../../../../shared/adapters/dynamodb/ticket-items.js';
import { dynamoTicketStore } from '../../../../shared/adapters/dynamodb/ticket-store.js';
import type { Ticket } from '../../../../shared/domain/ticket.js';
import { createTestTable } from '../../../support/table.js';
import { seedTicket, ulid } from '../../../support/tickets.js';

/** A ticket item as written before references existed. */
async function legacyTicket(createdAt: string): Promise<Ticket> {
  const { ref: _none, ...ticket } = await seedTicket({ departmentId: 'd', now: new Date(createdAt) });
  const id = ulid();
  const old = { ...ticket, id, location: { wardCode: '00001', provinceCode: '01' } } as Ticket;
  const { ref: _r, ...item } = ticketToItem({ ...old, ref: 'x' });
  await documentClient.send(new PutCommand({ TableName: tableName(), Item: { ...item, pk: `TICKET#${id}` } }));
  return old;
}

beforeAll(() => createTestTable({ catalog: 'small' }));

describe('backfillTicketRefs', () => {
  it('gives old tickets a reference of the day they were received, once, keeping their version', async () => {
    // 23:30 UTC on 30 November is 06:30 on 1 December in Hanoi
    const a = await legacyTicket('2025-11-30T23:30:00Z');
    const b = await legacyTicket('2025-11-30T23:40:00Z');
    const modern = await seedTicket({ departmentId: 'd' });

    expect(await backfillTicketRefs()).toEqual({ assigned: 2, skipped: 0 });
    const [ta, tb] = await Promise.all([dynamoTicketStore.get(a.id), dynamoTicketStore.get(b.id)]);
    expect(ta!.ref).toMatch(/^HN-251201-\d{4}$/);
    expect(tb!.ref).toMatch(/^HN-251201-\d{4}$/);
    expect(ta!.ref).not.toBe(tb!.ref);
    expect(ta!.version).toBe(a.version);
    expect(await dynamoTicketStore.idOfRef(ta!.ref)).toBe(a.id);
    expect((await dynamoTicketStore.get(modern.id))!.ref).toBe(modern.ref);

    // a second run reads one marker and writes nothing
    expect(await backfillTicketRefs()).toEqual({ assigned: 0, skipped: 0 });
    expect((await dynamoTicketStore.get(a.id))!.ref).toBe(ta!.ref);
    const marker = await documentClient.send(new GetCommand({ TableName: tableName(), Key: { pk: 'SEED', sk: 'TICKET_REFS' } }));
    expect(marker.Item).toBeDefined();
  });
});
