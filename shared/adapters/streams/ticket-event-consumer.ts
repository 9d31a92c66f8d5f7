/**
 * The shared shape of a stream consumer of ticket events: Powertools' batch processor reports
 * each failed record as a batch item failure (Lambda retries from it; the others are not
 * blocked), and each record is decoded into the event item it carries.
 */
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { Context, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { logger } from '../../observability/logger.js';

/** The event item as written by `eventToItem` (keys included). */
export type TicketEventItem = Record<string, unknown>;

export function eventItemOf(record: DynamoDBRecord): TicketEventItem {
  const image = record.dynamodb?.NewImage;
  if (!image) throw new Error(`record ${record.eventID} has no new image`);
  return unmarshall(image as Record<string, AttributeValue>);
}

export function ticketEventConsumer(handle: (item: TicketEventItem, record: DynamoDBRecord) => Promise<void>) {
  const processor = new BatchProcessor(EventType.DynamoDBStreams);
  return async (event: DynamoDBStreamEvent, context: Context) => {
    logger.addContext(context);
    return processPartialResponse(
      event,
      async (record: DynamoDBRecord) => {
        try {
          await handle(eventItemOf(record), record);
        } catch (error) {
          logger.error('stream record failed', { eventID: record.eventID, sequenceNumber: record.dynamodb?.SequenceNumber, error: error as Error });
          throw error;
        }
      },
      processor,
      { context },
    );
  };
}
