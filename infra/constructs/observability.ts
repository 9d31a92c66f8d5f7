/**
 * Alarms and a dashboard. Alarms: every function's errors and throttles, every dead-letter or
 * failure queue's depth > 0, each stream consumer's iterator age, the API's 5xx rate, overdue
 * tickets (the custom metric the SLA sweep emits with Powertools Metrics) and SMS spend. All
 * alarms notify the alarm topic (e-mailed to `alarmEmail` when set).
 */
import { Duration } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  MathExpression,
  Metric,
  SingleValueWidget,
  TextWidget,
  TreatMissingData,
  type IMetric,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { metricsNamespace, serviceName, type StageConfig } from '../config.js';
import type { AppFunction } from './app-function.js';

/** The metric the SLA sweep emits each run (tickets it flagged overdue): Powertools Metrics, namespace CivicFeedback, dimension service. */
export const overdueTicketsMetric = { namespace: metricsNamespace, metricName: 'OverdueTickets', dimensionsMap: { service: serviceName } } as const;

/** A metric math alarm may use at most 10 metrics. */
export const maxMetricsPerAlarm = 10;

export function throttleGroups<T>(functions: readonly T[]): T[][] {
  const groups: T[][] = [];
  for (let i = 0; i < functions.length; i += maxMetricsPerAlarm) groups.push(functions.slice(i, i + maxMetricsPerAlarm));
  return groups;
}

/** Iterator age above this means a consumer is falling behind the stream. */
export const maxIteratorAge = Duration.minutes(5);

export interface ObservabilityProps {
  config: StageConfig;
  functions: readonly AppFunction[];
  /** Queues that should stay empty: DLQs and failure destinations. */
  queues: ReadonlyArray<{ name: string; queue: Queue }>;
  consumers: readonly AppFunction[];
  api: HttpApi;
  /** Encrypts the alarm topic (CloudWatch must be allowed to use it). */
  key: IKey;
}

export class Observability extends Construct {
  readonly alarmTopic: Topic;
  readonly alarms: Alarm[] = [];
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: ObservabilityProps) {
    super(scope, id);
    const { config } = props;
    const period = Duration.minutes(5);

    this.alarmTopic = new Topic(this, 'AlarmTopic', { displayName: `civic-feedback ${config.stage} alarms`, masterKey: props.key, enforceSSL: true });
    if (config.alarmEmail) this.alarmTopic.addSubscription(new EmailSubscription(config.alarmEmail));
    const action = new SnsAction(this.alarmTopic);

    const alarm = (alarmId: string, metric: IMetric, threshold: number, description: string, evaluationPeriods = 1) => {
      const a = new Alarm(this, alarmId, {
        alarmName: `civic-feedback-${config.stage}-${alarmId}`,
        alarmDescription: description,
        metric,
        threshold,
        evaluationPeriods,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
      a.addAlarmAction(action);
      a.addOkAction(action);
      this.alarms.push(a);
      return a;
    };

    // Errors: one alarm per function, so the alarm names the culprit.
    for (const fn of props.functions) {
      alarm(`${fn.node.id}-Errors`, fn.metricErrors({ period, statistic: 'Sum' }), 0, `functions/${fn.fn} threw or timed out`);
    }
    // Throttles come from the account's concurrency, usually for many functions at once: one alarm
    // per group of functions keeps the stack's resource count (CloudFormation allows 500) in check.
    throttleGroups(props.functions).forEach((group, i) => {
      const usingMetrics = Object.fromEntries(group.map((fn, j) => [`t${j}`, fn.metricThrottles({ period, statistic: 'Sum' })]));
      const expression = `SUM([${Object.keys(usingMetrics).map((id) => `FILL(${id}, 0)`).join(', ')}])`;
      alarm(`Throttles${i + 1}`, new MathExpression({ expression, usingMetrics, period, label: 'Throttles' }), 0, `Throttled (concurrency limit): ${group.map((fn) => fn.fn).join(', ')}`);
    });
    for (const { name, queue } of props.queues) {
      alarm(`${name}-Depth`, queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1), statistic: 'Maximum' }), 0, `${name} holds messages that failed processing`);
    }
    const iteratorAges = props.consumers.map((fn) => fn.metric('IteratorAge', { period: Duration.minutes(1), statistic: 'Maximum' }));
    props.consumers.forEach((fn, i) => {
      alarm(`${fn.node.id}-IteratorAge`, iteratorAges[i]!, maxIteratorAge.toMilliseconds(), `functions/${fn.fn} is more than ${maxIteratorAge.toMinutes()} minutes behind the table stream`, 3);
    });

    const apiRequests = props.api.metricCount({ period, statistic: 'Sum' });
    const api5xx = props.api.metricServerError({ period, statistic: 'Sum' });
    const api5xxRate = new MathExpression({
      expression: 'IF(requests > 0, 100 * errors / requests, 0)',
      usingMetrics: { errors: api5xx, requests: apiRequests },
      label: 'API 5xx rate (%)',
      period,
    });
    alarm('Api-5xxRate', api5xxRate, 1, 'More than 1% of API requests answered 5xx', 2);

    const overdue = new Metric({ ...overdueTicketsMetric, period: Duration.minutes(15), statistic: 'Maximum' });
    alarm('OverdueTickets', overdue, config.overdueTicketsThreshold, `One SLA sweep flagged more than ${config.overdueTicketsThreshold} tickets overdue`);

    const smsSpend = new Metric({ namespace: 'AWS/SNS', metricName: 'SMSMonthToDateSpentUSD', period: Duration.hours(1), statistic: 'Maximum' });
    alarm('SmsSpend', smsSpend, Math.round(config.smsMonthlySpendUsd * 0.8 * 100) / 100, `SMS spend this month passed 80% of the ${config.smsMonthlySpendUsd} USD limit`);

    const fnMetrics = (f: (fn: AppFunction) => IMetric) => props.functions.map(f);
    this.dashboard = new Dashboard(this, 'Dashboard', {
      dashboardName: `civic-feedback-${config.stage}`,
      widgets: [
        [new TextWidget({ markdown: `# civic-feedback (${config.stage})\nAPI, functions, streams, queues and SLA. Alarms: ${this.alarms.length}.`, width: 24, height: 2 })],
        [
          new GraphWidget({ title: 'API requests and errors', left: [apiRequests, props.api.metricClientError({ period, statistic: 'Sum' }), api5xx], width: 8 }),
          new GraphWidget({ title: 'API 5xx rate (%)', left: [api5xxRate], width: 8 }),
          new GraphWidget({ title: 'API latency p90 (ms)', left: [props.api.metricLatency({ period, statistic: 'p90' })], width: 8 }),
        ],
        [
          new GraphWidget({ title: 'Function errors', left: fnMetrics((fn) => fn.metricErrors({ period, statistic: 'Sum', label: fn.fn })), width: 8 }),
          new GraphWidget({ title: 'Function throttles', left: fnMetrics((fn) => fn.metricThrottles({ period, statistic: 'Sum', label: fn.fn })), width: 8 }),
          new GraphWidget({ title: 'Function duration p90 (ms)', left: fnMetrics((fn) => fn.metricDuration({ period, statistic: 'p90', label: fn.fn })), width: 8 }),
        ],
        [
          new GraphWidget({ title: 'Stream iterator age (ms)', left: iteratorAges.length ? iteratorAges : [new Metric({ namespace: 'AWS/Lambda', metricName: 'IteratorAge', statistic: 'Maximum' })], width: 8 }),
          new GraphWidget({
            title: 'Dead-letter / failure queue depth',
            left: props.queues.map(({ name, queue }) => queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1), statistic: 'Maximum', label: name })),
            width: 8,
          }),
          new SingleValueWidget({ title: 'Overdue tickets', metrics: [overdue], width: 4 }),
          new SingleValueWidget({ title: 'SMS spend this month (USD)', metrics: [smsSpend], width: 4 }),
        ],
      ],
    });
  }
}
