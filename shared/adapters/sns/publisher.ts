/**
 * The notification publisher: builds the PublishCommandInput (publish-input.ts) and sends it
 * to SNS, or to the local outbox when the process has no topics configured (the local runtime
 * without LocalStack). On Lambda, missing topics are a deployment error, not a reason to drop.
 */
import { PublishCommand, type PublishCommandInput } from '@aws-sdk/client-sns';
import { PermanentPublishError, type NotificationPublisher } from '../../app/ports.js';
import { sns } from './client.js';
import { localOutbox } from './local-outbox.js';
import { checkSenderId, publishInput, type SnsSettings } from './publish-input.js';

export type Send = (input: PublishCommandInput) => Promise<{ MessageId?: string | undefined }>;

/** SNS errors no retry can fix: the message is recorded as rejected instead. */
const PERMANENT = new Set(['InvalidParameterException', 'InvalidParameterValueException', 'ValidationException']);

export function snsPublisher(send: Send, settings: SnsSettings): NotificationPublisher {
  return {
    async publish(message, meta) {
      const input = publishInput(message, meta, settings);
      try {
        const out = await send(input);
        return { messageId: out.MessageId ?? '' };
      } catch (error) {
        const name = (error as Error)?.name;
        if (PERMANENT.has(name)) throw new PermanentPublishError((error as Error).message, name);
        throw error;
      }
    },
  };
}

export const LOCAL_TOPIC_NAMES = { citizen: 'civic-feedback-citizen-notifications', department: 'civic-feedback-department-alerts' } as const;

export function localTopicArn(name: string, region = process.env.AWS_REGION ?? 'ap-southeast-1'): string {
  return `arn:aws:sns:${region}:000000000000:${name}`;
}

export type PublisherTarget = 'sns' | 'local-outbox';

export function publisherTarget(env: NodeJS.ProcessEnv = process.env): PublisherTarget {
  if (env.CITIZEN_TOPIC_ARN && env.DEPARTMENT_TOPIC_ARN) return 'sns';
  if (env.AWS_LAMBDA_FUNCTION_NAME) throw new Error('CITIZEN_TOPIC_ARN and DEPARTMENT_TOPIC_ARN must be set');
  return 'local-outbox';
}

export function publisherFromEnv(env: NodeJS.ProcessEnv = process.env): NotificationPublisher {
  const smsSenderId = checkSenderId(env.SMS_SENDER_ID);
  if (publisherTarget(env) === 'sns') {
    return snsPublisher((input) => sns.send(new PublishCommand(input)), {
      citizenTopicArn: env.CITIZEN_TOPIC_ARN!,
      departmentTopicArn: env.DEPARTMENT_TOPIC_ARN!,
      ...(smsSenderId ? { smsSenderId } : {}),
    });
  }
  return snsPublisher(localOutbox.send, {
    citizenTopicArn: localTopicArn(LOCAL_TOPIC_NAMES.citizen),
    departmentTopicArn: localTopicArn(LOCAL_TOPIC_NAMES.department),
    ...(smsSenderId ? { smsSenderId } : {}),
  });
}

/**
 * The local runtime with an SNS endpoint (LocalStack) but no topic ARNs: creates the two
 * topics (CreateTopic is idempotent) and sets the env the publisher reads. Call before the
 * stream consumers load.
 */
export async function ensureLocalTopics(env: NodeJS.ProcessEnv = process.env): Promise<PublisherTarget> {
  if (env.AWS_ENDPOINT_URL_SNS && !(env.CITIZEN_TOPIC_ARN && env.DEPARTMENT_TOPIC_ARN)) {
    const { CreateTopicCommand } = await import('@aws-sdk/client-sns');
    const created = async (name: string) => (await sns.send(new CreateTopicCommand({ Name: name }))).TopicArn!;
    env.CITIZEN_TOPIC_ARN ??= await created(LOCAL_TOPIC_NAMES.citizen);
    env.DEPARTMENT_TOPIC_ARN ??= await created(LOCAL_TOPIC_NAMES.department);
  }
  return publisherTarget(env);
}
