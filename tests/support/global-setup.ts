/** One DynamoDB Local for the whole run, on a free port; each test file makes its own table. */
import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal } from '../../local/dynamodb-local.js';
import { freePort } from '../../local/free-port.js';
import { ensureWebBuild } from '../../local/web-build.js';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamodbEndpoint: string;
    /** Set when web/ failed to build: the browser tests fail with it, the rest still run. */
    webBuildError: string;
  }
}

export default async function setup(project: TestProject) {
  // The local server serves web/dist: a fresh clone (or changed web sources) builds it once here.
  try {
    await ensureWebBuild();
    project.provide('webBuildError', '');
  } catch (error) {
    project.provide('webBuildError', error instanceof Error ? error.message : String(error));
  }
  const dynamodb = await startDynamoDbLocal({ port: await freePort(), timeoutMs: 60_000 });
  project.provide('dynamodbEndpoint', dynamodb.endpoint);
  return () => dynamodb.stop();
}
