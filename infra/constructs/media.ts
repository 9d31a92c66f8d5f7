/**
 * The media bucket: private (all public access blocked, objects owned by the bucket), SSE-S3,
 * TLS-only, server access logs, CORS for browser POSTs from the configured origins, and a
 * lifecycle that expires whatever is left in incoming/ after a day. New objects under
 * incoming/ reach the processing function through EventBridge; with GuardDuty Malware
 * Protection on, only its scan results do (the function then processes NO_THREATS_FOUND only).
 */
import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Rule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { CfnMalwareProtectionPlan } from 'aws-cdk-lib/aws-guardduty';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { BlockPublicAccess, Bucket, BucketEncryption, type CfnBucket, HttpMethods, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { acknowledge } from '../nag.js';
import type { StageConfig } from '../config.js';
import type { AppFunction } from './app-function.js';
import { secureQueue } from './notifications.js';

export interface MediaProps {
  config: StageConfig;
  keyPrefix: string;
}

export const INCOMING_EXPIRY_DAYS = 1;

export class Media extends Construct {
  readonly bucket: Bucket;
  readonly logs: Bucket;
  readonly keyPrefix: string;
  readonly malwareProtection?: CfnMalwareProtectionPlan;
  processingRule?: Rule;
  processingDlq?: Queue;

  constructor(scope: Construct, id: string, props: MediaProps) {
    super(scope, id);
    this.keyPrefix = props.keyPrefix;
    this.logs = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [{ expiration: Duration.days(90) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      serverAccessLogsBucket: this.logs,
      serverAccessLogsPrefix: 'media/',
      removalPolicy: RemovalPolicy.RETAIN,
      ...(props.config.corsOrigins.length
        ? { cors: [{ allowedMethods: [HttpMethods.POST], allowedOrigins: props.config.corsOrigins, allowedHeaders: ['*'], maxAge: 3600 }] }
        : {}),
      lifecycleRules: [
        // Originals are deleted by processing; what remains (refused, failed, never scanned) goes after a day.
        { id: 'IncomingExpires', prefix: props.keyPrefix, expiration: Duration.days(INCOMING_EXPIRY_DAYS), abortIncompleteMultipartUploadAfter: Duration.days(1) },
      ],
    });
    // Object-created events to EventBridge, set on the bucket itself (no notifications custom resource).
    (this.bucket.node.defaultChild as CfnBucket).notificationConfiguration = { eventBridgeConfiguration: { eventBridgeEnabled: true } };

    if (props.config.malwareProtection) this.malwareProtection = this.guardDuty();
  }

  /** GuardDuty scans each new incoming/ object and tags it with its verdict (GuardDutyMalwareScanStatus). */
  private guardDuty(): CfnMalwareProtectionPlan {
    const { bucketName, bucketArn } = this.bucket;
    const stack = Stack.of(this);
    const role = new Role(this, 'MalwareProtectionRole', {
      assumedBy: new ServicePrincipal('malware-protection-plan.guardduty.amazonaws.com'),
      description: 'GuardDuty Malware Protection for S3: scans and tags new objects under incoming/ of the media bucket',
    });
    // The permissions AWS documents for a plan's service role, narrowed to this bucket and its managed rule.
    const ruleArn = `arn:${stack.partition}:events:${stack.region}:${stack.account}:rule/DO-NOT-DELETE-AmazonGuardDutyMalwareProtectionS3*`;
    role.addToPrincipalPolicy(new PolicyStatement({ sid: 'ManagedRule', actions: ['events:PutRule', 'events:DeleteRule', 'events:PutTargets', 'events:RemoveTargets', 'events:DescribeRule', 'events:ListTargetsByRule'], resources: [ruleArn], conditions: { StringLike: { 'events:ManagedBy': 'malware-protection-plan.guardduty.amazonaws.com' } } }));
    role.addToPrincipalPolicy(new PolicyStatement({ sid: 'BucketNotifications', actions: ['s3:PutBucketNotification', 's3:GetBucketNotification', 's3:GetBucketLocation', 's3:ListBucket'], resources: [bucketArn] }));
    role.addToPrincipalPolicy(new PolicyStatement({ sid: 'ScanAndTag', actions: ['s3:GetObject', 's3:GetObjectVersion', 's3:GetObjectTagging', 's3:GetObjectVersionTagging', 's3:PutObjectTagging', 's3:PutObjectVersionTagging'], resources: [`${bucketArn}/${this.keyPrefix}*`] }));
    role.addToPrincipalPolicy(new PolicyStatement({ sid: 'ValidationObject', actions: ['s3:PutObject'], resources: [`${bucketArn}/malware-protection-resource-validation-object`] }));
    acknowledge(role, 'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:events:<AWS::Region>:<AWS::AccountId>:rule/DO-NOT-DELETE-AmazonGuardDutyMalwareProtectionS3*]', 'GuardDuty names its managed EventBridge rule with this fixed prefix and a generated suffix; the statement is also bound to events:ManagedBy = the GuardDuty service.');
    acknowledge(role, `AwsSolutions-IAM5[Resource::<${stack.getLogicalId(this.bucket.node.defaultChild as CfnBucket)}.Arn>/${this.keyPrefix}*]`, 'GuardDuty scans and tags every new object under incoming/ (ids it cannot know in advance); nothing else in the bucket.');
    return new CfnMalwareProtectionPlan(this, 'MalwareProtection', {
      role: role.roleArn,
      protectedResource: { s3Bucket: { bucketName, objectPrefixes: [this.keyPrefix] } },
      actions: { tagging: { status: 'ENABLED' } },
    });
  }

  /**
   * The processing function: triggered per new incoming/ object (or per scan verdict), reading
   * and deleting incoming/ only, writing media/ only. Failed invocations (after EventBridge's
   * retries) land in a dead-letter queue.
   */
  bindProcessor(fn: AppFunction): void {
    const { bucket, keyPrefix } = this;
    const pattern = this.malwareProtection
      ? {
          source: ['aws.guardduty'],
          detailType: ['GuardDuty Malware Protection Object Scan Result'],
          detail: { s3ObjectDetails: { bucketName: [bucket.bucketName], objectKey: [{ prefix: keyPrefix }] }, scanResultDetails: { scanResultStatus: ['NO_THREATS_FOUND', 'THREATS_FOUND'] } },
        }
      : { source: ['aws.s3'], detailType: ['Object Created'], detail: { bucket: { name: [bucket.bucketName] }, object: { key: [{ prefix: keyPrefix }] } } };
    this.processingDlq = secureQueue(this, 'ProcessingDlq');
    acknowledge(this.processingDlq, 'AwsSolutions-SQS3', 'This queue is itself the dead-letter queue of the photo processing rule (events that failed after retries); it is alarmed on depth > 0 and needs no dead-letter queue of its own.');
    this.processingRule = new Rule(this, 'Processing', {
      description: this.malwareProtection ? 'GuardDuty scan verdicts on incoming/ photos → processing' : 'New incoming/ photos → processing',
      eventPattern: pattern,
      targets: [new LambdaFunction(fn, { retryAttempts: 4, maxEventAge: Duration.hours(2), deadLetterQueue: this.processingDlq })],
    });
    fn.addToRolePolicy(new PolicyStatement({ sid: 'ReadAndDeleteIncoming', actions: ['s3:GetObject', 's3:DeleteObject', ...(this.malwareProtection ? ['s3:GetObjectTagging'] : [])], resources: [bucket.arnForObjects(`${keyPrefix}*`)] }));
    fn.addToRolePolicy(new PolicyStatement({ sid: 'WriteMedia', actions: ['s3:PutObject'], resources: [bucket.arnForObjects('media/*')] }));
    fn.addEnvironment('MEDIA_BUCKET', bucket.bucketName);
    fn.addEnvironment('MALWARE_SCAN', this.malwareProtection ? 'required' : 'off');
    const bucketId = Stack.of(this).getLogicalId(bucket.node.defaultChild as CfnBucket);
    acknowledge(fn.role!, `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/${keyPrefix}*]`, 'Each photo is its own object incoming/<upload id>, ids unknown until granted: read and delete are limited to that prefix.');
    acknowledge(fn.role!, `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/media/*]`, 'Processed photos are written to media/<upload id>/…, ids unknown until granted: writes are limited to that prefix.');
  }

  /** The bucket as functions in this stack see it. */
  ref(): BucketRef {
    return { arn: this.bucket.bucketArn, name: this.bucket.bucketName, arnRef: `${Stack.of(this).getLogicalId(this.bucket.node.defaultChild as CfnBucket)}.Arn` };
  }
}

/** The media bucket by ARN and name; `arnRef` is how the template (and so cdk-nag's finding) spells the ARN. */
export interface BucketRef {
  arn: string;
  name: string;
  arnRef: string;
}

/** A route or job using the bucket: signers need the permission their presigned URLs grant, no more. */
export function bindMediaUser(fn: AppFunction, use: 'grant' | 'read' | 'sweep', bucket: BucketRef, keyPrefix: string): void {
  const objects = (pattern: string) => `${bucket.arn}/${pattern}`;
  const finding = (pattern: string) => `AwsSolutions-IAM5[Resource::<${bucket.arnRef}>/${pattern}]`;
  if (use === 'grant') {
    fn.addToRolePolicy(new PolicyStatement({ sid: 'GrantUploads', actions: ['s3:PutObject'], resources: [objects(`${keyPrefix}*`)] }));
    acknowledge(fn.role!, finding(`${keyPrefix}*`), "A presigned POST carries the signer's permission; it is pinned by its policy to one key incoming/<upload id>, this statement to the prefix.");
  } else if (use === 'read') {
    fn.addToRolePolicy(new PolicyStatement({ sid: 'SignPhotoUrls', actions: ['s3:GetObject'], resources: [objects('media/*')] }));
    acknowledge(fn.role!, finding('media/*'), "Presigned GETs of processed photos (media/<upload id>/full and thumb) carry the signer's permission; incoming/ originals are never readable this way.");
  } else {
    fn.addToRolePolicy(new PolicyStatement({ sid: 'SweepMedia', actions: ['s3:DeleteObject'], resources: [objects('media/*'), objects(`${keyPrefix}*`)] }));
    acknowledge(fn.role!, finding('media/*'), 'The sweep deletes the media of uploads never attached (media/<upload id>/…), ids known only from the table.');
    acknowledge(fn.role!, finding(`${keyPrefix}*`), 'The sweep deletes any original left under incoming/<upload id> of an upload never attached.');
  }
  fn.addEnvironment('MEDIA_BUCKET', bucket.name);
}
