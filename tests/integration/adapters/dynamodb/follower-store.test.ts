import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { documentClient } from '../../../../shared/adapters/dynamodb/client.js';
import { tableName } from '../../../../shared/adapters/dynamodb/table.js';
import { followersSortKey } from '../../../../shared/adapters/dynamodb/ticket-items.js';
import { mergeDuplicate } from '../../../../shared/app/following.js';
import { dynamoFollowerStore } from '../../../../shared/adapters/dynamodb/follower-store.js';
import { dynamoTicketStore } from '../../../../shared/adapters/dynamodb/ticket-store.js';
import { VersionConflictError } from '../../../../shared/domain/errors.js';
import { nextVersion } from '../../../../shared/domain/ticket.js';
import { createTestTable } from '../../../support/table.js';
import { seedTicket } from '../../../support/tickets.js';

beforeAll(() => createTestTable({ seed: false }));

const change = (t: Awaited<ReturnType<typeof seedTicket>>) =>
  nextVersion(t, { status: 'in_progress' }, { type: 'acknowledged', data: {}, visibility: 'public', at: new Date().toISOString(), actor: { id: 's', role: 'staff' }, eventId: `E${t.id}` });

describe('followers beside the version', () => {
  it('a versioned write decided before a follow keeps the follow (no 409, no lost count)', async () => {
    const read = await seedTicket({ departmentId: 'fs-a' });
    await dynamoFollowerStore.add(read.id, ['u1', 'u2'], { kind: 'follow' }, new Date());
    const { ticket, event } = change(read); // still says followers: 0
    await dynamoTicketStore.update(ticket, event, read.version);
    expect(await dynamoTicketStore.get(read.id)).toMatchObject({ version: 2, status: 'in_progress', followers: 2 });
  });

  it('a stale version is still a 409', async () => {
    const read = await seedTicket({ departmentId: 'fs-a' });
    const first = change(read);
    await dynamoTicketStore.update(first.ticket, first.event, 1);
    await dynamoFollowerStore.add(read.id, ['u1'], { kind: 'follow' }, new Date());
    const second = change(read);
    await expect(dynamoTicketStore.update(second.ticket, { ...second.event, eventId: 'other' }, 1)).rejects.toBeInstanceOf(VersionConflictError);
  });

  it('adds many at once, each once, and skips those already following', async () => {
    const t = await seedTicket({ departmentId: 'fs-a' });
    const users = Array.from({ length: 120 }, (_, i) => `bulk-${i}`);
    await dynamoFollowerStore.add(t.id, users.slice(0, 7), { kind: 'follow' }, new Date());
    const result = await dynamoFollowerStore.add(t.id, users, { kind: 'duplicate', from: 'X' }, new Date());
    expect(result).toEqual({ added: users.slice(7), followers: 120 });
    expect((await dynamoFollowerStore.followersOf(t.id)).sort()).toEqual([...users].sort());
    expect(await dynamoFollowerStore.add(t.id, users, { kind: 'follow' }, new Date())).toEqual({ added: [], followers: 120 });
  });
});

describe('following at once', () => {
  const stored = async (id: string) => (await documentClient.send(new GetCommand({ TableName: tableName(), Key: { pk: `TICKET#${id}`, sk: 'TICKET' } }))).Item!;

  it('many unfollow at once, and one user follows and unfollows twice at once: the count always matches the follower items, and so does the queue key', async () => {
    const t = await seedTicket({ departmentId: 'fs-b' });
    const users = Array.from({ length: 8 }, (_, i) => `crowd-${i}`);
    await Promise.all(users.map((u) => dynamoFollowerStore.add(t.id, [u], { kind: 'follow' }, new Date())));
    expect((await stored(t.id)).followers).toBe(8);

    const gone = await Promise.all([...users.slice(0, 5), users[0]!, users[1]!].map((u) => dynamoFollowerStore.remove(t.id, u, new Date())));
    expect(gone.filter((r) => r.removed)).toHaveLength(5);
    await Promise.all([
      dynamoFollowerStore.add(t.id, ['twice'], { kind: 'follow' }, new Date()),
      dynamoFollowerStore.add(t.id, ['twice'], { kind: 'follow' }, new Date()),
    ]);
    await Promise.all([dynamoFollowerStore.remove(t.id, 'twice', new Date()), dynamoFollowerStore.remove(t.id, 'twice', new Date())]);

    const item = await stored(t.id);
    const following = await dynamoFollowerStore.followersOf(t.id);
    expect(following.sort()).toEqual(users.slice(5).sort());
    expect(item.followers).toBe(3);
    expect(item.gsi7sk).toBe(followersSortKey(3, t.dueAt, t.id));
    expect(item.gsi7pk).toBe(item.gsi2pk);
  });

  it('a duplicate merged by two deliveries at once moves everyone exactly once', async () => {
    const original = await seedTicket({ departmentId: 'fs-b', citizenId: 'first' });
    const duplicate = await seedTicket({ departmentId: 'fs-b', citizenId: 'dup-owner' });
    await dynamoFollowerStore.add(duplicate.id, ['dup-fan-1', 'dup-fan-2', 'first'], { kind: 'follow' }, new Date());
    const event = { eventId: 'E-merge', ticketId: duplicate.id, type: 'rejected', data: { reasonCode: 'duplicate', duplicateOf: original.id }, ticket: { citizenId: 'dup-owner' } };
    const deps = { followers: dynamoFollowerStore, clock: { now: () => new Date() } };
    const [a, b] = await Promise.all([mergeDuplicate(deps, event), mergeDuplicate(deps, event)]);
    // The original's own owner following the duplicate is moved too (she may follow her own ticket).
    expect([...a!.moved, ...b!.moved].sort()).toEqual(['dup-fan-1', 'dup-fan-2', 'dup-owner', 'first']);
    expect((await dynamoFollowerStore.followersOf(original.id)).sort()).toEqual(['dup-fan-1', 'dup-fan-2', 'dup-owner', 'first']);
    expect((await stored(original.id)).followers).toBe(4);
    expect(await mergeDuplicate(deps, event)).toEqual({ moved: [] });
  });
});
