/**
 * The synthesized template, assertion by assertion, and cdk-nag's AwsSolutions checks. The
 * stack is synthesized once for the whole file (bundling skipped), with CDK's CloudFormation
 * schema validation strict: an invalid property fails beforeAll, hence every test here.
 */
import { type CfnElement, Duration, Stack } from 'aws-cdk-lib';
import { Schedule } from 'aws-cdk-lib/aws-events';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { submitRouteKey } from '../../infra/constructs/http-api.js';
import { maxMetricsPerAlarm } from '../../infra/constructs/observability.js';
import { streamRetry } from '../../infra/constructs/stream-processing.js';
import { metricsNamespace, serviceName } from '../../infra/config.js';
import { functionNeeds } from '../../infra/stack.js';
import { tableDefinition } from '../../shared/adapters/dynamodb/table.js';
import { roles } from '../../shared/domain/principal.js';
import { paddedRoutes } from './fixtures/padded-routes.js';
import { buildStack, flattenedResources, templatesOf, type Resource } from './support.js';

let built: ReturnType<typeof buildStack>;
let template: Template;
let resources: Record<string, Resource>;

const logicalId = (c: IConstruct) => Stack.of(c).getLogicalId(c.node.defaultChild as CfnElement);
const ofType = (type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);
const fnId = (fn: string) => logicalId(built.stack.functions.get(fn)!);
const refsTo = (value: unknown): string[] => (JSON.stringify(value) ?? '').match(/"(?:Ref|Fn::GetAtt)":\s*\[?"([A-Za-z0-9]+)"/g)?.map((m) => m.replace(/.*"([A-Za-z0-9]+)"$/, '$1')) ?? [];

/** Every statement in the policies attached to a function's role. */
function statementsOf(fn: string): Array<{ Action: string | string[]; Resource?: unknown; NotResource?: unknown; Effect: string }> {
  const roleId = logicalId(built.stack.functions.get(fn)!.role!);
  return ofType('AWS::IAM::Policy')
    .filter(([, p]) => refsTo(p.Properties.Roles).includes(roleId))
    .flatMap(([, p]) => p.Properties.PolicyDocument.Statement);
}
const actionsOf = (fn: string) => new Set(statementsOf(fn).flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action])));

beforeAll(() => {
  built = buildStack();
  // The root template (root-only things: the table, Cognito, topics, outputs) ...
  template = Template.fromStack(built.stack);
  // ... and every resource of the root and nested templates, references across them resolved.
  resources = flattenedResources(built.stack);
});

describe('functions', () => {
  it('one function per entry module named by the routes, consumers and jobs', () => {
    const needs = functionNeeds({ routes: built.routes, streamConsumers: built.consumers, scheduledJobs: built.jobs, onDemandJobs: built.onDemandJobs });
    expect([...built.stack.functions.keys()].sort()).toEqual([...needs.keys()].sort());
    expect(ofType('AWS::Lambda::Function')).toHaveLength(needs.size);
  });

  it('nodejs24.x on arm64, with Powertools env, the table name and an explicit log group with retention', () => {
    const tableId = logicalId(built.stack.data.table);
    for (const [id, fn] of ofType('AWS::Lambda::Function')) {
      const p = fn.Properties;
      expect(p.Runtime, id).toBe('nodejs24.x');
      expect(p.Architectures, id).toEqual(['arm64']);
      expect(p.Handler, id).toBe('index.handler');
      expect(p.Environment.Variables, id).toMatchObject({
        TABLE_NAME: { Ref: tableId },
        POWERTOOLS_SERVICE_NAME: serviceName,
        POWERTOOLS_LOG_LEVEL: built.config.powertoolsLogLevel,
        POWERTOOLS_METRICS_NAMESPACE: metricsNamespace,
        NODE_OPTIONS: '--enable-source-maps',
      });
      const logGroupId = p.LoggingConfig.LogGroup.Ref as string;
      expect(resources[logGroupId]?.Type, id).toBe('AWS::Logs::LogGroup');
      expect(resources[logGroupId]!.Properties.RetentionInDays, id).toBe(built.config.logRetentionDays);
    }
  });

  it('logs only to its own log group (no AWS managed policies)', () => {
    for (const [id, role] of ofType('AWS::IAM::Role')) expect(role.Properties.ManagedPolicyArns, id).toBeUndefined();
    for (const [fn, f] of built.stack.functions) {
      const logs = statementsOf(fn).filter((s) => JSON.stringify(s.Action).includes('logs:'));
      expect(logs.map((s) => s.Resource), fn).toEqual([{ 'Fn::GetAtt': [logicalId(f.ownLogGroup), 'Arn'] }]);
    }
  });

  it('GET and read-only routes read the table; other routes, consumers and jobs may write', () => {
    const needs = functionNeeds({ routes: built.routes, streamConsumers: built.consumers, scheduledJobs: built.jobs, onDemandJobs: built.onDemandJobs });
    for (const [fn, need] of needs) {
      // Statements limited to some items by their leading keys are not table-wide writes (checked below).
      const actions = new Set(statementsOf(fn).filter((s) => !JSON.stringify(s).includes('dynamodb:LeadingKeys')).flatMap((s) => [s.Action].flat()));
      expect(actionsOf(fn).has('dynamodb:Query'), fn).toBe(true);
      expect(actions.has('dynamodb:PutItem'), fn).toBe(need.access === 'RW');
      expect(actions.has('dynamodb:DeleteItem'), fn).toBe(need.access === 'RW');
    }
    const readsOnly = (r: (typeof built.routes)[number]) => r.method === 'GET' || ('readOnly' in r && r.readOnly === true);
    const getOnly = built.routes.filter((r) => readsOnly(r) && !built.routes.some((o) => o.fn === r.fn && !readsOnly(o)));
    expect(getOnly.length).toBeGreaterThan(0);
    for (const r of getOnly) expect(needs.get(r.fn)!.access, r.fn).toBe('RO');
    // a POST that only reads is marked so in the route table, and gets read-only access
    expect(needs.get('http/preview-routing')?.access).toBe('RO');
  });

  it('reads that show officials personal data may append to the access record, and write nothing else', () => {
    const needs = functionNeeds({ routes: built.routes, streamConsumers: built.consumers, scheduledJobs: built.jobs, onDemandJobs: built.onDemandJobs });
    const appending = [...needs].filter(([, n]) => n.access === 'RO' && n.appendsAccess).map(([fn]) => fn);
    expect(appending).toEqual(expect.arrayContaining(['http/get-ticket', 'http/get-ticket-by-ref', 'http/get-ticket-history', 'http/list-department-tickets', 'http/export-tickets-csv']));
    for (const fn of appending) {
      const writes = statementsOf(fn).filter((s) => [s.Action].flat().some((a) => /PutItem|BatchWriteItem|UpdateItem|DeleteItem/.test(a)));
      expect(writes, fn).toHaveLength(1);
      expect([writes[0]!.Action].flat().sort(), fn).toEqual(['dynamodb:BatchWriteItem', 'dynamodb:PutItem']);
      expect(writes[0], fn).toMatchObject({ Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['ACCESS*'] } } });
    }
    for (const [fn, n] of needs) if (!n.appendsAccess) expect(JSON.stringify(statementsOf(fn)), fn).not.toContain('AppendAccessRecordOnly');
  });

  it('table access is on the one table and its indexes, wherever the function lives', () => {
    const tableArn = { 'Fn::GetAtt': [logicalId(built.stack.data.table), 'Arn'] };
    for (const fn of built.stack.functions.keys()) {
      const resourcesOf = statementsOf(fn)
        .filter((s) => JSON.stringify(s.Action).includes('dynamodb:Query'))
        .flatMap((s) => (Array.isArray(s.Resource) ? s.Resource : [s.Resource]));
      expect(resourcesOf, fn).toContainEqual(tableArn);
      expect(resourcesOf, fn).toContainEqual({ 'Fn::Join': ['', [tableArn, '/index/*']] });
    }
  });
});

describe('table', () => {
  it('comes from the shared table definition: keys, GSIs, stream, TTL', () => {
    const [[, table]] = ofType('AWS::DynamoDB::Table') as [[string, Resource]];
    const p = table.Properties;
    expect(p.KeySchema).toEqual([
      { AttributeName: tableDefinition.partitionKey, KeyType: 'HASH' },
      { AttributeName: tableDefinition.sortKey, KeyType: 'RANGE' },
    ]);
    const indexes = Object.entries(tableDefinition.indexes);
    expect(p.GlobalSecondaryIndexes).toHaveLength(indexes.length);
    for (const [name, index] of indexes) {
      expect(p.GlobalSecondaryIndexes).toContainEqual({
        IndexName: name,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: 'HASH' },
          { AttributeName: index.sortKey, KeyType: 'RANGE' },
        ],
        Projection: 'projects' in index ? { ProjectionType: 'INCLUDE', NonKeyAttributes: [...index.projects] } : { ProjectionType: 'ALL' },
      });
    }
    const keyNames = [tableDefinition.partitionKey, tableDefinition.sortKey, ...indexes.flatMap(([, i]) => [i.partitionKey, i.sortKey])];
    expect(p.AttributeDefinitions).toEqual(expect.arrayContaining(keyNames.map((AttributeName) => ({ AttributeName, AttributeType: 'S' }))));
    expect(p.AttributeDefinitions).toHaveLength(keyNames.length);
    expect(p.StreamSpecification).toEqual({ StreamViewType: tableDefinition.stream });
    expect(p.TimeToLiveSpecification).toEqual({ AttributeName: tableDefinition.ttlAttribute, Enabled: true });
  });

  it('on demand, point-in-time recovery, deletion protection, retained', () => {
    template.hasResource('AWS::DynamoDB::Table', {
      Properties: Match.objectLike({
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        DeletionProtectionEnabled: true,
      }),
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
  });
});

describe('HTTP API', () => {
  const routeResources = () => ofType('AWS::ApiGatewayV2::Route').map(([, r]) => r.Properties);

  it('has exactly the routes of the route table (no drift)', () => {
    const deployed = routeResources().map((r) => r.RouteKey).sort();
    expect(deployed).toEqual(built.routes.map((r) => `${r.method} ${r.path}`).sort());
  });

  it('never deploys a /dev route', () => {
    for (const r of routeResources()) expect(r.RouteKey).not.toMatch(/^[A-Z]+ \/dev(\/|$)/);
  });

  it('guards every non-public route with the Cognito JWT authorizer, and no public one', () => {
    const [[authorizerId, authorizer]] = ofType('AWS::ApiGatewayV2::Authorizer') as [[string, Resource]];
    expect(authorizer.Properties.AuthorizerType).toBe('JWT');
    expect(authorizer.Properties.IdentitySource).toEqual(['$request.header.Authorization']);
    expect(refsTo(authorizer.Properties.JwtConfiguration.Issuer)).toContain(logicalId(built.stack.auth.userPool));
    expect(authorizer.Properties.JwtConfiguration.Audience).toEqual([{ Ref: logicalId(built.stack.auth.client) }]);
    const byKey = new Map(routeResources().map((r) => [r.RouteKey, r]));
    for (const route of built.routes) {
      const r = byKey.get(`${route.method} ${route.path}`)!;
      if (route.auth === 'public') {
        expect(r.AuthorizationType ?? 'NONE', route.id).toBe('NONE');
        expect(r.AuthorizerId, route.id).toBeUndefined();
      } else {
        expect(r.AuthorizationType, route.id).toBe('JWT');
        expect(r.AuthorizerId, route.id).toEqual({ Ref: authorizerId });
      }
    }
  });

  it("integrates each route with its own entry module's function", () => {
    const integrations = new Map(ofType('AWS::ApiGatewayV2::Integration'));
    const byKey = new Map(routeResources().map((r) => [r.RouteKey, r]));
    for (const route of built.routes) {
      const target = byKey.get(`${route.method} ${route.path}`)!.Target['Fn::Join'][1][1].Ref as string;
      const integration = integrations.get(target)!;
      expect(integration.Properties.IntegrationType).toBe('AWS_PROXY');
      expect(integration.Properties.PayloadFormatVersion).toBe('2.0');
      expect(refsTo(integration.Properties.IntegrationUri), route.id).toContain(fnId(route.fn));
    }
  });

  it('throttles every route and ticket submission more strictly; logs access', () => {
    const [[, stage]] = ofType('AWS::ApiGatewayV2::Stage') as [[string, Resource]];
    const p = stage.Properties;
    expect(p.StageName).toBe('$default');
    expect(p.AutoDeploy).toBe(true);
    expect(p.DefaultRouteSettings).toEqual({ ThrottlingRateLimit: built.config.throttle.rateLimit, ThrottlingBurstLimit: built.config.throttle.burstLimit });
    expect(built.routes.some((r) => `${r.method} ${r.path}` === submitRouteKey)).toBe(true);
    const submit = p.RouteSettings[submitRouteKey];
    expect(submit).toEqual({ ThrottlingRateLimit: built.config.submitThrottle.rateLimit, ThrottlingBurstLimit: built.config.submitThrottle.burstLimit });
    expect(submit.ThrottlingRateLimit).toBeLessThan(p.DefaultRouteSettings.ThrottlingRateLimit);
    expect(refsTo(p.AccessLogSettings.DestinationArn)).toContain(logicalId(built.stack.api.accessLogs));
    expect(JSON.parse(p.AccessLogSettings.Format)).toMatchObject({ requestId: '$context.requestId', status: '$context.status', routeKey: '$context.routeKey' });
  });

  it('sends no CORS headers unless origins are configured', () => {
    const [[, api]] = ofType('AWS::ApiGatewayV2::Api') as [[string, Resource]];
    expect(built.config.corsOrigins).toEqual([]);
    expect(api.Properties.CorsConfiguration).toBeUndefined();
  });
});

describe('Cognito', () => {
  it('has the four role groups, highest role first, and the custom attributes of API.md', () => {
    const groups = ofType('AWS::Cognito::UserPoolGroup').map(([, g]) => g.Properties);
    expect(groups.map((g) => g.GroupName).sort()).toEqual([...roles].sort());
    const precedence = Object.fromEntries(groups.map((g) => [g.GroupName, g.Precedence]));
    expect(precedence.admin).toBeLessThan(precedence.manager);
    expect(precedence.manager).toBeLessThan(precedence.staff);
    expect(precedence.staff).toBeLessThan(precedence.citizen);
    const [[, pool]] = ofType('AWS::Cognito::UserPool') as [[string, Resource]];
    expect(pool.Properties.Schema).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ Name: 'department_id', AttributeDataType: 'String', Mutable: true }),
        expect.objectContaining({ Name: 'scope', AttributeDataType: 'String', Mutable: true }),
      ]),
    );
    expect(pool.Properties.DeletionProtection).toBe('ACTIVE');
  });

  it('lets the app client read but never write department and scope; no VNeID by default', () => {
    const [[, client]] = ofType('AWS::Cognito::UserPoolClient') as [[string, Resource]];
    expect(client.Properties.ReadAttributes).toEqual(expect.arrayContaining(['custom:department_id', 'custom:scope']));
    expect(client.Properties.WriteAttributes.some((a: string) => a.startsWith('custom:'))).toBe(false);
    expect(client.Properties.GenerateSecret).toBe(false);
    expect(client.Properties.SupportedIdentityProviders).toEqual(['COGNITO']);
    expect(ofType('AWS::Cognito::UserPoolIdentityProvider')).toHaveLength(0);
  });
});

describe('stream processing', () => {
  it('one event source mapping per consumer: filtered, partial failures, bisect, bounded retries, failure queue', () => {
    const mappings = ofType('AWS::Lambda::EventSourceMapping').map(([, m]) => m.Properties);
    expect(mappings).toHaveLength(built.consumers.length);
    const tableId = logicalId(built.stack.data.table);
    for (const consumer of built.consumers) {
      const m = mappings.find((x) => x.FunctionName.Ref === fnId(consumer.fn))!;
      expect(m, consumer.id).toBeDefined();
      expect(m.EventSourceArn).toEqual({ 'Fn::GetAtt': [tableId, 'StreamArn'] });
      expect(m.BatchSize).toBe(consumer.batchSize);
      expect(m.BisectBatchOnFunctionError).toBe(true);
      expect(m.FunctionResponseTypes).toEqual(['ReportBatchItemFailures']);
      expect(m.MaximumRetryAttempts).toBe(streamRetry.retryAttempts);
      expect(m.MaximumRecordAgeInSeconds).toBe(streamRetry.maxRecordAge.toSeconds());
      expect(m.FilterCriteria.Filters.map((f: { Pattern: string }) => JSON.parse(f.Pattern))).toEqual([
        { eventName: ['INSERT'], dynamodb: { NewImage: { sk: { S: [{ prefix: consumer.insertsWithSkPrefix }] } } } },
      ]);
      const queueId = m.DestinationConfig.OnFailure.Destination['Fn::GetAtt'][0] as string;
      expect(resources[queueId]!.Properties.SqsManagedSseEnabled, consumer.id).toBe(true);
      expectTlsOnly(queueId, 'AWS::SQS::QueuePolicy', 'Queues');
    }
  });

  it('publishers, and only they, get both topic ARNs, sns:Publish on both topics and SMS to phone numbers only', () => {
    const { citizenTopic, departmentTopic } = built.stack.notifications;
    for (const consumer of built.consumers) {
      const env = resources[fnId(consumer.fn)]!.Properties.Environment.Variables;
      const publishes = statementsOf(consumer.fn).filter((s) => s.Action === 'sns:Publish');
      if (consumer.publishes) {
        expect(env.CITIZEN_TOPIC_ARN).toEqual({ Ref: logicalId(citizenTopic) });
        expect(env.DEPARTMENT_TOPIC_ARN).toEqual({ Ref: logicalId(departmentTopic) });
        expect(publishes.flatMap((s) => refsTo(s.Resource))).toEqual(expect.arrayContaining([logicalId(citizenTopic), logicalId(departmentTopic)]));
        const sms = publishes.find((s) => s.NotResource)!;
        expect(JSON.stringify(sms.NotResource)).toContain(':sns:*:*:*');
        expect(publishes.some((s) => s.Resource === '*')).toBe(false);
      } else {
        expect(env.CITIZEN_TOPIC_ARN).toBeUndefined();
        expect(publishes).toEqual([]);
      }
    }
  });
});

function expectTlsOnly(resourceId: string, policyType: string, listKey: string) {
  const policy = ofType(policyType).find(([, p]) => refsTo(p.Properties[listKey]).includes(resourceId));
  expect(policy, `${resourceId} has a resource policy`).toBeDefined();
  expect(policy![1].Properties.PolicyDocument.Statement).toContainEqual(
    expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
  );
}

describe('notifications', () => {
  it('citizen and department topics: KMS-encrypted and TLS-only', () => {
    const { citizenTopic, departmentTopic, key } = built.stack.notifications;
    for (const topic of [citizenTopic, departmentTopic]) {
      const id = logicalId(topic);
      expect(resources[id]!.Properties.KmsMasterKeyId).toEqual({ 'Fn::GetAtt': [logicalId(key), 'Arn'] });
      expectTlsOnly(id, 'AWS::SNS::TopicPolicy', 'Topics');
    }
    template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
  });

  it('an example subscription filtered on eventType, departmentId and channel', () => {
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'sqs',
      TopicArn: { Ref: logicalId(built.stack.notifications.departmentTopic) },
      RawMessageDelivery: true,
      FilterPolicy: { eventType: ['escalated', 'overdue'], departmentId: [{ exists: true }], channel: ['alert'] },
    });
  });
});

describe('schedules', () => {
  it('one EventBridge rule per job at its rate, with retries and a dead-letter queue', () => {
    const rules = ofType('AWS::Events::Rule').map(([, r]) => r.Properties).filter((r) => r.ScheduleExpression);
    expect(rules).toHaveLength(built.jobs.length);
    for (const job of built.jobs) {
      const rule = rules.find((r) => r.Targets[0].Arn['Fn::GetAtt'][0] === fnId(job.fn))!;
      expect(rule, job.id).toBeDefined();
      expect(rule.ScheduleExpression).toBe(Schedule.rate(Duration.minutes(job.everyMinutes)).expressionString);
      expect(rule.State).toBe('ENABLED');
      expect(rule.Targets[0].RetryPolicy.MaximumRetryAttempts).toBe(2);
      expect(rule.Targets[0].DeadLetterConfig.Arn['Fn::GetAtt'][0]).toBe(logicalId(built.stack.schedules.deadLetterQueue!));
    }
    expect(built.jobs.find((j) => j.id === 'fixtureSweep')!.everyMinutes).toBe(15);
  });
});

describe('on-demand jobs', () => {
  it('the area migration: its own function with the 15-minute timeout, never scheduled or triggered, its name an output', () => {
    expect(built.onDemandJobs.map((j) => j.fn)).toContain('jobs/migrate-areas');
    const id = fnId('jobs/migrate-areas');
    expect(resources[id]!.Properties).toMatchObject({ Timeout: 900, MemorySize: 512, Description: 'functions/jobs/migrate-areas' });
    const mentions = (type: string, key: string) => ofType(type).filter(([, r]) => refsTo(r.Properties[key]).includes(id));
    expect(mentions('AWS::Events::Rule', 'Targets')).toEqual([]);
    expect(mentions('AWS::Lambda::EventSourceMapping', 'FunctionName')).toEqual([]);
    // nobody but an operator with lambda:InvokeFunction can start it: no resource policy for a service
    expect(mentions('AWS::Lambda::Permission', 'FunctionName')).toEqual([]);
    template.hasOutput('MigrateAreasFunction', { Value: { Ref: id } });
  });

  it('least privilege: the one table (it scans it once and writes tickets, events, counters, rules, units) and its own logs, nothing else', () => {
    const actions = [...actionsOf('jobs/migrate-areas')];
    expect(actions.filter((a) => !a.startsWith('dynamodb:') && !a.startsWith('logs:'))).toEqual([]);
    expect(actions).toEqual(expect.arrayContaining(['dynamodb:Scan', 'dynamodb:Query', 'dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:ConditionCheckItem']));
    const tableId = logicalId(built.stack.data.table);
    for (const statement of statementsOf('jobs/migrate-areas')) {
      const first = Array.isArray(statement.Action) ? statement.Action[0]! : statement.Action;
      if (first.startsWith('dynamodb:')) expect(refsTo(statement.Resource).every((r) => r === tableId)).toBe(true);
    }
  });

  it('refuses a timeout Lambda cannot run, and a job both scheduled and on demand', () => {
    const base = { routes: [], streamConsumers: [], scheduledJobs: [] };
    expect(() => functionNeeds({ ...base, onDemandJobs: [{ id: 'x', fn: 'jobs/x', timeoutMinutes: 16 }] })).toThrow(/1 to 15/);
    expect(() => functionNeeds({ ...base, scheduledJobs: [{ id: 'x', fn: 'jobs/x', everyMinutes: 5 }], onDemandJobs: [{ id: 'y', fn: 'jobs/x', timeoutMinutes: 15 }] })).toThrow(/both scheduled and on demand/);
  });
});

describe('observability', () => {
  const alarms = () => ofType('AWS::CloudWatch::Alarm').map(([, a]) => a.Properties);
  const alarmOn = (metricName: string, dimension?: [string, unknown]) =>
    alarms().filter((a) => a.MetricName === metricName && (!dimension || a.Dimensions?.some((d: any) => d.Name === dimension[0] && JSON.stringify(d.Value) === JSON.stringify(dimension[1]))));

  it('an errors alarm per function, and every function in exactly one throttles alarm', () => {
    for (const fn of built.stack.functions.keys()) expect(alarmOn('Errors', ['FunctionName', { Ref: fnId(fn) }]), fn).toHaveLength(1);
    const throttled = alarms()
      .filter((a) => a.Metrics?.some((m: any) => m.MetricStat?.Metric.MetricName === 'Throttles'))
      .flatMap((a) => {
        expect(a.Metrics.length, a.AlarmName).toBeLessThanOrEqual(maxMetricsPerAlarm + 1);
        return a.Metrics.filter((m: any) => m.MetricStat).map((m: any) => m.MetricStat.Metric.Dimensions[0].Value.Ref);
      });
    expect(throttled.sort()).toEqual([...built.stack.functions.keys()].map(fnId).sort());
  });

  it("stays well inside CloudFormation's 500 resources in every template, root and nested", () => {
    // HTTP functions and their routes live in nested stacks (infra/constructs/route-stacks.ts);
    // what stays in the root grows by one errors alarm per function. See docs/decisions/infra-route-stacks.md.
    const templates = templatesOf(built.stack);
    expect(templates.length).toBeGreaterThan(1);
    for (const t of templates) expect(Object.keys(t.resources).length, t.stack.node.path).toBeLessThan(450);
  });

  it('iterator age per consumer and depth > 0 on every failure and dead-letter queue', () => {
    for (const c of built.consumers) expect(alarmOn('IteratorAge', ['FunctionName', { Ref: fnId(c.fn) }]), c.id).toHaveLength(1);
    const queues = ofType('AWS::SQS::Queue').map(([id]) => id).filter((id) => /Failures|Dlq/.test(id));
    // one per consumer, the jobs' and the escalation desk's dead-letter queues, and photo processing's
    expect(queues.length).toBe(built.consumers.length + 3);
    for (const q of queues) {
      const [a] = alarmOn('ApproximateNumberOfMessagesVisible', ['QueueName', { 'Fn::GetAtt': [q, 'QueueName'] }]);
      expect(a, q).toMatchObject({ Threshold: 0, ComparisonOperator: 'GreaterThanThreshold' });
    }
  });

  it('API 5xx rate, overdue tickets (CivicFeedback/OverdueTickets by service) and SMS spend', () => {
    const rate = alarms().find((a) => a.Metrics?.some((m: any) => m.Expression?.includes('errors / requests')));
    expect(rate).toBeDefined();
    const [overdue] = alarmOn('OverdueTickets');
    expect(overdue).toMatchObject({ Namespace: 'CivicFeedback', Dimensions: [{ Name: 'service', Value: serviceName }], Threshold: built.config.overdueTicketsThreshold });
    expect(alarmOn('SMSMonthToDateSpentUSD')).toHaveLength(1);
    for (const a of alarms()) expect(a.AlarmActions, a.AlarmName).toEqual([{ Ref: logicalId(built.stack.observability.alarmTopic) }]);
    expect(ofType('AWS::CloudWatch::Dashboard')).toHaveLength(1);
  });

  it('outputs the API URL and the user pool', () => {
    const outputs = template.toJSON().Outputs;
    expect(Object.keys(outputs)).toEqual(expect.arrayContaining(['ApiUrl', 'UserPoolId', 'UserPoolClientId', 'TableName', 'SmsSettingsCommand']));
  });
});

describe('cdk-nag AwsSolutions', () => {
  /** Every acknowledgement recorded in the tree: [construct path, rule id, reason]. */
  function acknowledgements(): Array<[string, string, string]> {
    return built.app.node
      .findAll()
      .flatMap((c) => c.node.metadata.filter((m) => m.type === 'aws:cdk:acknowledged-rules').flatMap((m) => Object.entries(m.data as Record<string, string>).map(([id, reason]) => [c.node.path, id.replace(/^annotation::/i, ''), reason] as [string, string, string])));
  }

  it('reports no unacknowledged error', () => {
    const report = new AwsSolutionsChecks(built.app).validateScope(built.app);
    const errors = report.violations.filter((v) => v.severity === 'error').map((v) => `${v.ruleName}: ${v.violatingResources.map((r) => r.constructPath).join(', ')}`);
    expect(errors).toEqual([]);
    // Warnings are not allowed to pile up silently either.
    expect(report.violations.map((v) => v.ruleName)).toEqual([]);
  });

  it('every acknowledgement names an AwsSolutions rule, gives a reason, and still matches a finding', () => {
    const acks = acknowledgements();
    expect(acks.length).toBeGreaterThan(0);
    // Run the rules again with acknowledgements ignored: each one must silence something real.
    const pack = new AwsSolutionsChecks(built.app) as unknown as { isAcknowledged: () => boolean; validateScope: AwsSolutionsChecks['validateScope'] };
    pack.isAcknowledged = () => false;
    const findings = pack.validateScope(built.app).violations;
    for (const [path, id, reason] of acks) {
      expect(id, path).toMatch(/^AwsSolutions-[A-Z]+\d+(\[.+\])?$/);
      expect(reason.length, `${path} ${id}`).toBeGreaterThanOrEqual(40);
      const hit = findings.some((f) => f.ruleName === id && f.violatingResources.some((r) => r.constructPath === path || r.constructPath!.startsWith(`${path}/`)));
      expect(hit, `stale acknowledgement ${id} at ${path}`).toBe(true);
    }
  });
});

describe('media bucket and photo processing', () => {
  const bucketId = () => logicalId(built.stack.media.bucket);
  const processor = 'events/process-upload';

  it('is private: public access blocked, bucket-owned objects, SSE-S3, TLS-only, access logs, retained', () => {
    const bucket = resources[bucketId()]!;
    expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
    expect(bucket.Properties.OwnershipControls).toEqual({ Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] });
    expect(bucket.Properties.BucketEncryption.ServerSideEncryptionConfiguration).toEqual([{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }]);
    expect(bucket.Properties.LoggingConfiguration.DestinationBucketName).toEqual({ Ref: logicalId(built.stack.media.logs) });
    expect(bucket.DeletionPolicy).toBe('Retain');
    expectTlsOnly(bucketId(), 'AWS::S3::BucketPolicy', 'Bucket');
    // No CORS unless web origins are configured (cdk.json has none).
    expect(bucket.Properties.CorsConfiguration).toBeUndefined();
  });

  it('expires what is left in incoming/ after a day, and sends object-created events to EventBridge', () => {
    const bucket = resources[bucketId()]!;
    expect(bucket.Properties.LifecycleConfiguration.Rules).toContainEqual(
      expect.objectContaining({ Prefix: 'incoming/', ExpirationInDays: 1, AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 }, Status: 'Enabled' }),
    );
    expect(bucket.Properties.NotificationConfiguration).toEqual({ EventBridgeConfiguration: { EventBridgeEnabled: true } });
    template.resourceCountIs('Custom::S3BucketNotifications', 0);
  });

  it('runs the processor on new incoming/ objects, with retries and an alarmed dead-letter queue', () => {
    const rule = ofType('AWS::Events::Rule').find(([, r]) => r.Properties.EventPattern?.source?.[0] === 'aws.s3')![1].Properties;
    expect(rule.EventPattern).toEqual({ source: ['aws.s3'], 'detail-type': ['Object Created'], detail: { bucket: { name: [{ Ref: bucketId() }] }, object: { key: [{ prefix: 'incoming/' }] } } });
    expect(rule.Targets[0].Arn['Fn::GetAtt'][0]).toBe(fnId(processor));
    expect(rule.Targets[0].RetryPolicy.MaximumRetryAttempts).toBe(4);
    expect(rule.Targets[0].DeadLetterConfig.Arn['Fn::GetAtt'][0]).toBe(logicalId(built.stack.media.processingDlq!));
    template.resourceCountIs('AWS::GuardDuty::MalwareProtectionPlan', 0);
    expect(resources[fnId(processor)]!.Properties.Environment.Variables).toMatchObject({ MEDIA_BUCKET: { Ref: bucketId() }, MALWARE_SCAN: 'off' });
    expect(resources[fnId(processor)]!.Properties.MemorySize).toBeGreaterThanOrEqual(1024);
  });

  /** Every S3 action a function may take, by the key pattern it is limited to. */
  function s3Grants(fn: string): Record<string, string[]> {
    const grants: Record<string, string[]> = {};
    for (const s of statementsOf(fn)) {
      const actions = [s.Action].flat().filter((a) => a.startsWith('s3:'));
      if (!actions.length) continue;
      for (const r of [s.Resource].flat()) {
        const joined = JSON.stringify(r);
        expect(joined, fn).toContain(bucketId());
        const suffix = (r as { 'Fn::Join': [string, unknown[]] })['Fn::Join'][1].at(-1) as string;
        grants[suffix] = [...(grants[suffix] ?? []), ...actions].sort();
      }
    }
    return grants;
  }

  it('least privilege: the processor reads and deletes incoming/, writes media/, updates only UPLOAD# items', () => {
    expect(s3Grants(processor)).toEqual({ '/incoming/*': ['s3:DeleteObject', 's3:GetObject'], '/media/*': ['s3:PutObject'] });
    const actions = actionsOf(processor);
    expect(actions.has('dynamodb:PutItem')).toBe(false);
    expect(actions.has('dynamodb:DeleteItem')).toBe(false);
    const update = statementsOf(processor).find((s) => [s.Action].flat().includes('dynamodb:UpdateItem')) as { Condition?: unknown };
    expect(update.Condition).toEqual({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['UPLOAD#*'] } });
  });

  it('signers get exactly what their URLs grant: upload grants PutObject on incoming/, photo views GetObject on media/, nothing else touches S3', () => {
    expect(s3Grants('http/create-upload')).toEqual({ '/incoming/*': ['s3:PutObject'] });
    for (const route of built.routes.filter((r) => 'media' in r && r.media === 'read')) expect(s3Grants(route.fn), route.id).toEqual({ '/media/*': ['s3:GetObject'] });
    expect(s3Grants('jobs/upload-sweep')).toEqual({ '/incoming/*': ['s3:DeleteObject'], '/media/*': ['s3:DeleteObject'] });
    // Erasure and retention delete a citizen's photos (media/ and any incoming/ left), nothing else.
    for (const fn of ['streams/erasure', 'jobs/retention']) expect(s3Grants(fn), fn).toEqual({ '/incoming/*': ['s3:DeleteObject'], '/media/*': ['s3:DeleteObject'] });
    const users = new Set(['http/create-upload', 'jobs/upload-sweep', 'streams/erasure', 'jobs/retention', processor, ...built.routes.filter((r) => 'media' in r).map((r) => r.fn)]);
    for (const fn of built.stack.functions.keys()) if (!users.has(fn)) expect(s3Grants(fn), fn).toEqual({});
  });

  it('prod: GuardDuty Malware Protection on incoming/ with tagging, and the processor runs on its verdicts only', () => {
    const prod = buildStack({ context: { stage: 'prod' } });
    const t = Template.fromStack(prod.stack);
    const json = t.toJSON().Resources as Record<string, Resource>;
    const prodBucket = Stack.of(prod.stack).getLogicalId(prod.stack.media.bucket.node.defaultChild as CfnElement);
    t.hasResourceProperties('AWS::GuardDuty::MalwareProtectionPlan', {
      ProtectedResource: { S3Bucket: { BucketName: { Ref: prodBucket }, ObjectPrefixes: ['incoming/'] } },
      Actions: { Tagging: { Status: 'ENABLED' } },
    });
    const rules = Object.values(json).filter((r) => r.Type === 'AWS::Events::Rule' && r.Properties.EventPattern);
    expect(rules.map((r) => r.Properties.EventPattern.source)).toEqual([['aws.guardduty']]);
    expect(rules[0]!.Properties.EventPattern.detail.scanResultDetails).toEqual({ scanResultStatus: ['NO_THREATS_FOUND', 'THREATS_FOUND'] });
    const fn = Stack.of(prod.stack).getLogicalId(prod.stack.functions.get(processor)!.node.defaultChild as CfnElement);
    expect(json[fn]!.Properties.Environment.Variables.MALWARE_SCAN).toBe('required');
    const report = new AwsSolutionsChecks(prod.app).validateScope(prod.app);
    expect(report.violations.map((v) => `${v.ruleName}: ${v.violatingResources.map((r) => r.constructPath).join(', ')}`)).toEqual([]);
    // The flag turns it off for prod, too.
    const off = buildStack({ context: { stage: 'prod', malwareProtection: 'false' } });
    Template.fromStack(off.stack).resourceCountIs('AWS::GuardDuty::MalwareProtectionPlan', 0);
  }, 120_000);
});

describe('resource headroom', () => {
  // A second full synthesis, three times the functions: slow on a shared machine, hence the ceiling.
  it('the route table padded to 120 routes still synthesizes with every template under 450 resources', { timeout: 120_000 }, () => {
    const padded = buildStack({ routes: paddedRoutes(built.routes, 120) });
    expect(padded.routes).toHaveLength(120);
    const templates = templatesOf(padded.stack);
    const counts = Object.fromEntries(templates.map((t) => [t.stack.node.path, Object.keys(t.resources).length]));
    for (const [path, count] of Object.entries(counts)) expect(count, path).toBeLessThan(450);
    // Every padded route is deployed, each with its own function.
    const flat = Object.values(flattenedResources(padded.stack));
    expect(flat.filter((r) => r.Type === 'AWS::ApiGatewayV2::Route')).toHaveLength(120);
    expect(flat.filter((r) => r.Type === 'AWS::Lambda::Function')).toHaveLength(padded.stack.functions.size);
    // The fixture's tag outgrew one route stack, and split.
    expect(padded.stack.routeStacks.map((s) => s.node.id)).toEqual(expect.arrayContaining(['RoutesTickets', 'RoutesTickets2']));
    // A second full synthesis with cdk-nag's aspects: tens of seconds on a loaded two-core machine.
  });
});
