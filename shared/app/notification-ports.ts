/** Notifications: the inbox with its delivery ledger, preferences, and the publisher that sends. */
import type { Language } from '../domain/localized-text.js';
import type { Audience, InboxOwner, NotificationPreferences, OutboundMessage } from '../domain/notifications.js';
import type { Page, PageRequest } from './core-ports.js';

/** One channel's outcome for one inbox item: the ledger that keeps a retry from sending twice. */
export interface Delivery {
  /** `rejected`: SNS will never take it (bad number, invalid input); not retried. */
  status: 'sent' | 'rejected';
  at: string;
  messageId?: string;
  error?: string;
}

/** An in-app notification; its id is the event's id, so a replayed event finds it already there. */
export interface InboxItem {
  id: string;
  owner: InboxOwner;
  ticketId: string;
  type: string;
  audience: Audience;
  language: Language;
  title: string;
  body: string;
  /** When the event happened. */
  at: string;
  readAt?: string;
  /** TTL, epoch seconds. */
  expiresAt: number;
  /** By channel (sms, email, push, alert). */
  deliveries: Record<string, Delivery>;
}

export interface NotificationStore {
  /** One inbox item with its ledger (a consistent read: a retry right after a delivery sees it). */
  getInbox(owner: InboxOwner, id: string): Promise<InboxItem | undefined>;
  /** Writes the item unless it exists; false when it already did. */
  createInbox(item: InboxItem): Promise<boolean>;
  recordDeliveries(owner: InboxOwner, id: string, deliveries: Record<string, Delivery>): Promise<void>;
  /** Newest first. */
  listInbox(owner: InboxOwner, query: PageRequest & { unread?: boolean }): Promise<Page<InboxItem>>;
  /** Sets `readAt` once (later calls keep the first); undefined when the owner has no such item. */
  markRead(owner: InboxOwner, id: string, at: string): Promise<InboxItem | undefined>;
  preferences(userId: string): Promise<NotificationPreferences | undefined>;
  putPreferences(userId: string, preferences: NotificationPreferences): Promise<void>;
}

/** What every message carries besides its text: the event, for filter policies and de-duplication. */
export interface MessageMeta {
  eventId: string;
  eventType: string;
  ticketId: string;
  /** The ticket's department after the event. */
  departmentId: string;
  wardCode: string;
  districtCode?: string;
  severity: string;
  language: Language;
  /** Unique per event, recipient and channel: the event id plus the rest. */
  deduplicationId: string;
}

export interface NotificationPublisher {
  publish(message: OutboundMessage, meta: MessageMeta): Promise<{ messageId: string }>;
}

/** A message that can never be sent as is (invalid number, rejected input): recorded, not retried. */
export class PermanentPublishError extends Error {
  constructor(message: string, readonly code: string) {
    super(message);
  }
}
