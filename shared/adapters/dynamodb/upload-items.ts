/**
 * How uploads sit in the single table (docs/data-model.md). A never-attached upload is listed
 * under the day it was granted (gsi4, `UPLOADS#<day>`) for the sweep; attaching removes it
 * from that list and from the TTL in the same transaction as the ticket write.
 */
import type { UploadPurpose, Upload } from '../../domain/upload.js';
import { UPLOAD_TTL_DAYS } from '../../domain/upload.js';
import { fromItem, tableName } from './table.js';
import { shardedPartitions, shardOf } from './shards.js';

export const uploadKey = (id: string) => ({ pk: `UPLOAD#${id}`, sk: 'UPLOAD' });
/**
 * Sharded by upload id (shards.ts): every upload of the country lands on its day's key, ~5.8
 * writes per ticket (grant, processing, attach for 1.6 photos); 16 shards measured 468–528/s at
 * peak (bench hot-keys). The 16 of before are among these.
 */
export const UPLOAD_SHARDS = 32;
export const unattachedDayPartition = (utcDay: string, uploadId: string) => `UPLOADS#${utcDay}#${shardOf(uploadId, UPLOAD_SHARDS)}`;
export const unattachedDayPartitions = (utcDay: string) => shardedPartitions(`UPLOADS#${utcDay}`, UPLOAD_SHARDS);

export function uploadToItem(upload: Upload): Record<string, unknown> {
  return {
    ...uploadKey(upload.id),
    entity: 'upload',
    gsi4pk: unattachedDayPartition(upload.createdAt.slice(0, 10), upload.id),
    gsi4sk: `UPLOAD#${upload.id}`,
    expiresAt: Math.floor(Date.parse(upload.createdAt) / 1000) + UPLOAD_TTL_DAYS * 86_400,
    ...upload,
  };
}

export const uploadFromItem = (item: Record<string, unknown>) => fromItem<Upload>(item);

export interface AttachSpec {
  uploadIds: readonly string[];
  ownerId: string;
  purpose: UploadPurpose;
  /** The request field that named them (`body.attachments`), for the 400 when a race is lost. */
  field: string;
}

/**
 * One transaction item per upload: ready → attached to `ticketId`, only if it is still ready,
 * the caller's and of the right purpose. Two tickets racing for one upload: one condition fails.
 */
export function attachItems(spec: AttachSpec, ticketId: string, at: string) {
  return spec.uploadIds.map((id) => ({
    Update: {
      TableName: tableName(),
      Key: uploadKey(id),
      UpdateExpression: 'SET #status = :attached, ticketId = :ticket, attachedAt = :at REMOVE expiresAt, gsi4pk, gsi4sk',
      ConditionExpression: '#status = :ready AND ownerId = :owner AND purpose = :purpose',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':attached': 'attached', ':ready': 'ready', ':ticket': ticketId, ':at': at, ':owner': spec.ownerId, ':purpose': spec.purpose },
    },
  }));
}
