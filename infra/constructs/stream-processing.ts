/**
 * Stream consumers from the background functions table: one function per consumer, one event
 * source mapping on the table's stream with filter criteria (INSERTs whose sk begins with the
 * consumer's prefix), partial batch responses, bisect on error, bounded retries, a maximum
 * record age and an encrypted, TLS-only SQS queue for what still fails.
 */
import { Duration } from 'aws-cdk-lib';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { acknowledge } from '../nag.js';
import type { StreamConsumer } from '../../shared/background.js';
import type { AppFunction } from './app-function.js';
import { secureQueue } from './notifications.js';

/** Retry policy shared by every consumer (consumers are idempotent: at-least-once delivery). */
export const streamRetry = {
  retryAttempts: 10,
  /** Past this the batch goes to the failure queue; the stream itself keeps records 24 h. */
  maxRecordAge: Duration.hours(6),
} as const;

export interface ConsumerBinding {
  consumer: StreamConsumer;
  fn: AppFunction;
  failureQueue: Queue;
}

export interface StreamProcessingProps {
  table: Table;
  consumers: readonly StreamConsumer[];
  /** The function that runs each consumer (made by the stack, which owns all functions). */
  functionFor: (consumer: StreamConsumer) => AppFunction;
}

/** The Lambda filter pattern for one consumer: INSERTs of items whose sk begins with the prefix. */
export function consumerFilter(consumer: StreamConsumer): Record<string, unknown> {
  return FilterCriteria.filter({
    eventName: FilterRule.isEqual('INSERT'),
    dynamodb: { NewImage: { sk: { S: FilterRule.beginsWith(consumer.insertsWithSkPrefix) } } },
  });
}

export class StreamProcessing extends Construct {
  readonly bindings: ConsumerBinding[] = [];

  constructor(scope: Construct, id: string, props: StreamProcessingProps) {
    super(scope, id);
    for (const consumer of props.consumers) {
      const fn = props.functionFor(consumer);
      const failureQueue = secureQueue(this, `${consumer.id}Failures`);
      acknowledge(
        failureQueue,
        'AwsSolutions-SQS3',
        `This queue is itself the on-failure destination of the ${consumer.id} stream consumer (it holds pointers to failed stream batches); it is alarmed on depth > 0 and needs no dead-letter queue of its own.`,
      );
      fn.addEventSource(
        new DynamoEventSource(props.table, {
          startingPosition: StartingPosition.LATEST,
          batchSize: consumer.batchSize,
          maxBatchingWindow: Duration.seconds(1),
          bisectBatchOnError: true,
          reportBatchItemFailures: true,
          retryAttempts: streamRetry.retryAttempts,
          maxRecordAge: streamRetry.maxRecordAge,
          parallelizationFactor: 1,
          onFailure: new SqsDlq(failureQueue),
          filters: [consumerFilter(consumer)],
        }),
      );
      acknowledge(
        fn.role!,
        'AwsSolutions-IAM5[Resource::*]',
        'dynamodb:ListStreams (added by the event source) has no resource-level permissions, so IAM requires "*"; it only lists stream ARNs. Reading records is scoped to this table\'s stream ARN.',
      );
      this.bindings.push({ consumer, fn, failureQueue });
    }
  }
}
