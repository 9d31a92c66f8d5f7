/**
 * Notifications: delivering one ticket event (called by the stream consumer, never by a
 * request handler) and reading the inbox and preferences (HTTP).
 *
 * Delivery is at least once end to end and exactly once where it can be:
 *   1. each recipient's inbox item (key: the event id) is read first: on a replay it exists and
 *      its ledger says which messages already went out;
 *   2. the other messages are published, each retried a few times; then the item is written
 *      only if absent (`attribute_not_exists`), ledger included — or, when it existed, only the
 *      new ledger entries are added. A replayed event writes no new item;
 *   3. a message that still fails makes the event fail: the consumer reports it as a batch
 *      item failure, Lambda retries it (steps 1–2 skip what is done) and, at the end, sends it
 *      to the on-failure destination. Nothing is dropped.
 * Only a crash between a publish and its ledger write can send a message twice; every
 * message carries the event id (and a per-recipient deduplication id) for consumers.
 */
import type { LocalizedText } from '../domain/localized-text.js';
import { ERASED_CITIZEN_ID } from '../domain/personal-data.js';
import type { PersonalDataStore } from './personal-data-ports.js';
import { ForbiddenError, NotFoundError, ValidationError, type FieldError } from '../domain/errors.js';
import {
  defaultPreferences,
  departmentsMentioned,
  INBOX_TTL_DAYS,
  planForFollower,
  planNotifications,
  recipientsOf,
  ruleFor,
  type InboxOwner,
  type NotifiableEvent,
  type NotificationPreferences,
  type OutboundMessage,
  type PlannedNotification,
} from '../domain/notifications.js';
import type { FollowerStore } from './ports.js';
import { authorizeDepartmentReader } from './department-access.js';
import type { Principal } from '../domain/principal.js';
import {
  PermanentPublishError,
  type Clock,
  type Delivery,
  type DepartmentDirectory,
  type InboxItem,
  type MessageMeta,
  type NotificationPublisher,
  type NotificationStore,
  type Page,
  type PageRequest,
} from './ports.js';

export interface NotifyDeps {
  notifications: NotificationStore;
  departments: Pick<DepartmentDirectory, 'get'>;
  publisher: NotificationPublisher;
  clock: Clock;
  /** Followers of the ticket get its citizen milestones; without it only the owner is told. */
  followers?: Pick<FollowerStore, 'followersOf'>;
  /**
   * Erasures: a citizen who asked to be erased is told nothing more, even of an event written
   * before the erasure reached the ticket. Without it only the ticket's own snapshot decides.
   */
  erasures?: Pick<PersonalDataStore, 'erasure'>;
  /** Tries per message before the event fails (the stream retries it later). Default 3. */
  publishAttempts?: number;
  /** First back-off between tries, doubled each time. Default 100 ms. */
  retryDelayMs?: number;
}

export interface NotifyOutcome {
  /** Inbox items written now / found from an earlier delivery. */
  created: number;
  existing: number;
  /** Messages published now / skipped because the ledger had them / rejected for good. */
  sent: number;
  skipped: number;
  rejected: number;
}

const DAY_S = 86_400;

export class PublishFailedError extends Error {
  constructor(
    readonly eventId: string,
    readonly failures: Array<{ channel: string; error: unknown }>,
  ) {
    super(`event ${eventId}: ${failures.length} message(s) could not be published (${failures.map((f) => `${f.channel}: ${String((f.error as Error)?.message ?? f.error)}`).join('; ')})`);
  }
}

async function withoutErasing(deps: NotifyDeps, userIds: string[]): Promise<string[]> {
  if (!deps.erasures || userIds.length === 0) return userIds;
  const erasures = await Promise.all(userIds.map((id) => deps.erasures!.erasure(id)));
  return userIds.filter((_, i) => !erasures[i]);
}

export async function notifyEvent(deps: NotifyDeps, stored: NotifiableEvent): Promise<NotifyOutcome> {
  const outcome: NotifyOutcome = { created: 0, existing: 0, sent: 0, skipped: 0, rejected: 0 };
  const rule = ruleFor(stored.type);
  if (!rule) return outcome;
  const erased = rule.citizen && deps.erasures && stored.ticket.citizenId !== ERASED_CITIZEN_ID ? await deps.erasures.erasure(stored.ticket.citizenId) : undefined;
  const event: NotifiableEvent = erased ? { ...stored, ticket: { ...stored.ticket, citizenId: ERASED_CITIZEN_ID } } : stored;
  // The unit above is only needed for an escalation that does not name it (directory cached).
  const parentDepartmentId =
    rule.parent && typeof event.data.to !== 'string' ? (await deps.departments.get(event.ticket.departmentId))?.parentId : undefined;
  const recipients = recipientsOf(event, parentDepartmentId);
  // Followers for the events a follower is told of: not the owner (told as the owner, or not at
  // all once erasing: compared with the stored id, not the one masked above), and nobody who asked
  // to be erased, whose follows the erasure has not reached yet.
  const followerIds =
    deps.followers && rule.citizen && event.visibility === 'public'
      ? await withoutErasing(deps, (await deps.followers.followersOf(event.ticketId)).filter((id) => id !== stored.ticket.citizenId))
      : [];
  if (recipients.length === 0 && followerIds.length === 0) return outcome;

  // One round trip: preferences, the recipients' items from any earlier delivery (their ledgers), names.
  const departmentNames = new Map<string, LocalizedText>();
  const [preferences, earlier] = await Promise.all([
    recipients.some((r) => r.owner.kind === 'user') ? deps.notifications.preferences(event.ticket.citizenId) : undefined,
    Promise.all(recipients.map((r) => deps.notifications.getInbox(r.owner, event.eventId))),
    Promise.all(
      departmentsMentioned(event, parentDepartmentId).map(async (id) => {
        const department = await deps.departments.get(id);
        if (department) departmentNames.set(id, department.name);
      }),
    ),
  ]);
  const existing = new Map(recipients.map((r, i) => [ownerKey(r.owner), earlier[i]]));
  const context = { departmentNames, ...(parentDepartmentId ? { parentDepartmentId } : {}) };
  const plans = planNotifications(event, { preferences: preferences ?? defaultPreferences, ...context });
  const followerPlans = await Promise.all(
    followerIds.map(async (userId) => {
      const owner: InboxOwner = { kind: 'user', userId };
      const [prefs, item] = await Promise.all([deps.notifications.preferences(userId), deps.notifications.getInbox(owner, event.eventId)]);
      existing.set(ownerKey(owner), item);
      return planForFollower(event, userId, prefs ?? defaultPreferences, context);
    }),
  );
  plans.push(...followerPlans.filter((p): p is PlannedNotification => p !== undefined));

  const failures: Array<{ channel: string; error: unknown }> = [];
  await Promise.all(
    plans.map(async (plan) => {
      const current = existing.get(ownerKey(plan.owner));
      const done = current?.deliveries ?? {};
      const recorded: Record<string, Delivery> = {};
      await Promise.all(
        plan.messages.map(async (message) => {
          if (done[message.channel]) {
            outcome.skipped++;
            return;
          }
          try {
            const { messageId } = await publishWithRetry(deps, message, metaFor(event, plan, message));
            recorded[message.channel] = { status: 'sent', at: deps.clock.now().toISOString(), ...(messageId ? { messageId } : {}) };
            outcome.sent++;
          } catch (error) {
            if (error instanceof PermanentPublishError) {
              recorded[message.channel] = { status: 'rejected', at: deps.clock.now().toISOString(), error: `${error.code}: ${error.message}` };
              outcome.rejected++;
            } else {
              failures.push({ channel: message.channel, error });
            }
          }
        }),
      );
      // The item is written even when a message failed (the inbox does not wait for SNS), with
      // the ledger of what did go out; a retry finds it and sends only the rest.
      if (!current && (await deps.notifications.createInbox({ ...inboxItemFor(event, plan), deliveries: recorded }))) {
        outcome.created++;
        return;
      }
      outcome.existing++;
      await deps.notifications.recordDeliveries(plan.owner, event.eventId, recorded);
    }),
  );
  if (failures.length) throw new PublishFailedError(event.eventId, failures);
  return outcome;
}

const ownerKey = (owner: InboxOwner) => (owner.kind === 'user' ? `user:${owner.userId}` : `dept:${owner.departmentId}`);

export function inboxItemFor(event: NotifiableEvent, plan: PlannedNotification): InboxItem {
  return {
    id: event.eventId,
    owner: plan.owner,
    ticketId: event.ticketId,
    type: event.type,
    audience: plan.audience,
    language: plan.language,
    title: plan.title,
    body: plan.body,
    at: event.at,
    expiresAt: Math.floor(Date.parse(event.at) / 1000) + INBOX_TTL_DAYS * DAY_S,
    deliveries: {},
  };
}

export function metaFor(event: NotifiableEvent, plan: PlannedNotification, message: OutboundMessage): MessageMeta {
  // Followers are many users per event: each needs an id of their own.
  const recipient = plan.owner.kind === 'department' ? `dept-${plan.owner.departmentId}` : plan.audience === 'follower' ? `follower-${plan.owner.userId}` : 'user';
  return {
    eventId: event.eventId,
    eventType: event.type,
    ticketId: event.ticketId,
    departmentId: event.ticket.departmentId,
    wardCode: event.ticket.wardCode,
    ...(event.ticket.districtCode ? { districtCode: event.ticket.districtCode } : {}),
    severity: event.ticket.severity,
    language: plan.language,
    deduplicationId: `${event.eventId}:${recipient}:${message.channel}`,
  };
}

async function publishWithRetry(deps: NotifyDeps, message: OutboundMessage, meta: MessageMeta) {
  const attempts = Math.max(1, deps.publishAttempts ?? 3);
  let delay = deps.retryDelayMs ?? 100;
  for (let attempt = 1; ; attempt++) {
    try {
      return await deps.publisher.publish(message, meta);
    } catch (error) {
      if (error instanceof PermanentPublishError || attempt >= attempts) throw error;
      await new Promise((r) => setTimeout(r, delay));
      delay *= 2;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Reading

type ReadDeps = { notifications: NotificationStore; departments: Pick<DepartmentDirectory, 'get'>; clock: Clock };

const me = (who: Principal): InboxOwner => ({ kind: 'user', userId: who.userId });

export function listMyNotifications(deps: Pick<ReadDeps, 'notifications'>, who: Principal, query: PageRequest & { unread?: boolean }): Promise<Page<InboxItem>> {
  return deps.notifications.listInbox(me(who), query);
}

/** Idempotent: the first read time stays. Someone else's item, or none, is a 404. */
export async function markNotificationRead(deps: Pick<ReadDeps, 'notifications' | 'clock'>, who: Principal, id: string): Promise<InboxItem> {
  const item = await deps.notifications.markRead(me(who), id, deps.clock.now().toISOString());
  if (!item) throw new NotFoundError(`No notification ${id}.`);
  return item;
}

export async function getPreferences(deps: Pick<ReadDeps, 'notifications'>, who: Principal): Promise<NotificationPreferences> {
  return (await deps.notifications.preferences(who.userId)) ?? defaultPreferences;
}

/** Replaces the caller's preferences. A channel that is on needs its address. */
export async function putPreferences(
  deps: Pick<ReadDeps, 'notifications' | 'clock'>,
  who: Principal,
  input: Omit<NotificationPreferences, 'updatedAt'>,
): Promise<NotificationPreferences> {
  const errors: FieldError[] = [];
  if (input.channels.sms && !input.phone) errors.push({ path: 'body.phone', message: 'required while channels.sms is on (E.164, e.g. +84901234567)' });
  if (input.channels.email && !input.email) errors.push({ path: 'body.email', message: 'required while channels.email is on' });
  if (errors.length) throw new ValidationError('The preferences are not valid.', errors);
  const preferences: NotificationPreferences = {
    channels: { sms: input.channels.sms, email: input.channels.email, push: input.channels.push },
    ...(input.phone ? { phone: input.phone } : {}),
    ...(input.email ? { email: input.email } : {}),
    language: input.language,
    updatedAt: deps.clock.now().toISOString(),
  };
  await deps.notifications.putPreferences(who.userId, preferences);
  return preferences;
}

/** A department's notifications: its staff; managers within scope; admins. Other staff: 403. */
export async function listDepartmentNotifications(
  deps: Pick<ReadDeps, 'notifications' | 'departments'>,
  who: Principal,
  departmentId: string,
  query: PageRequest & { unread?: boolean },
): Promise<Page<InboxItem>> {
  await authorizeDepartmentReader(deps, who, departmentId, 'notifications');
  return deps.notifications.listInbox({ kind: 'department', departmentId }, query);
}


/**
 * Marks one of a department's notifications read, for the whole unit: its staff (the people who
 * work the inbox) and admins; managers read only. Idempotent like the personal inbox.
 */
export async function markDepartmentNotificationRead(
  deps: Pick<ReadDeps, 'notifications' | 'departments' | 'clock'>,
  who: Principal,
  departmentId: string,
  id: string,
): Promise<InboxItem> {
  if (who.role === 'manager') throw new ForbiddenError("Managers read a department's notifications; its staff mark them read.");
  await authorizeDepartmentReader(deps, who, departmentId, 'notifications');
  const item = await deps.notifications.markRead({ kind: 'department', departmentId }, id, deps.clock.now().toISOString());
  if (!item) throw new NotFoundError(`No notification ${id} for department ${departmentId}.`);
  return item;
}
