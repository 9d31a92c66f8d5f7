import { beforeAll, describe, expect, it } from 'vitest';
import { dynamoFollowerStore } from '../../../../shared/adapters/dynamodb/follower-store.js';
import { dynamoTicketStore } from '../../../../shared/adapters/dynamodb/ticket-store.js';
import { VersionConflictError } from '../../../../shared/domain/errors.js';
import { nextVersion } from '../../../../shared/domain/workflow.js';
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
