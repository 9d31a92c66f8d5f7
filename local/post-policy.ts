/**
 * What S3 checks on a browser-based POST upload (SigV4), for the local S3 server, which checks
 * none of it: the signature over the policy, the policy's expiry, every condition (exact
 * match, starts-with, content-length-range) and that every form field is covered by one.
 * Pure: given the form fields, the file's size, the bucket, the clock and the secret key.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-HTTPPOSTConstructPolicy.html
 */
import { createHmac } from 'node:crypto';

export interface PolicyRefusal {
  status: 400 | 403;
  code: 'AccessDenied' | 'SignatureDoesNotMatch' | 'EntityTooLarge' | 'EntityTooSmall' | 'InvalidPolicyDocument' | 'InvalidArgument';
  message: string;
}

export interface PostUpload {
  bucket: string;
  /** Form fields other than `file`, names as sent. */
  fields: Record<string, string>;
  fileSize: number;
  now: Date;
  /** The secret of the access key named in x-amz-credential; undefined: unknown key. */
  secretFor: (accessKeyId: string) => string | undefined;
}

type Condition = Record<string, string> | [string, ...unknown[]];

/** Fields S3 never asks a condition for. */
const exempt = new Set(['x-amz-signature', 'file', 'policy']);

const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data, 'utf8').digest();

export function signingKey(secret: string, date: string, region: string, service: string): Buffer {
  return hmac(hmac(hmac(hmac(`AWS4${secret}`, date), region), service), 'aws4_request');
}

export function checkPostPolicy(upload: PostUpload): PolicyRefusal | undefined {
  const field = lowerCased(upload.fields);
  const policyText = field.policy;
  if (!policyText) return { status: 403, code: 'AccessDenied', message: 'Bucket POST must contain a field named policy (anonymous uploads are refused).' };
  if (field['x-amz-algorithm'] !== 'AWS4-HMAC-SHA256') return { status: 400, code: 'InvalidArgument', message: 'x-amz-algorithm must be AWS4-HMAC-SHA256.' };

  const credential = /^([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request$/.exec(field['x-amz-credential'] ?? '');
  if (!credential) return { status: 400, code: 'InvalidArgument', message: 'x-amz-credential is malformed.' };
  const [, accessKeyId, date, region, service] = credential as unknown as [string, string, string, string, string];
  const secret = upload.secretFor(accessKeyId);
  if (!secret) return { status: 403, code: 'AccessDenied', message: 'The AWS Access Key Id you provided does not exist in our records.' };
  const expected = createHmac('sha256', signingKey(secret, date, region, service)).update(policyText, 'utf8').digest('hex');
  if (expected !== field['x-amz-signature']) return { status: 403, code: 'SignatureDoesNotMatch', message: 'The request signature we calculated does not match the signature you provided.' };

  let policy: { expiration?: string; conditions?: Condition[] };
  try {
    policy = JSON.parse(Buffer.from(policyText, 'base64').toString('utf8'));
  } catch {
    return { status: 400, code: 'InvalidPolicyDocument', message: 'Invalid Policy: Invalid JSON.' };
  }
  const expiration = Date.parse(policy.expiration ?? '');
  if (Number.isNaN(expiration)) return { status: 400, code: 'InvalidPolicyDocument', message: 'Invalid Policy: no expiration.' };
  if (upload.now.getTime() >= expiration) return { status: 403, code: 'AccessDenied', message: 'Invalid according to Policy: Policy expired.' };

  const values: Record<string, string> = { ...field, bucket: upload.bucket };
  const covered = new Set<string>();
  for (const condition of policy.conditions ?? []) {
    const refusal = checkCondition(condition, values, upload.fileSize, covered);
    if (refusal) return refusal;
  }
  for (const name of Object.keys(field)) {
    if (exempt.has(name) || name.startsWith('x-ignore-') || covered.has(name)) continue;
    return { status: 403, code: 'AccessDenied', message: `Invalid according to Policy: Extra input fields: ${name}` };
  }
  return undefined;
}

function checkCondition(condition: Condition, values: Record<string, string>, fileSize: number, covered: Set<string>): PolicyRefusal | undefined {
  const failed = (what: string): PolicyRefusal => ({ status: 403, code: 'AccessDenied', message: `Invalid according to Policy: Policy Condition failed: ${what}` });
  if (!Array.isArray(condition)) {
    for (const [name, value] of Object.entries(condition)) {
      const key = name.toLowerCase();
      covered.add(key);
      if (values[key] !== value) return failed(JSON.stringify(['eq', `$${name}`, value]));
    }
    return undefined;
  }
  const [op, a, b] = condition;
  if (op === 'content-length-range') {
    const [min, max] = [Number(a), Number(b)];
    if (fileSize > max) return { status: 400, code: 'EntityTooLarge', message: 'Your proposed upload exceeds the maximum allowed size.' };
    if (fileSize < min) return { status: 400, code: 'EntityTooSmall', message: 'Your proposed upload is smaller than the minimum allowed size.' };
    return undefined;
  }
  const name = String(a).replace(/^\$/, '').toLowerCase();
  covered.add(name);
  const actual = values[name] ?? '';
  if (op === 'eq' && actual !== String(b)) return failed(JSON.stringify(condition));
  if (op === 'starts-with' && !actual.startsWith(String(b))) return failed(JSON.stringify(condition));
  if (op !== 'eq' && op !== 'starts-with') return { status: 400, code: 'InvalidPolicyDocument', message: `Invalid Policy: unknown condition ${String(op)}.` };
  return undefined;
}

function lowerCased(fields: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k.toLowerCase(), v]));
}
