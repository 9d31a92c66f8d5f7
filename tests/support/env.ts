/**
 * Runs before each test file's imports, so the module-scope SDK clients see DynamoDB Local.
 * Every file gets its own table name; files that touch data call `createTestTable()`.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, inject } from 'vitest';
import { dropTestTables } from './table-cleanup.js';

process.env.AWS_ENDPOINT_URL_DYNAMODB = inject('dynamodbEndpoint');
process.env.AWS_REGION = 'ap-southeast-1';
process.env.AWS_ACCESS_KEY_ID = 'test';
process.env.AWS_SECRET_ACCESS_KEY = 'test';
process.env.TABLE_NAME = `test-${randomUUID()}`;
process.env.MEDIA_BUCKET = 'test-media';
process.env.POWERTOOLS_LOG_LEVEL = process.env.TEST_LOG_LEVEL ?? 'SILENT';

const ownTables = process.env.TABLE_NAME;
// Registered first, so it runs after the file's own afterAll hooks (servers, stream pollers).
afterAll(() => dropTestTables(inject('dynamodbEndpoint'), ownTables));
