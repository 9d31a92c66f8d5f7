/**
 * One SNS client per process. The endpoint comes from the SDK's own `AWS_ENDPOINT_URL_SNS`, so
 * the same bundle talks to AWS or LocalStack. The SDK retries throttling and 5xx itself.
 */
import { SNSClient } from '@aws-sdk/client-sns';

export const sns = new SNSClient({ maxAttempts: 3 });
