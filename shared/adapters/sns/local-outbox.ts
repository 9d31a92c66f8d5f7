/**
 * The local runtime's stand-in for SNS: when no topic is configured, publishes land here and
 * `GET /dev/outbox` lists them, so a developer sees exactly what AWS would have been sent.
 * In memory, bounded, shared by every module instance of the process (the runtime loads the
 * stream consumers and the dev routes separately).
 */
import { randomUUID } from 'node:crypto';
import type { PublishCommandInput } from '@aws-sdk/client-sns';

export type OutboxTarget = { type: 'topic'; topicArn: string } | { type: 'sms'; phoneNumber: string };

export interface OutboxEntry {
  messageId: string;
  /** When it was published (ISO). */
  at: string;
  target: OutboxTarget;
  subject?: string;
  message: string;
  /** Message attributes, name → value. */
  attributes: Record<string, string>;
  /** The PublishCommandInput as given to the SDK. */
  input: PublishCommandInput;
}

export const LOCAL_OUTBOX_CAPACITY = 10_000;

interface Outbox {
  entries: OutboxEntry[];
  listeners: Set<(entry: OutboxEntry) => void>;
}

const KEY = Symbol.for('civic-feedback.local-outbox');
const state: Outbox = ((globalThis as Record<symbol, unknown>)[KEY] as Outbox | undefined) ?? { entries: [], listeners: new Set() };
(globalThis as Record<symbol, unknown>)[KEY] = state;

export const localOutbox = {
  /** Records one publish and answers as SNS would (a message id). */
  async send(input: PublishCommandInput): Promise<{ MessageId: string }> {
    const target: OutboxTarget = input.PhoneNumber ? { type: 'sms', phoneNumber: input.PhoneNumber } : { type: 'topic', topicArn: input.TopicArn ?? input.TargetArn ?? '' };
    const entry: OutboxEntry = {
      messageId: randomUUID(),
      at: new Date().toISOString(),
      target,
      ...(input.Subject ? { subject: input.Subject } : {}),
      message: input.Message ?? '',
      attributes: Object.fromEntries(Object.entries(input.MessageAttributes ?? {}).map(([k, v]) => [k, v.StringValue ?? ''])),
      input,
    };
    state.entries.push(entry);
    if (state.entries.length > LOCAL_OUTBOX_CAPACITY) state.entries.splice(0, state.entries.length - LOCAL_OUTBOX_CAPACITY);
    for (const listener of state.listeners) listener(entry);
    return { MessageId: entry.messageId };
  },
  /** Newest first. */
  list(limit = 100): OutboxEntry[] {
    return state.entries.slice(-limit).reverse();
  },
  get size(): number {
    return state.entries.length;
  },
  clear(): void {
    state.entries.length = 0;
  },
  /** Calls `listener` on every publish from now on; returns the unsubscribe. */
  subscribe(listener: (entry: OutboxEntry) => void): () => void {
    state.listeners.add(listener);
    return () => state.listeners.delete(listener);
  },
};
