/** The local S3's POST-policy check refuses what S3 refuses: signature, expiry, size range, exact fields. */
import { S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkPostPolicy, type PostUpload } from '../../../local/post-policy.js';

const credentials = { accessKeyId: 'AKIDLOCAL', secretAccessKey: 'local-secret' };
const client = new S3Client({ region: 'ap-southeast-1', credentials, endpoint: 'http://127.0.0.1:4568', forcePathStyle: true });
let fields: Record<string, string>;
const signedAt = Date.now();

beforeAll(async () => {
  const post = await createPresignedPost(client, {
    Bucket: 'media',
    Key: 'incoming/01KBX00000000000000000000A',
    Conditions: [['content-length-range', 1, 1000], ['eq', '$Content-Type', 'image/jpeg']],
    Fields: { 'Content-Type': 'image/jpeg' },
    Expires: 300,
  });
  fields = post.fields;
});

const check = (over: Partial<PostUpload> & { set?: Record<string, string> } = {}) =>
  checkPostPolicy({
    bucket: 'media',
    fileSize: 500,
    now: new Date(signedAt + 1000),
    secretFor: (id) => (id === credentials.accessKeyId ? credentials.secretAccessKey : undefined),
    ...over,
    fields: { ...fields, ...over.set },
  });

describe('checkPostPolicy', () => {
  it('accepts what the SDK granted, within the range and the lifetime', () => {
    expect(check()).toBeUndefined();
    expect(check({ fileSize: 1 })).toBeUndefined();
    expect(check({ fileSize: 1000 })).toBeUndefined();
  });

  it('refuses a file outside content-length-range', () => {
    expect(check({ fileSize: 1001 })).toMatchObject({ status: 400, code: 'EntityTooLarge' });
    expect(check({ fileSize: 0 })).toMatchObject({ status: 400, code: 'EntityTooSmall' });
  });

  it('refuses another Content-Type or another key', () => {
    expect(check({ set: { 'Content-Type': 'image/png' } })).toMatchObject({ status: 403, code: 'AccessDenied', message: expect.stringContaining('$Content-Type') });
    expect(check({ set: { key: 'media/other/full.jpg' } })).toMatchObject({ status: 403, code: 'AccessDenied' });
  });

  it('refuses once the policy has expired', () => {
    expect(check({ now: new Date(signedAt + 301_000) })).toMatchObject({ status: 403, message: 'Invalid according to Policy: Policy expired.' });
  });

  it('refuses a changed policy, a wrong signature, an unknown key id, no policy at all', () => {
    const policy = JSON.parse(Buffer.from(fields.Policy!, 'base64').toString('utf8'));
    policy.conditions = policy.conditions.map((c: unknown) => (Array.isArray(c) && c[0] === 'content-length-range' ? ['content-length-range', 1, 10 ** 9] : c));
    expect(check({ set: { Policy: Buffer.from(JSON.stringify(policy)).toString('base64') }, fileSize: 5000 })).toMatchObject({ status: 403, code: 'SignatureDoesNotMatch' });
    expect(check({ set: { 'X-Amz-Signature': '0'.repeat(64) } })).toMatchObject({ code: 'SignatureDoesNotMatch' });
    expect(check({ secretFor: () => undefined })).toMatchObject({ status: 403, code: 'AccessDenied' });
    const { Policy: _p, ...anonymous } = fields;
    expect(checkPostPolicy({ bucket: 'media', fileSize: 10, now: new Date(), secretFor: () => 'x', fields: anonymous })).toMatchObject({ status: 403 });
  });

  it('refuses fields no condition covers, and another bucket', () => {
    expect(check({ set: { 'x-amz-meta-owner': 'me' } })).toMatchObject({ status: 403, message: expect.stringContaining('Extra input fields') });
    expect(check({ set: { 'x-ignore-note': 'fine' } })).toBeUndefined();
    expect(check({ bucket: 'another' })).toMatchObject({ status: 403, code: 'AccessDenied' });
  });
});
