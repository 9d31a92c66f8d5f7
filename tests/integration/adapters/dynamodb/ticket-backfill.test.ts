import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { documentClient } from '../../../../shared/adapters/dynamodb/client.js';
import { tableName } from '../../../../shared/adapters/dynamodb/table.js';
import { runTicketBackfill } from '../../../../shared/adapters/dynamodb/ticket-backfill.js';
import { createTestTable } from '../../../support/table.js';

const put = (id: string, extra: Record<string, unknown> = {}) =>
  documentClient.send(new PutCommand({ TableName: tableName(), Item: { pk: `TICKET#${id}`, sk: 'TICKET', entity: 'ticket', id, ...extra } }));
const marked = async (marker: string) => Boolean((await documentClient.send(new GetCommand({ TableName: tableName(), Key: { pk: 'SEED', sk: marker } }))).Item);

beforeAll(async () => {
  await createTestTable({ seed: false });
  await put('a');
  await put('b');
  await put('done', { migrated: true });
  // Not tickets: never handed over.
  await documentClient.send(new PutCommand({ TableName: tableName(), Item: { pk: 'TICKET#a', sk: 'EVENT#1', entity: 'event' } }));
});

describe('runTicketBackfill', () => {
  const needs = { filter: 'attribute_not_exists(#m)', names: { '#m': 'migrated' } };

  it('hands over only the tickets that need it, then never scans again', async () => {
    const seen: string[] = [];
    const migrate = async (item: Record<string, unknown>) => (seen.push(item.id as string), true);
    expect(await runTicketBackfill({ marker: 'T1', needs, migrate })).toEqual({ written: 2, skipped: 0 });
    expect(seen.sort()).toEqual(['a', 'b']);
    expect(await marked('T1')).toBe(true);
    expect(await runTicketBackfill({ marker: 'T1', needs, migrate })).toEqual({ written: 0, skipped: 0 });
    expect(seen).toHaveLength(2);
  });

  it('with rememberOnlyClean, a run that left a ticket alone is not remembered, so the next one picks it up', async () => {
    let leaveAlone = true;
    const migrate = async (item: Record<string, unknown>) => !(leaveAlone && item.id === 'b');
    expect(await runTicketBackfill({ marker: 'T2', needs, migrate, rememberOnlyClean: true })).toEqual({ written: 1, skipped: 1 });
    expect(await marked('T2')).toBe(false);
    leaveAlone = false;
    expect(await runTicketBackfill({ marker: 'T2', needs, migrate, rememberOnlyClean: true })).toEqual({ written: 2, skipped: 0 });
    expect(await marked('T2')).toBe(true);
  });

  it('without it, the run is remembered whatever it left alone', async () => {
    expect(await runTicketBackfill({ marker: 'T3', needs, migrate: async () => false })).toEqual({ written: 0, skipped: 2 });
    expect(await marked('T3')).toBe(true);
  });
});
