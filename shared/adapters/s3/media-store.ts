/** The media bucket through the real AWS SDK: grants (presigned POST), reads, writes, presigned GETs. */
import { DeleteObjectCommand, GetObjectCommand, GetObjectTaggingCommand, NoSuchKey, PutObjectCommand } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { MediaStore } from '../../app/ports.js';
import { mediaBucket, s3 } from './client.js';

export const s3MediaStore: MediaStore = {
  async grant({ key, contentType, maxBytes, expiresSeconds }) {
    // The policy pins the key, the exact Content-Type and the size range: a presigned PUT could bound none of the size.
    const post = await createPresignedPost(s3(), {
      Bucket: mediaBucket(),
      Key: key,
      Conditions: [['content-length-range', 1, maxBytes], ['eq', '$Content-Type', contentType]],
      Fields: { 'Content-Type': contentType },
      Expires: expiresSeconds,
    });
    return { url: post.url, fields: post.fields };
  },

  async read(key) {
    try {
      const out = await s3().send(new GetObjectCommand({ Bucket: mediaBucket(), Key: key }));
      return { bytes: Buffer.from(await out.Body!.transformToByteArray()), size: out.ContentLength ?? 0 };
    } catch (error) {
      if (error instanceof NoSuchKey || (error as { name?: string }).name === 'NoSuchKey') return undefined;
      throw error;
    }
  },

  async tags(key) {
    const out = await s3().send(new GetObjectTaggingCommand({ Bucket: mediaBucket(), Key: key }));
    return Object.fromEntries((out.TagSet ?? []).map((t) => [t.Key!, t.Value!]));
  },

  async write(key, bytes, contentType) {
    await s3().send(new PutObjectCommand({ Bucket: mediaBucket(), Key: key, Body: bytes, ContentType: contentType, CacheControl: 'private, max-age=900' }));
  },

  async delete(keys) {
    // Two or three keys at most: single deletes in parallel (idempotent: an absent key is a success).
    await Promise.all(keys.map((Key) => s3().send(new DeleteObjectCommand({ Bucket: mediaBucket(), Key }))));
  },

  signedUrl(key, seconds) {
    return getSignedUrl(s3(), new GetObjectCommand({ Bucket: mediaBucket(), Key: key }), { expiresIn: seconds });
  },
};
