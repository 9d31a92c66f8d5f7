/**
 * Uploads in tests: grants through the API and real multipart POSTs to the local S3 server
 * (tests/http/uploads.test.ts), or, for tests about something else, a processed upload put
 * straight into the table (data, not a mock: the attach transaction and its conditions run as ever).
 */
import sharp from 'sharp';
import { expect } from 'vitest';
import { dynamoUploadStore } from '../../shared/adapters/dynamodb/upload-store.js';
import type { UploadPurpose } from '../../shared/domain/upload.js';
import type { TestApi } from './api.js';
import { ulid } from './tickets.js';

/** The `sub` a dev token was minted for. */
export function subOf(token: string): string {
  return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')).sub;
}

/** A ready upload of `token`'s user, as processing leaves it; returns its id. */
export async function seedReadyUpload(token: string, purpose: UploadPurpose): Promise<string> {
  const id = ulid();
  await dynamoUploadStore.create({ id, ownerId: subOf(token), purpose, contentType: 'image/jpeg', size: 1000, status: 'pending', createdAt: new Date().toISOString() });
  await dynamoUploadStore.finish(id, { status: 'ready', width: 1024, height: 768, format: 'jpeg' }, new Date().toISOString());
  return id;
}

export interface Grant {
  id: string;
  url: string;
  fields: Record<string, string>;
  expiresAt: string;
  maxBytes: number;
}

export async function grant(api: TestApi, token: string, body: { purpose: UploadPurpose; contentType: string; size: number }): Promise<Grant> {
  const res = await api.request('POST', '/v1/uploads', { token, body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

/** What a browser sends: every field of the grant (some overridable), then the file. */
export async function postFile(g: Grant, bytes: Buffer, opts: { filename?: string; fields?: Record<string, string> } = {}) {
  const form = new FormData();
  for (const [k, v] of Object.entries({ ...g.fields, ...opts.fields })) form.append(k, v);
  form.append('file', new Blob([new Uint8Array(bytes)]), opts.filename ?? 'photo.jpg');
  const res = await fetch(g.url, { method: 'POST', body: form });
  return { status: res.status, text: await res.text() };
}

/** Grant, POST, wait for processing; the upload as GET /v1/uploads/{id} shows it. */
export async function upload(api: TestApi, token: string, bytes: Buffer, purpose: UploadPurpose = 'ticket', contentType = 'image/jpeg') {
  const g = await grant(api, token, { purpose, contentType, size: bytes.length });
  const posted = await postFile(g, bytes);
  expect(posted.status, posted.text).toBe(204);
  await api.s3.idle();
  return (await api.request('GET', `/v1/uploads/${g.id}`, { token })).body as { id: string; status: string; reason?: string; width?: number; height?: number; thumbUrl?: string };
}

/**
 * A phone photo as cameras write them: stored 3000 × 2000 pixels sideways with EXIF
 * Orientation 6 (display rotated 90° clockwise), GPS coordinates and a camera serial. The
 * stored top half is red and the bottom half blue, so upright the right half is red.
 */
export async function phonePhoto(width = 3000, height = 2000): Promise<Buffer> {
  const half = Buffer.alloc(width * (height / 2) * 3);
  const red = Buffer.from(half.map((_, i) => (i % 3 === 0 ? 220 : 20)));
  const blue = Buffer.from(half.map((_, i) => (i % 3 === 2 ? 220 : 20)));
  return sharp(Buffer.concat([red, blue]), { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 90 })
    .withExif({
      IFD0: { Make: 'Civic', Model: 'Phone 12' },
      IFD2: { BodySerialNumber: 'SN-4242-SECRET' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '21/1 1/1 4200/100', GPSLongitudeRef: 'E', GPSLongitude: '105/1 51/1 1200/100' },
    })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

/** A JPEG of a given size in bytes (noise does not compress): for the size limit. */
export async function jpegOfAbout(bytes: number): Promise<Buffer> {
  const side = Math.ceil(Math.sqrt(bytes / 1.2));
  const noise = Buffer.alloc(side * side * 3);
  for (let i = 0; i < noise.length; i++) noise[i] = (i * 2654435761) >>> 24;
  const jpeg = await sharp(noise, { raw: { width: side, height: side, channels: 3 } }).jpeg({ quality: 100 }).toBuffer();
  return jpeg.length >= bytes ? jpeg : Buffer.concat([jpeg, Buffer.alloc(bytes - jpeg.length)]);
}
