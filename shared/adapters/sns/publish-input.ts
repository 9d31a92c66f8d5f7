/**
 * One outbound message → the exact SNS `PublishCommandInput`. Pure, so the unit tests pin
 * every field and the local sink records what AWS would have received.
 *
 *   sms    direct publish to an E.164 `PhoneNumber`, `AWS.SNS.SMS.SMSType = Transactional`
 *          (and `AWS.SNS.SMS.SenderID` when configured); no other attributes.
 *   email  citizen topic, JSON body for the sender that subscribes with {"channel":["email"]}
 *   push   citizen topic, JSON body for the push fan-out ({"channel":["push"]})
 *   alert  department topic, readable text + Subject, for staff e-mail / chat subscriptions
 *          filtered on departmentId, districtCode, eventType, severity.
 *
 * Limits respected here: 256 KiB per message (body + subject + attributes), at most 10
 * attributes (SQS raw delivery drops more), attribute names [A-Za-z0-9_.-] not starting with
 * AWS. / Amazon., no empty values, Subject < 100 characters without line breaks, FIFO topics
 * get MessageGroupId (the ticket) and MessageDeduplicationId.
 */
import type { MessageAttributeValue, PublishCommandInput } from '@aws-sdk/client-sns';
import { PermanentPublishError, type MessageMeta } from '../../app/ports.js';
import type { OutboundMessage } from '../../domain/notifications.js';

export interface SnsSettings {
  citizenTopicArn: string;
  departmentTopicArn: string;
  /** 1–11 letters and digits, at least one letter; not every country honours it. */
  smsSenderId?: string;
}

export const MAX_MESSAGE_BYTES = 262_144;
export const MAX_ATTRIBUTES = 10;
export const MESSAGE_FORMAT_VERSION = 1;

const E164 = /^\+[1-9]\d{6,14}$/;
const SENDER_ID = /^(?=.*[A-Za-z])[A-Za-z0-9]{1,11}$/;

export function validAttributeName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= 256 &&
    /^[A-Za-z0-9_.-]+$/.test(name) &&
    !/^(aws\.|amazon\.)/i.test(name) &&
    !name.startsWith('.') &&
    !name.endsWith('.') &&
    !name.includes('..')
  );
}

/** String attributes, empty ones left out (SNS rejects empty values). */
export function stringAttributes(values: Record<string, string | undefined>): Record<string, MessageAttributeValue> {
  const out: Record<string, MessageAttributeValue> = {};
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined || value === '') continue;
    if (!validAttributeName(name)) throw new Error(`invalid SNS message attribute name "${name}"`);
    out[name] = { DataType: 'String', StringValue: value };
  }
  if (Object.keys(out).length > MAX_ATTRIBUTES) throw new Error(`more than ${MAX_ATTRIBUTES} SNS message attributes`);
  return out;
}

/** Bytes SNS counts against the limit: body, subject and every attribute's name, type and value. */
export function publishSize(input: PublishCommandInput): number {
  const bytes = (s: string | undefined) => (s ? Buffer.byteLength(s, 'utf8') : 0);
  let size = bytes(input.Message) + bytes(input.Subject);
  for (const [name, value] of Object.entries(input.MessageAttributes ?? {})) size += bytes(name) + bytes(value.DataType) + bytes(value.StringValue) + (value.BinaryValue?.byteLength ?? 0);
  return size;
}

/** UTF-8, no line breaks or control characters, under 100 characters. */
export function subjectLine(text: string): string {
  const flat = text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  return chars.length <= 99 ? flat : `${chars.slice(0, 98).join('')}…`;
}

export function publishInput(message: OutboundMessage, meta: MessageMeta, settings: SnsSettings): PublishCommandInput {
  if (message.channel === 'sms') {
    if (!E164.test(message.phoneNumber)) throw new PermanentPublishError(`"${message.phoneNumber}" is not an E.164 phone number`, 'InvalidPhoneNumber');
    return {
      PhoneNumber: message.phoneNumber,
      Message: message.text,
      MessageAttributes: {
        'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' },
        ...(settings.smsSenderId ? { 'AWS.SNS.SMS.SenderID': { DataType: 'String', StringValue: settings.smsSenderId } } : {}),
      },
    };
  }

  const topicArn = message.channel === 'alert' ? settings.departmentTopicArn : settings.citizenTopicArn;
  const attributes = stringAttributes({
    eventId: meta.eventId,
    eventType: meta.eventType,
    ticketId: meta.ticketId,
    // Alerts: the department told (an escalation tells the unit above); citizen topic: the ticket's.
    departmentId: message.channel === 'alert' ? message.departmentId : meta.departmentId,
    areaCode: meta.wardCode,
    districtCode: meta.districtCode,
    severity: meta.severity,
    channel: message.channel,
    language: meta.language,
  });
  const fifo = topicArn.endsWith('.fifo') ? { MessageGroupId: meta.ticketId, MessageDeduplicationId: fifoDeduplicationId(meta.deduplicationId) } : {};

  const build = (text: string): PublishCommandInput => {
    if (message.channel === 'alert') {
      return {
        TopicArn: topicArn,
        Subject: subjectLine(message.subject),
        Message: `${message.subject}\n\n${text}\n\nticket: ${meta.ticketId}`,
        MessageAttributes: attributes,
        ...fifo,
      };
    }
    const body =
      message.channel === 'email'
        ? { to: message.address, subject: message.subject, text }
        : { userId: message.userId, title: message.title, text };
    return {
      TopicArn: topicArn,
      Message: JSON.stringify({
        version: MESSAGE_FORMAT_VERSION,
        channel: message.channel,
        eventId: meta.eventId,
        deduplicationId: meta.deduplicationId,
        eventType: meta.eventType,
        ticketId: meta.ticketId,
        language: meta.language,
        ...body,
      }),
      MessageAttributes: attributes,
      ...fifo,
    };
  };
  return fitWithinLimit(build, message.text);
}

/**
 * Shortens the text (never the structure) until the whole message fits in 256 KiB. Our texts
 * are short, so this is a guard, not a habit.
 */
export function fitWithinLimit(build: (text: string) => PublishCommandInput, text: string, limit = MAX_MESSAGE_BYTES): PublishCommandInput {
  const full = build(text);
  if (publishSize(full) <= limit) return full;
  const chars = [...text];
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (publishSize(build(`${chars.slice(0, mid).join('')}…`)) <= limit) lo = mid;
    else hi = mid - 1;
  }
  const fitted = build(`${chars.slice(0, lo).join('')}…`);
  if (publishSize(fitted) > limit) throw new PermanentPublishError('the message does not fit in 256 KiB even without its text', 'MessageTooLong');
  return fitted;
}

/** FIFO: up to 128 characters of a-z, A-Z, 0-9 and punctuation. */
function fifoDeduplicationId(id: string): string {
  return id.replace(/[^\x21-\x7e]/g, '_').slice(0, 128);
}

export function checkSenderId(senderId: string | undefined): string | undefined {
  if (!senderId) return undefined;
  if (!SENDER_ID.test(senderId)) throw new Error(`SMS_SENDER_ID "${senderId}" must be 1–11 letters or digits with at least one letter`);
  return senderId;
}
