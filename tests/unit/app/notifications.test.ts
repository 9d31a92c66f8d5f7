/**
 * Delivering one event's notifications and reading the inbox (shared/app/notifications.ts),
 * against the in-memory stores. The publisher is the SNS boundary: a recorder here, SNS itself
 * is mocked in tests/unit/adapters/sns.
 */
import { describe, expect, it } from 'vitest';
import {
  getPreferences,
  listDepartmentNotifications,
  markDepartmentNotificationRead,
  markNotificationRead,
  notifyEvent,
  PublishFailedError,
  putPreferences,
  type NotifyDeps,
} from '../../../shared/app/notifications.js';
import { PermanentPublishError, type NotificationPublisher } from '../../../shared/app/ports.js';
import { actOnTicket } from '../../../shared/app/workflow.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../../../shared/domain/errors.js';
import { NotifiableEventItem } from '../../../shared/schemas/event-item.js';
import { memoryDependencies, putTicket, type MemoryDependencies } from '../../support/memory.js';

/** Records each publish; `fail(channel)` makes that channel throw (transient unless `permanent`). */
function recorder() {
  const sent: Array<{ channel: string; deduplicationId: string }> = [];
  const failing = new Map<string, Error>();
  const publisher: NotificationPublisher = {
    async publish(message, meta) {
      const error = failing.get(message.channel);
      if (error) throw error;
      sent.push({ channel: message.channel, deduplicationId: meta.deduplicationId });
      return { messageId: `m-${sent.length}` };
    },
  };
  return { sent, publisher, fail: (channel: string, error: Error = new Error('SNS down')) => failing.set(channel, error), heal: () => failing.clear() };
}

const notifyDeps = (deps: MemoryDependencies, publisher: NotificationPublisher): NotifyDeps => ({ ...deps, publisher, erasures: deps.personalData, publishAttempts: 1, retryDelayMs: 0 });
const lastEvent = async (deps: MemoryDependencies, id: string) => NotifiableEventItem.parse((await deps.tickets.events(id)).at(-1));

describe('notifyEvent', () => {
  it('a new ticket: the citizen’s and the department’s inbox, the alert sent once; a replay sends and writes nothing', async () => {
    const deps = memoryDependencies();
    await deps.notifications.putPreferences('citizen-1', { channels: { sms: true, email: false, push: true }, phone: '+84901234567', language: 'en' });
    const ticket = await putTicket(deps);
    const { sent, publisher } = recorder();
    const event = await lastEvent(deps, ticket.id);
    expect(await notifyEvent(notifyDeps(deps, publisher), event)).toEqual({ created: 2, existing: 0, sent: 3, skipped: 0, rejected: 0 });
    expect(sent.map((s) => s.deduplicationId).sort()).toEqual([`${event.eventId}:dept-ward-00001:alert`, `${event.eventId}:user:push`, `${event.eventId}:user:sms`]);
    const mine = await deps.notifications.getInbox({ kind: 'user', userId: 'citizen-1' }, event.eventId);
    expect(mine).toMatchObject({ ticketId: ticket.id, type: 'created', audience: 'citizen', language: 'en', deliveries: { sms: { status: 'sent' }, push: { status: 'sent' } } });
    expect(mine!.title).toContain(ticket.ref);

    expect(await notifyEvent(notifyDeps(deps, publisher), event)).toEqual({ created: 0, existing: 2, sent: 0, skipped: 3, rejected: 0 });
    expect(sent).toHaveLength(3);
    expect(deps.state.inbox.size).toBe(2);
  });

  it('a failed channel fails the event but keeps the inbox and the ledger; the retry sends only what failed', async () => {
    const deps = memoryDependencies();
    await deps.notifications.putPreferences('citizen-1', { channels: { sms: true, email: false, push: true }, phone: '+84901234567', language: 'vi' });
    const ticket = await putTicket(deps);
    const { sent, publisher, fail, heal } = recorder();
    fail('sms');
    const event = await lastEvent(deps, ticket.id);
    await expect(notifyEvent(notifyDeps(deps, publisher), event)).rejects.toBeInstanceOf(PublishFailedError);
    expect((await deps.notifications.getInbox({ kind: 'user', userId: 'citizen-1' }, event.eventId))!.deliveries).toEqual({ push: expect.objectContaining({ status: 'sent' }) });
    heal();
    expect(await notifyEvent(notifyDeps(deps, publisher), event)).toMatchObject({ sent: 1, skipped: 2 });
    expect(sent.filter((s) => s.channel === 'sms')).toHaveLength(1);
  });

  it('a message SNS will never take is recorded as rejected, not retried and not failed', async () => {
    const deps = memoryDependencies();
    await deps.notifications.putPreferences('citizen-1', { channels: { sms: true, email: false, push: false }, phone: '+84900000000', language: 'vi' });
    const ticket = await putTicket(deps);
    const { publisher, fail } = recorder();
    fail('sms', new PermanentPublishError('Invalid parameter: PhoneNumber', 'InvalidParameter'));
    const event = await lastEvent(deps, ticket.id);
    expect(await notifyEvent(notifyDeps(deps, publisher), event)).toMatchObject({ rejected: 1 });
    expect((await deps.notifications.getInbox({ kind: 'user', userId: 'citizen-1' }, event.eventId))!.deliveries.sms).toMatchObject({ status: 'rejected', error: 'InvalidParameter: Invalid parameter: PhoneNumber' });
    expect(await notifyEvent(notifyDeps(deps, publisher), event)).toMatchObject({ rejected: 0, skipped: 2 });
  });

  it('tells followers the citizen’s milestones, and tells a citizen who asked to be erased nothing', async () => {
    const deps = memoryDependencies();
    const ticket = await putTicket(deps, { input: { visibility: 'public' } });
    await deps.followers.add(ticket.id, ['binh'], { kind: 'follow' }, deps.clock.now());
    await actOnTicket(deps, { userId: 's', role: 'staff', departmentId: 'ward-00001' }, ticket.id, { action: 'acknowledge', expectedVersion: 1 });
    await deps.personalData.requestErasure({ id: 'er-1', userId: 'citizen-1', status: 'pending', requestedAt: deps.clock.now().toISOString() });
    const { publisher } = recorder();
    await notifyEvent(notifyDeps(deps, publisher), await lastEvent(deps, ticket.id));
    expect([...deps.state.inbox.values()].map((i) => [i.owner, i.audience])).toEqual([[{ kind: 'user', userId: 'binh' }, 'follower']]);
  });

  it('tells an erasing owner nothing even when they follow their own ticket, and no follower who asked to be erased', async () => {
    const deps = memoryDependencies();
    const ticket = await putTicket(deps, { input: { visibility: 'public' } });
    await deps.followers.add(ticket.id, ['citizen-1', 'binh', 'chi'], { kind: 'follow' }, deps.clock.now());
    await actOnTicket(deps, { userId: 's', role: 'staff', departmentId: 'ward-00001' }, ticket.id, { action: 'acknowledge', expectedVersion: 1 });
    await deps.personalData.requestErasure({ id: 'er-1', userId: 'citizen-1', status: 'pending', requestedAt: deps.clock.now().toISOString() });
    await deps.personalData.requestErasure({ id: 'er-2', userId: 'chi', status: 'pending', requestedAt: deps.clock.now().toISOString() });
    const { publisher } = recorder();
    await notifyEvent(notifyDeps(deps, publisher), await lastEvent(deps, ticket.id));
    expect([...deps.state.inbox.values()].map((i) => [i.owner, i.audience])).toEqual([[{ kind: 'user', userId: 'binh' }, 'follower']]);
  });

  it('an internal note reaches nobody', async () => {
    const deps = memoryDependencies();
    const ticket = await putTicket(deps, { input: { visibility: 'public' } });
    await deps.followers.add(ticket.id, ['binh'], { kind: 'follow' }, deps.clock.now());
    await actOnTicket(deps, { userId: 's', role: 'staff', departmentId: 'ward-00001' }, ticket.id, { action: 'note', message: 'nội bộ', expectedVersion: 1 });
    const { sent, publisher } = recorder();
    expect(await notifyEvent(notifyDeps(deps, publisher), await lastEvent(deps, ticket.id))).toEqual({ created: 0, existing: 0, sent: 0, skipped: 0, rejected: 0 });
    expect(sent).toEqual([]);
  });
});

describe('reading', () => {
  it('preferences: defaults until set; a channel that is on needs its address; stamped with the clock', async () => {
    const deps = memoryDependencies();
    const who = { userId: 'an', role: 'citizen' as const };
    expect(await getPreferences(deps, who)).toEqual({ channels: { sms: false, email: false, push: false }, language: 'vi' });
    const error = await putPreferences(deps, who, { channels: { sms: true, email: true, push: false }, language: 'vi' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).errors.map((e) => e.path)).toEqual(['body.phone', 'body.email']);
    expect(await putPreferences(deps, who, { channels: { sms: true, email: false, push: false }, phone: '+84901234567', language: 'en' })).toEqual({
      channels: { sms: true, email: false, push: false },
      phone: '+84901234567',
      language: 'en',
      updatedAt: '2026-12-02T03:00:00.000Z',
    });
  });

  it('marking read keeps the first read time; another’s item is a 404; managers cannot mark a unit’s items', async () => {
    const deps = memoryDependencies();
    const item = { id: 'n1', ticketId: 'T', type: 'created', audience: 'citizen' as const, language: 'vi' as const, title: 't', body: 'b', at: '2026-12-02T03:00:00.000Z', expiresAt: 0, deliveries: {} };
    await deps.notifications.createInbox({ ...item, owner: { kind: 'user', userId: 'an' } });
    await deps.notifications.createInbox({ ...item, owner: { kind: 'department', departmentId: 'ward-00001' }, audience: 'department' });
    const an = { userId: 'an', role: 'citizen' as const };
    expect((await markNotificationRead(deps, an, 'n1')).readAt).toBe('2026-12-02T03:00:00.000Z');
    deps.clock.advance(60_000);
    expect((await markNotificationRead(deps, an, 'n1')).readAt).toBe('2026-12-02T03:00:00.000Z');
    await expect(markNotificationRead(deps, { userId: 'binh', role: 'citizen' }, 'n1')).rejects.toBeInstanceOf(NotFoundError);

    const manager = { userId: 'm', role: 'manager' as const, scope: 'city' };
    expect((await listDepartmentNotifications(deps, manager, 'ward-00001', { limit: 10 })).items).toHaveLength(1);
    await expect(markDepartmentNotificationRead(deps, manager, 'ward-00001', 'n1')).rejects.toBeInstanceOf(ForbiddenError);
    const staff = { userId: 's', role: 'staff' as const, departmentId: 'ward-00001' };
    expect((await markDepartmentNotificationRead(deps, staff, 'ward-00001', 'n1')).readAt).toBe('2026-12-02T03:01:00.000Z');
    await expect(markDepartmentNotificationRead(deps, { ...staff, departmentId: 'ward-00037' }, 'ward-00001', 'n1')).rejects.toBeInstanceOf(ForbiddenError);
  });
});
