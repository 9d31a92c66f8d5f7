import { uploadProcessor } from '../shared/background.js';
import { lambdaContext, loadFunction } from './handlers.js';
import { startLocalS3, type LocalS3 } from './s3-local.js';

/** The local S3 with the upload processor on its object-created events, as S3 notifications call it on AWS. */
export function startProcessingS3(opts: { port: number; bucket: string; dataDir?: string; clock?: () => Date }): Promise<LocalS3> {
  return startLocalS3({
    ...opts,
    credentials: { accessKeyId: process.env.AWS_ACCESS_KEY_ID!, secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY! },
    notify: {
      prefix: uploadProcessor.keyPrefix,
      handler: async (event) => (await loadFunction(uploadProcessor.fn)).handler(event, lambdaContext(uploadProcessor.fn, 60_000)),
    },
  });
}
