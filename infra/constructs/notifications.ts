/**
 * Notifications: two SNS topics (citizen notifications, department alerts), encrypted with a
 * customer-managed KMS key and TLS-only, and an example filtered subscription: an SQS queue
 * (the escalation desk) that receives only the department alerts about escalated or overdue
 * tickets. The message attributes it filters on are set by shared/adapters/sns/publish-input.ts:
 *   eventType, departmentId, channel ('alert' on this topic; 'email' / 'push' on the citizen topic).
 * SMS goes to phone numbers directly, not through a topic; its spend limit and sender id are
 * account settings (see the README and the SmsSettingsCommand output).
 */
import { Duration } from 'aws-cdk-lib';
import { Key } from 'aws-cdk-lib/aws-kms';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { SubscriptionFilter, Topic } from 'aws-cdk-lib/aws-sns';
import { SqsSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

/** An encrypted, TLS-only queue; the project's one way to make a queue. */
export function secureQueue(scope: Construct, id: string, props: { retentionPeriod?: Duration; deadLetterQueue?: Queue } = {}): Queue {
  return new Queue(scope, id, {
    encryption: QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    retentionPeriod: props.retentionPeriod ?? Duration.days(14),
    ...(props.deadLetterQueue ? { deadLetterQueue: { queue: props.deadLetterQueue, maxReceiveCount: 5 } } : {}),
  });
}

export class Notifications extends Construct {
  readonly key: Key;
  readonly citizenTopic: Topic;
  readonly departmentTopic: Topic;
  /** Example filtered subscription: escalations for the department desk. */
  readonly escalationQueue: Queue;
  readonly escalationDlq: Queue;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.key = new Key(this, 'Key', {
      description: 'Encrypts the civic-feedback SNS topics',
      enableKeyRotation: true,
    });
    // CloudWatch alarms publish to an encrypted topic (the alarm topic) only if the key lets them.
    this.key.grant(new ServicePrincipal('cloudwatch.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');

    this.citizenTopic = new Topic(this, 'CitizenNotifications', {
      displayName: 'Civic feedback: citizen notifications',
      masterKey: this.key,
      enforceSSL: true,
    });
    this.departmentTopic = new Topic(this, 'DepartmentAlerts', {
      displayName: 'Civic feedback: department alerts',
      masterKey: this.key,
      enforceSSL: true,
    });

    this.escalationDlq = secureQueue(this, 'EscalationDeskDlq');
    this.escalationQueue = secureQueue(this, 'EscalationDesk', { retentionPeriod: Duration.days(4), deadLetterQueue: this.escalationDlq });
    this.departmentTopic.addSubscription(
      new SqsSubscription(this.escalationQueue, {
        rawMessageDelivery: true,
        filterPolicy: {
          eventType: SubscriptionFilter.stringFilter({ allowlist: ['escalated', 'overdue'] }),
          departmentId: SubscriptionFilter.existsFilter(),
          channel: SubscriptionFilter.stringFilter({ allowlist: ['alert'] }),
        },
      }),
    );
  }
}
