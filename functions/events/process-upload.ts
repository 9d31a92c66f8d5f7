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
import { logger } from '../../shared/http/logger.js';

interface ScanResultEvent {
  source: 'aws.guardduty';
  detail: { s3ObjectDetails: { bucketName: string; objectKey: string }; scanResultDetails: { scanResultStatus: string } };
}

const deps = { uploads: dynamoUploadStore, media: s3MediaStore, images: sharpProcessor, clock: { now: () => new Date() } };
const scanRequired = () => process.env.MALWARE_SCAN === 'required';

/** The keys an event names (S3 URL-encodes keys in notifications, with + for spaces). */
function keysOf(event: S3Event | ScanResultEvent): string[] {
  if ('Records' in event) return event.Records.filter((r) => r.eventName?.startsWith('ObjectCreated:')).map((r) => decodeURIComponent(r.s3.object.key.replace(/\+/g, ' ')));
  if (event.source === 'aws.guardduty') return [event.detail.s3ObjectDetails.objectKey];
  return [];
}

export async function handler(event: S3Event | ScanResultEvent, _context?: Context): Promise<ProcessResult[]> {
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
