/**
 * Scheduled jobs from the background functions table: one EventBridge rule per job, every
 * `everyMinutes` minutes, invoking the job's function with bounded retries; invocations that
 * still fail land in an encrypted, TLS-only dead-letter queue (alarmed on depth > 0).
 */
import { Duration } from 'aws-cdk-lib';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { acknowledge } from '../nag.js';
import type { ScheduledJob } from '../../shared/background.js';
import type { AppFunction } from './app-function.js';
import { secureQueue } from './notifications.js';

export interface JobBinding {
  job: ScheduledJob;
  fn: AppFunction;
  rule: Rule;
}

export interface SchedulesProps {
  jobs: readonly ScheduledJob[];
  functionFor: (job: ScheduledJob) => AppFunction;
}

export class Schedules extends Construct {
  readonly bindings: JobBinding[] = [];
  /** Shared by all jobs; undefined when there are none. */
  readonly deadLetterQueue?: Queue;

  constructor(scope: Construct, id: string, props: SchedulesProps) {
    super(scope, id);
    if (props.jobs.length === 0) return;
    const dlq = secureQueue(this, 'JobsDlq');
    acknowledge(
      dlq,
      'AwsSolutions-SQS3',
      'This queue is itself the dead-letter queue of the scheduled-job targets (an EventBridge target DLQ is not a RedrivePolicy link, which is what the rule looks for); it is alarmed on depth > 0.',
    );
    this.deadLetterQueue = dlq;

    for (const job of props.jobs) {
      if (!Number.isInteger(job.everyMinutes) || job.everyMinutes < 1) throw new Error(`job ${job.id}: everyMinutes must be a whole number ≥ 1`);
      const fn = props.functionFor(job);
      const rule = new Rule(this, `${job.id}Schedule`, {
        description: `Runs functions/${job.fn} every ${job.everyMinutes} minute(s)`,
        schedule: Schedule.rate(Duration.minutes(job.everyMinutes)),
        targets: [
          new LambdaFunction(fn, {
            retryAttempts: 2,
            // A run that cannot start within one period is superseded by the next one (EventBridge caps this at 24 h).
            maxEventAge: Duration.minutes(Math.min(job.everyMinutes, 24 * 60)),
            deadLetterQueue: dlq,
          }),
        ],
      });
      this.bindings.push({ job, fn, rule });
    }
  }
}
