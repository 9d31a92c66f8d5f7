/**
 * Processes photos that land in incoming/. Triggered by the bucket's ObjectCreated
 * notifications, or, with GuardDuty Malware Protection on (MALWARE_SCAN=required), by its scan
 * result events: then only an object tagged NO_THREATS_FOUND is processed. Locally the runtime
 * calls this handler on the local S3 server's put events.
 */
import type { Context, S3Event } from 'aws-lambda';
import { processUpload, type ProcessResult } from '../../shared/app/process-upload.js';
import { dynamoUploadStore } from '../../shared/adapters/dynamodb/upload-store.js';
import { sharpProcessor } from '../../shared/adapters/images/sharp-processor.js';
import { s3MediaStore } from '../../shared/adapters/s3/media-store.js';
import { FULL_MAX_PX, incomingKey, THUMB_MAX_PX, uploadIdOfKey } from '../../shared/domain/upload.js';
import { logger } from '../../shared/observability/logger.js';

interface ScanResultEvent {
  source: 'aws.guardduty';
  detail: { s3ObjectDetails: { bucketName: string; objectKey: string }; scanResultDetails: { scanResultStatus: string } };
}

/** S3's own "Object Created" event through EventBridge (the bucket sends them there). */
interface ObjectCreatedEvent {
  source: 'aws.s3';
  'detail-type': 'Object Created';
  detail: { bucket: { name: string }; object: { key: string } };
}

type ProcessingEvent = S3Event | ScanResultEvent | ObjectCreatedEvent;

const deps = { uploads: dynamoUploadStore, media: s3MediaStore, images: sharpProcessor, clock: { now: () => new Date() } };
const scanRequired = () => process.env.MALWARE_SCAN === 'required';

/** The keys an event names (S3 URL-encodes keys in notifications, with + for spaces). */
export function keysOf(event: ProcessingEvent): string[] {
  if ('Records' in event) return event.Records.filter((r) => r.eventName?.startsWith('ObjectCreated:')).map((r) => decodeURIComponent(r.s3.object.key.replace(/\+/g, ' ')));
  if (event.source === 'aws.guardduty') return [event.detail.s3ObjectDetails.objectKey];
  if (event.source === 'aws.s3' && event['detail-type'] === 'Object Created') return [event.detail.object.key];
  return [];
}

export async function handler(event: ProcessingEvent, _context?: Context): Promise<ProcessResult[]> {
  const results: ProcessResult[] = [];
  for (const key of keysOf(event)) {
    const id = uploadIdOfKey(key);
    if (!id) {
      logger.warn('not an upload key', { key });
      continue;
    }
    // The tag GuardDuty wrote is the verdict, whatever the event said: it cannot be forged by the uploader.
    const malwareVerdict = scanRequired() ? async () => (await s3MediaStore.tags(incomingKey(id))).GuardDutyMalwareScanStatus ?? '' : undefined;
    const result = await processUpload(deps, id, { fullMaxPx: FULL_MAX_PX, thumbMaxPx: THUMB_MAX_PX, malwareVerdict });
    logger.info('upload processed', { ...result });
    results.push(result);
  }
  return results;
}
