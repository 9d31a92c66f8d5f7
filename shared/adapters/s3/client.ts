/**
 * One S3 client per process, made on first use. The endpoint comes from the SDK's own
 * `AWS_ENDPOINT_URL_S3`, so the same bundle talks to AWS, LocalStack or the local S3 server;
 * any custom endpoint is addressed path-style (bucket in the path), which those servers
 * understand. First use rather than import time: the local runtime and the tests pick the
 * local server's port after the handlers are loaded.
 */
import { S3Client } from '@aws-sdk/client-s3';

let client: S3Client | undefined;

export function s3(): S3Client {
  client ??= new S3Client({
    forcePathStyle: Boolean(process.env.AWS_ENDPOINT_URL_S3),
    // Checksums only where S3 requires them: local servers do not all speak the trailer format.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  return client;
}

export function mediaBucket(): string {
  const name = process.env.MEDIA_BUCKET;
  if (!name) throw new Error('MEDIA_BUCKET is not set');
  return name;
}
