/**
 * The whole platform in one stack, generated from three tables: the route table, the stream
 * consumers and the scheduled jobs. Nothing here lists a route or a function by hand. The HTTP
 * functions and their routes sit in nested stacks grouped by route tag (route-stacks.ts).
 */
import { Aws, CfnOutput, Duration, Stack, Tags, type StackProps } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import { uploadProcessor, type OnDemandJob, type ScheduledJob, type StreamConsumer } from '../shared/background.js';
import type { Route } from '../shared/http/routes.js';
import { serviceName, type StageConfig } from './config.js';
import { AppFunction, constructIdFor, defaultEntry, type FunctionKind, type TableAccess } from './constructs/app-function.js';
import { Auth } from './constructs/auth.js';
import { Data } from './constructs/data.js';
import { bindMediaUser, Media } from './constructs/media.js';
import { Api } from './constructs/http-api.js';
import { Notifications } from './constructs/notifications.js';
import { Observability } from './constructs/observability.js';
import { RouteStack, routeGroups } from './constructs/route-stacks.js';
import { acknowledge } from './nag.js';
import { Schedules } from './constructs/schedules.js';
import { StreamProcessing } from './constructs/stream-processing.js';

export interface CivicFeedbackStackProps extends StackProps {
  config: StageConfig;
  routes: readonly Route[];
  streamConsumers: readonly StreamConsumer[];
  scheduledJobs: readonly ScheduledJob[];
  /** Functions an operator invokes by hand (no schedule). */
  onDemandJobs: readonly OnDemandJob[];
  /** Where each function's entry file is; default functions/<fn>.ts (tests add fixtures). */
  entryFor?: (fn: string) => string;
}

interface FunctionNeeds {
  kind: FunctionKind;
  access: TableAccess;
  publishes: boolean;
  /** What it does with the media bucket, if anything. */
  media?: 'grant' | 'read' | 'sweep' | 'process';
  /** A read-only route that appends to the access record (PutItem on `ACCESS*` items only). */
  appendsAccess?: boolean;
  /** Longer than its kind's default (an on-demand job's batch). */
  timeoutMinutes?: number;
}

/** What each entry module needs, over every table that names it. GET routes only read. */
export function functionNeeds(props: Pick<CivicFeedbackStackProps, 'routes' | 'streamConsumers' | 'scheduledJobs' | 'onDemandJobs'>): Map<string, FunctionNeeds> {
  const needs = new Map<string, FunctionNeeds>();
  const add = (fn: string, kind: FunctionKind, access: TableAccess, publishes = false, media?: FunctionNeeds['media'], appendsAccess = false) => {
    const current = needs.get(fn);
    if (current && current.kind !== kind) throw new Error(`functions/${fn} is used both as ${current.kind} and as ${kind}; give each its own entry`);
    if (current?.media && media && current.media !== media) throw new Error(`functions/${fn} needs the media bucket both to ${current.media} and to ${media}; give each its own entry`);
    needs.set(fn, {
      kind,
      access: current?.access === 'RW' || access === 'RW' ? 'RW' : 'RO',
      publishes: (current?.publishes ?? false) || publishes,
      ...((current?.media ?? media) ? { media: current?.media ?? media } : {}),
      ...(current?.appendsAccess || appendsAccess ? { appendsAccess: true } : {}),
    });
  };
  for (const route of props.routes) {
    add(route.fn, 'http', route.method === 'GET' || ('readOnly' in route && route.readOnly) ? 'RO' : 'RW', false, 'media' in route ? route.media : undefined, 'recordsAccess' in route && route.recordsAccess === true);
  }
  for (const consumer of props.streamConsumers) add(consumer.fn, 'stream', 'RW', consumer.publishes ?? false, consumer.media ? 'sweep' : undefined);
  for (const job of props.scheduledJobs) add(job.fn, 'job', 'RW', false, job.media ? 'sweep' : undefined);
  for (const job of props.onDemandJobs) {
    if (props.scheduledJobs.some((j) => j.fn === job.fn)) throw new Error(`functions/${job.fn} is both scheduled and on demand; give each its own entry`);
    if (!Number.isInteger(job.timeoutMinutes) || job.timeoutMinutes < 1 || job.timeoutMinutes > 15) throw new Error(`job ${job.id}: timeoutMinutes must be a whole number from 1 to 15 (Lambda's limit)`);
    add(job.fn, 'job', 'RW');
    needs.get(job.fn)!.timeoutMinutes = job.timeoutMinutes;
  }
  // Reads the table; its only write (the upload's outcome) is granted apart, on UPLOAD# items only.
  add(uploadProcessor.fn, 'event', 'RO', false, 'process');
  return needs;
}

export class CivicFeedbackStack extends Stack {
  readonly functions = new Map<string, AppFunction>();
  readonly data: Data;
  readonly media: Media;
  readonly auth: Auth;
  readonly notifications: Notifications;
  readonly api: Api;
  readonly routeStacks: RouteStack[];
  readonly streams: StreamProcessing;
  readonly schedules: Schedules;
  readonly observability: Observability;

  constructor(scope: Construct, id: string, props: CivicFeedbackStackProps) {
    super(scope, id, props);
    const { config } = props;
    Tags.of(this).add('project', serviceName);
    Tags.of(this).add('stage', config.stage);

    this.data = new Data(this, 'Data');
    this.media = new Media(this, 'Media', { config, keyPrefix: uploadProcessor.keyPrefix });
    this.auth = new Auth(this, 'Auth', { config });
    this.notifications = new Notifications(this, 'Notifications');

    const entryFor = props.entryFor ?? defaultEntry;
    const needs = functionNeeds(props);
    this.api = new Api(this, 'Api', {
      config,
      routes: props.routes,
      jwtIssuer: this.auth.issuer,
      jwtAudience: [this.auth.client.userPoolClientId],
    });
    // HTTP functions and their routes go to nested stacks, so routes do not count against this
    // template's 500 resources; consumers and jobs stay here, beside the table and queues they use.
    this.routeStacks = routeGroups(props.routes).map(
      (group) => new RouteStack(this, group.id, { config, group, accessOf: (fn) => needs.get(fn)!.access, appendsAccessOf: (fn) => needs.get(fn)!.appendsAccess === true, mediaOf: (fn) => needs.get(fn)!.media, entryFor, table: this.data.table, media: this.media, api: this.api }),
    );
    const inRouteStacks = new Map(this.routeStacks.flatMap((s) => [...s.functions]));
    for (const [fn, need] of needs) {
      let f = inRouteStacks.get(fn);
      if (!f) {
        f = new AppFunction(this, constructIdFor(fn), { fn, kind: need.kind, config, entry: entryFor(fn), ...(need.timeoutMinutes ? { timeout: Duration.minutes(need.timeoutMinutes) } : {}) });
        f.bindTable(this.data.table, need.access);
        if (need.access === 'RO' && need.appendsAccess) f.allowAppendsOf(this.data.table, 'ACCESS');
        if (need.media === 'process') {
          f.allowUpdatesOf(this.data.table, 'UPLOAD#');
          this.media.bindProcessor(f);
        } else if (need.media) bindMediaUser(f, need.media, this.media.ref(), this.media.keyPrefix);
      }
      if (need.publishes) this.allowPublishing(f, config);
      this.functions.set(fn, f);
    }
    const functionFor = ({ fn }: { fn: string }) => this.functions.get(fn)!;

    this.streams = new StreamProcessing(this, 'Streams', { table: this.data.table, consumers: props.streamConsumers, functionFor });
    this.schedules = new Schedules(this, 'Schedules', { jobs: props.scheduledJobs, functionFor });

    this.observability = new Observability(this, 'Observability', {
      config,
      functions: [...this.functions.values()],
      queues: [
        ...this.streams.bindings.map((b) => ({ name: `${b.consumer.id}Failures`, queue: b.failureQueue })),
        ...(this.schedules.deadLetterQueue ? [{ name: 'JobsDlq', queue: this.schedules.deadLetterQueue }] : []),
        { name: 'EscalationDeskDlq', queue: this.notifications.escalationDlq },
        ...(this.media.processingDlq ? [{ name: 'PhotoProcessingDlq', queue: this.media.processingDlq }] : []),
      ],
      consumers: this.streams.bindings.map((b) => b.fn),
      api: this.api.httpApi,
      key: this.notifications.key,
    });

    const output = (name: string, value: string, description: string) => new CfnOutput(this, name, { value, description });
    output('ApiUrl', this.api.url, 'Base URL of the HTTP API');
    output('UserPoolId', this.auth.userPool.userPoolId, 'Cognito user pool (add staff, managers, admins to its groups)');
    output('UserPoolClientId', this.auth.client.userPoolClientId, 'App client id (the JWT audience)');
    output('JwtIssuer', this.auth.issuer, 'Issuer the API checks tokens against');
    output('TableName', this.data.table.tableName, 'The single DynamoDB table (TABLE_NAME for npm run seed:aws)');
    output('MediaBucket', this.media.bucket.bucketName, 'Private bucket of photos (incoming/ originals, media/ processed)');
    output('CitizenTopicArn', this.notifications.citizenTopic.topicArn, 'Citizen notifications topic');
    output('DepartmentTopicArn', this.notifications.departmentTopic.topicArn, 'Department alerts topic');
    for (const job of props.onDemandJobs) {
      const name = this.functions.get(job.fn)!.functionName;
      output(`${constructIdFor(job.id)}Function`, name, `Run by hand until it answers done: true: aws lambda invoke --function-name <this> --cli-read-timeout 0 out.json`);
    }
    output('AlarmTopicArn', this.observability.alarmTopic.topicArn, 'Alarm notifications');
    output(
      'SmsSettingsCommand',
      `aws sns set-sms-attributes --attributes DefaultSMSType=Transactional,MonthlySpendLimit=${config.smsMonthlySpendUsd}` +
        (config.smsSenderId ? `,DefaultSenderID=${config.smsSenderId}` : ''),
      'Account-level SMS settings (not a CloudFormation resource): run once per account and region',
    );
  }

  /** Publishers: both topics (and their key), and SMS to phone numbers — but no other topic. */
  private allowPublishing(f: AppFunction, config: StageConfig): void {
    const { citizenTopic, departmentTopic } = this.notifications;
    citizenTopic.grantPublish(f);
    departmentTopic.grantPublish(f);
    f.addEnvironment('CITIZEN_TOPIC_ARN', citizenTopic.topicArn);
    f.addEnvironment('DEPARTMENT_TOPIC_ARN', departmentTopic.topicArn);
    if (config.smsSenderId) f.addEnvironment('SMS_SENDER_ID', config.smsSenderId);
    // A publish to a phone number has no resource ARN. NotResource = every SNS ARN leaves only
    // phone numbers: this statement cannot publish to any topic or platform endpoint.
    f.addToRolePolicy(
      new PolicyStatement({ sid: 'SmsToPhoneNumbersOnly', actions: ['sns:Publish'], notResources: [`arn:${Aws.PARTITION}:sns:*:*:*`] }),
    );
    acknowledge(
      f.role!,
      'AwsSolutions-IAM5[Action::kms:GenerateDataKey*]',
      'Publishing to a KMS-encrypted topic needs a data key; Topic.grantPublish grants kms:GenerateDataKey* (GenerateDataKey and its WithoutPlaintext variant) on the one notifications key only.',
    );
  }
}
