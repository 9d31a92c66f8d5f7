import { InvalidParameterException, PublishCommand, SNSClient, ThrottledException } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PermanentPublishError, type MessageMeta } from '../../../../shared/app/ports.js';
import { localOutbox } from '../../../../shared/adapters/sns/local-outbox.js';
import { fitWithinLimit, MAX_MESSAGE_BYTES, publishInput, publishSize, stringAttributes, subjectLine, validAttributeName } from '../../../../shared/adapters/sns/publish-input.js';
import { publisherFromEnv, publisherTarget, snsPublisher } from '../../../../shared/adapters/sns/publisher.js';

const CITIZEN = 'arn:aws:sns:ap-southeast-1:123456789012:citizen-notifications';
const DEPARTMENT = 'arn:aws:sns:ap-southeast-1:123456789012:department-alerts';

const meta: MessageMeta = {
  eventId: '01JEVENT0000000000000000AB',
  eventType: 'responded',
  ticketId: '01JTICKET00000000000K3X9ZQ',
  departmentId: 'ward-00001',
  wardCode: '00001',
  districtCode: '001',
  severity: 'normal',
  language: 'vi',
  deduplicationId: '01JEVENT0000000000000000AB:user:sms',
};

const attrs = (values: Record<string, string>) => Object.fromEntries(Object.entries(values).map(([k, v]) => [k, { DataType: 'String', StringValue: v }]));

const snsMock = mockClient(SNSClient);
const savedEnv = { ...process.env };

beforeEach(() => {
  snsMock.reset();
  snsMock.on(PublishCommand).resolves({ MessageId: 'm-1' });
  process.env.CITIZEN_TOPIC_ARN = CITIZEN;
  process.env.DEPARTMENT_TOPIC_ARN = DEPARTMENT;
  delete process.env.SMS_SENDER_ID;
});
afterEach(() => {
  process.env = { ...savedEnv };
});

describe('SNS publisher (at the SDK boundary)', () => {
  it('sends an SMS straight to the E.164 number as Transactional, and nothing else', async () => {
    process.env.SMS_SENDER_ID = 'iHaNoi';
    const out = await publisherFromEnv().publish({ channel: 'sms', phoneNumber: '+84901234567', text: 'Phản ánh #K3X9ZQ đã có trả lời. Xem và đánh giá trong ứng dụng.' }, meta);
    expect(out).toEqual({ messageId: 'm-1' });
    expect(snsMock.commandCalls(PublishCommand).map((c) => c.args[0].input)).toEqual([
      {
        PhoneNumber: '+84901234567',
        Message: 'Phản ánh #K3X9ZQ đã có trả lời. Xem và đánh giá trong ứng dụng.',
        MessageAttributes: {
          'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' },
          'AWS.SNS.SMS.SenderID': { DataType: 'String', StringValue: 'iHaNoi' },
        },
      },
    ]);
  });

  it('publishes e-mail and push to the citizen topic as JSON, with filterable attributes', async () => {
    const publisher = publisherFromEnv();
    await publisher.publish({ channel: 'email', address: 'alice@example.vn', subject: 'Phản ánh #K3X9ZQ đã có trả lời', text: 'Trả lời: ...' }, { ...meta, deduplicationId: 'e:user:email' });
    await publisher.publish({ channel: 'push', userId: 'alice', title: 'Phản ánh #K3X9ZQ đã có trả lời', text: 'Trả lời: ...' }, { ...meta, deduplicationId: 'e:user:push' });
    const [email, push] = snsMock.commandCalls(PublishCommand).map((c) => c.args[0].input);
    const common = { eventId: meta.eventId, eventType: 'responded', ticketId: meta.ticketId, departmentId: 'ward-00001', areaCode: '00001', districtCode: '001', severity: 'normal', language: 'vi' };
    expect(email).toEqual({
      TopicArn: CITIZEN,
      Message: JSON.stringify({ version: 1, channel: 'email', eventId: meta.eventId, deduplicationId: 'e:user:email', eventType: 'responded', ticketId: meta.ticketId, language: 'vi', to: 'alice@example.vn', subject: 'Phản ánh #K3X9ZQ đã có trả lời', text: 'Trả lời: ...' }),
      MessageAttributes: attrs({ ...common, channel: 'email' }),
    });
    expect(push).toEqual({
      TopicArn: CITIZEN,
      Message: JSON.stringify({ version: 1, channel: 'push', eventId: meta.eventId, deduplicationId: 'e:user:push', eventType: 'responded', ticketId: meta.ticketId, language: 'vi', userId: 'alice', title: 'Phản ánh #K3X9ZQ đã có trả lời', text: 'Trả lời: ...' }),
      MessageAttributes: attrs({ ...common, channel: 'push' }),
    });
  });

  it('publishes department alerts as readable text with a subject, departmentId naming the unit told', async () => {
    await publisherFromEnv().publish(
      { channel: 'alert', departmentId: 'district-001', subject: 'Phản ánh #K3X9ZQ của UBND Phường Phúc Xá quá hạn', text: 'Phản ánh #K3X9ZQ ... đôn đốc.' },
      { ...meta, eventType: 'escalated', districtCode: undefined, deduplicationId: 'e:dept-district-001:alert' },
    );
    expect(snsMock.commandCalls(PublishCommand)[0]!.args[0].input).toEqual({
      TopicArn: DEPARTMENT,
      Subject: 'Phản ánh #K3X9ZQ của UBND Phường Phúc Xá quá hạn',
      Message: `Phản ánh #K3X9ZQ của UBND Phường Phúc Xá quá hạn\n\nPhản ánh #K3X9ZQ ... đôn đốc.\n\nticket: ${meta.ticketId}`,
      // districtCode left out rather than sent empty
      MessageAttributes: attrs({ eventId: meta.eventId, eventType: 'escalated', ticketId: meta.ticketId, departmentId: 'district-001', areaCode: '00001', severity: 'normal', channel: 'alert', language: 'vi' }),
    });
  });

  it('adds MessageGroupId (the ticket) and MessageDeduplicationId on FIFO topics', async () => {
    process.env.DEPARTMENT_TOPIC_ARN = `${DEPARTMENT}.fifo`;
    await publisherFromEnv().publish({ channel: 'alert', departmentId: 'ward-00001', subject: 's', text: 't' }, { ...meta, deduplicationId: '01JEVENT0000000000000000AB:dept-ward-00001:alert' });
    expect(snsMock.commandCalls(PublishCommand)[0]!.args[0].input).toMatchObject({
      TopicArn: `${DEPARTMENT}.fifo`,
      MessageGroupId: meta.ticketId,
      MessageDeduplicationId: '01JEVENT0000000000000000AB:dept-ward-00001:alert',
    });
  });

  it('turns invalid input into a permanent failure and lets throttling through to be retried', async () => {
    const publisher = publisherFromEnv();
    await expect(publisher.publish({ channel: 'sms', phoneNumber: '0901234567', text: 'x' }, meta)).rejects.toBeInstanceOf(PermanentPublishError);
    expect(snsMock.commandCalls(PublishCommand)).toHaveLength(0);

    snsMock.on(PublishCommand).rejectsOnce(new InvalidParameterException({ message: 'Invalid parameter: PhoneNumber', $metadata: {} }));
    await expect(publisher.publish({ channel: 'sms', phoneNumber: '+84901234567', text: 'x' }, meta)).rejects.toMatchObject({ code: 'InvalidParameterException' });

    snsMock.on(PublishCommand).rejects(new ThrottledException({ message: 'Rate exceeded', $metadata: {} }));
    const error = await publisher.publish({ channel: 'push', userId: 'alice', title: 't', text: 't' }, meta).catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(PermanentPublishError);
    expect((error as Error).name).toBe('ThrottledException');
  });

  it('rejects a sender id SNS would refuse', () => {
    process.env.SMS_SENDER_ID = 'civic feedback!';
    expect(() => publisherFromEnv()).toThrow(/SMS_SENDER_ID/);
  });
});

describe('where messages go', () => {
  it('to SNS with both topics, to the local outbox without (never silently on Lambda)', () => {
    expect(publisherTarget({ CITIZEN_TOPIC_ARN: CITIZEN, DEPARTMENT_TOPIC_ARN: DEPARTMENT })).toBe('sns');
    expect(publisherTarget({})).toBe('local-outbox');
    expect(() => publisherTarget({ AWS_LAMBDA_FUNCTION_NAME: 'notifications' })).toThrow(/TOPIC_ARN/);
  });

  it('records in the local outbox exactly the input SNS would have received', async () => {
    delete process.env.CITIZEN_TOPIC_ARN;
    delete process.env.DEPARTMENT_TOPIC_ARN;
    localOutbox.clear();
    await publisherFromEnv().publish({ channel: 'sms', phoneNumber: '+84901234567', text: 'Phản ánh #K3X9ZQ đã được tiếp nhận' }, meta);
    await publisherFromEnv().publish({ channel: 'alert', departmentId: 'ward-00001', subject: 'Phản ánh mới #K3X9ZQ', text: 'Nội dung' }, { ...meta, eventType: 'created' });
    expect(snsMock.commandCalls(PublishCommand)).toHaveLength(0);
    const [alert, sms] = localOutbox.list();
    expect(sms).toMatchObject({ target: { type: 'sms', phoneNumber: '+84901234567' }, message: 'Phản ánh #K3X9ZQ đã được tiếp nhận', attributes: { 'AWS.SNS.SMS.SMSType': 'Transactional' } });
    expect(alert).toMatchObject({
      target: { type: 'topic', topicArn: expect.stringMatching(/^arn:aws:sns:[\w-]+:000000000000:civic-feedback-department-alerts$/) },
      subject: 'Phản ánh mới #K3X9ZQ',
      attributes: { eventType: 'created', departmentId: 'ward-00001', channel: 'alert', eventId: meta.eventId },
    });
    expect(alert!.input).toEqual(publishInput({ channel: 'alert', departmentId: 'ward-00001', subject: 'Phản ánh mới #K3X9ZQ', text: 'Nội dung' }, { ...meta, eventType: 'created' }, { citizenTopicArn: 'x', departmentTopicArn: alert!.input.TopicArn! }));
  });
});

describe('SNS limits', () => {
  it('allows only valid attribute names, at most 10, and drops empty values', () => {
    for (const ok of ['eventType', 'area_code', 'a.b', 'x-1']) expect(validAttributeName(ok)).toBe(true);
    for (const bad of ['AWS.x', 'amazon.y', '.a', 'a.', 'a..b', 'with space', 'ý', '', 'x'.repeat(257)]) expect(validAttributeName(bad)).toBe(false);
    expect(stringAttributes({ a: 'x', b: '', c: undefined })).toEqual({ a: { DataType: 'String', StringValue: 'x' } });
    expect(() => stringAttributes({ 'AWS.SNS.x': 'y' })).toThrow(/attribute name/);
    expect(() => stringAttributes(Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`a${i}`, 'v'])))).toThrow(/10/);
  });

  it('keeps subjects on one line and under 100 characters', () => {
    expect(subjectLine('a\nb\r\n\tc')).toBe('a b c');
    const long = subjectLine('Phản ánh '.repeat(30));
    expect([...long].length).toBe(99);
    expect(long.endsWith('…')).toBe(true);
  });

  it('shortens the text, never the structure, to fit 256 KiB counting body, subject and attributes', () => {
    const text = 'Nội dung rất dài. '.repeat(20_000); // ~400 KB in UTF-8
    const input = publishInput({ channel: 'push', userId: 'alice', title: 't', text }, meta, { citizenTopicArn: CITIZEN, departmentTopicArn: DEPARTMENT });
    const size = publishSize(input);
    expect(size).toBeLessThanOrEqual(MAX_MESSAGE_BYTES);
    expect(size).toBeGreaterThan(MAX_MESSAGE_BYTES - 8);
    const body = JSON.parse(input.Message!);
    expect(body.text.endsWith('…')).toBe(true);
    expect(body.eventId).toBe(meta.eventId);
    expect(() => fitWithinLimit(() => ({ Message: 'x'.repeat(MAX_MESSAGE_BYTES + 1) }), 'text')).toThrow(PermanentPublishError);
  });

  it('counts attributes in the size', () => {
    expect(publishSize({ Message: 'ab', Subject: 'é', MessageAttributes: { k: { DataType: 'String', StringValue: 'v' } } })).toBe(2 + 2 + 1 + 6 + 1);
  });
});

describe('snsPublisher', () => {
  it('returns the MessageId the send function gives', async () => {
    const sent: unknown[] = [];
    const publisher = snsPublisher(async (input) => (sent.push(input), { MessageId: 'abc' }), { citizenTopicArn: CITIZEN, departmentTopicArn: DEPARTMENT });
    expect(await publisher.publish({ channel: 'push', userId: 'u', title: 't', text: 'x' }, meta)).toEqual({ messageId: 'abc' });
    expect(sent).toHaveLength(1);
  });
});
