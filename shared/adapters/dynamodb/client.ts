/**
 * One DynamoDB document client per process. The endpoint comes from the SDK's own
 * `AWS_ENDPOINT_URL_DYNAMODB`, so the same bundle talks to AWS, LocalStack or DynamoDB Local.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export const dynamo = new DynamoDBClient({});

export const documentClient = DynamoDBDocumentClient.from(dynamo, {
  marshallOptions: { removeUndefinedValues: true },
});
