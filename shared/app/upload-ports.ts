/** Photos: the upload items and the media objects they name. */
import type { MediaFormat, RejectionReason, Upload } from '../domain/upload.js';
import type { Page, PageRequest } from './core-ports.js';

export type UploadOutcome =
  | { status: 'ready'; width: number; height: number; format: MediaFormat }
  | { status: 'rejected'; reason: RejectionReason };

export interface UploadStore {
  create(upload: Upload): Promise<void>;
  /** Consistent read. */
  get(id: string): Promise<Upload | undefined>;
  /** Consistent reads of several; absent ids are missing from the map. */
  getMany(ids: readonly string[]): Promise<Map<string, Upload>>;
  /** pending → ready | rejected; false when it was no longer pending (a duplicate event). */
  finish(id: string, outcome: UploadOutcome, at: string): Promise<boolean>;
  /** Uploads granted on a UTC day and never attached. */
  unattachedOn(day: string, page: PageRequest): Promise<Page<Upload>>;
  /** Deletes an upload that is not attached; false when it was attached meanwhile. */
  delete(id: string): Promise<boolean>;
}

export interface MediaStore {
  /** A presigned POST for exactly one object: key, Content-Type and size range pinned. */
  grant(input: { key: string; contentType: string; maxBytes: number; expiresSeconds: number }): Promise<{ url: string; fields: Record<string, string> }>;
  /** The object's bytes, or undefined when there is none. */
  read(key: string): Promise<{ bytes: Buffer; size: number } | undefined>;
  tags(key: string): Promise<Record<string, string>>;
  write(key: string, bytes: Buffer, contentType: string): Promise<void>;
  delete(keys: readonly string[]): Promise<void>;
  /** A presigned GET. */
  signedUrl(key: string, seconds: number): Promise<string>;
}
