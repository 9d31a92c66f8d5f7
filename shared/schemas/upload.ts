import * as z from 'zod';
import { MAX_UPLOAD_BYTES, rejectionReasons, uploadContentTypes, uploadPurposes, uploadStatuses } from '../domain/upload.js';

export const UploadIdParams = z.strictObject({ id: z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'an upload id (ULID)') });

export const CreateUploadBody = z
  .strictObject({
    purpose: z.enum(uploadPurposes).describe('ticket: a citizen\'s photo; evidence: staff\'s photo for an answer'),
    contentType: z.enum(uploadContentTypes).describe('The exact Content-Type the file will be sent with'),
    size: z.number().int().min(1).max(MAX_UPLOAD_BYTES).describe('Bytes, 1–10485760'),
  })
  .meta({ id: 'CreateUpload' });

export const UploadGrant = z
  .object({
    id: z.string(),
    url: z.url().describe('POST multipart/form-data here: every entry of fields, then file'),
    fields: z.record(z.string(), z.string()),
    expiresAt: z.iso.datetime(),
    maxBytes: z.number().int(),
  })
  .meta({ id: 'UploadGrant' });

export const UploadView = z
  .object({
    id: z.string(),
    purpose: z.enum(uploadPurposes),
    status: z.enum(uploadStatuses),
    reason: z.enum(rejectionReasons).optional(),
    width: z.number().int().optional(),
    height: z.number().int().optional(),
    thumbUrl: z.url().optional().describe('Presigned GET of the thumbnail once ready, valid 15 minutes'),
  })
  .meta({ id: 'Upload' });
