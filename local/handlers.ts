/** Loads a function's entry module by its route-table name, once per process. */
import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';
import type { Route } from '../shared/http/routes.js';

const cache = new Map<string, Promise<Record<string, any>>>();

export function loadFunction(fn: Route['fn'] | string): Promise<Record<string, any>> {
  let loaded = cache.get(fn);
  if (!loaded) {
    loaded = import(new URL(`../functions/${fn}.ts`, import.meta.url).href);
    cache.set(fn, loaded);
  }
  return loaded;
}

/** A Lambda context for one local invocation of `fn`. */
export function lambdaContext(fn: string, timeoutMs: number): Context {
  const name = fn.replace('/', '-');
  const deadline = Date.now() + timeoutMs;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: name,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${name}`,
    memoryLimitInMB: '1024',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${name}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => deadline - Date.now(),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}
