/**
 * Builds the stack the way `npx cdk synth` does (cdk.json's context), from the real route
 * table and background lists plus test-local consumers and jobs, so consumers, publishers and
 * schedules are covered whatever the real lists hold today. Bundling is skipped here; one test
 * (bundling.test.ts) bundles for real.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { scheduledJobs, streamConsumers, type ScheduledJob, type StreamConsumer } from '../../shared/background.js';
import { routes } from '../../shared/http/routes.js';
import { defaultEntry } from '../../infra/constructs/app-function.js';
import { readConfig } from '../../infra/config.js';
import { repoRoot } from '../../infra/paths.js';
import { CivicFeedbackStack } from '../../infra/stack.js';

export const cdkContext: Record<string, unknown> = JSON.parse(readFileSync(join(repoRoot, 'cdk.json'), 'utf8')).context;

const fixtures = join(repoRoot, 'tests', 'infra', 'fixtures', 'functions');

/** Test-local entries: fixture files stand in for functions that may not exist yet. */
export const testConsumers: StreamConsumer[] = [
  { id: 'fixtureCounter', fn: 'streams/fixture-consumer', insertsWithSkPrefix: 'EVENT#', batchSize: 100 },
  { id: 'fixtureNotifier', fn: 'streams/fixture-publisher', insertsWithSkPrefix: 'EVENT#', batchSize: 25, publishes: true },
];
export const testJobs: ScheduledJob[] = [{ id: 'fixtureSweep', fn: 'jobs/fixture-job', everyMinutes: 15 }];

export const entryFor = (fn: string) => (/^(streams|jobs)\/fixture-/.test(fn) ? join(fixtures, `${fn}.ts`) : defaultEntry(fn));

export interface BuildOptions {
  context?: Record<string, unknown>;
  bundle?: boolean;
}

/**
 * CDK's built-in CloudFormation schema validation runs on synthesis, made strict here: a
 * property CloudFormation would reject fails the test instead of printing a warning.
 */
export function buildStack(opts: BuildOptions = {}) {
  const app = new App({
    context: {
      ...cdkContext,
      '@aws-cdk/core:strictCfnValidateErrors': true,
      ...(opts.bundle ? {} : { 'aws:cdk:bundling-stacks': [] }),
      ...opts.context,
    },
  });
  const config = readConfig(app.node);
  const consumers = [...streamConsumers, ...testConsumers];
  const jobs = [...scheduledJobs, ...testJobs];
  const stack = new CivicFeedbackStack(app, `CivicFeedback-${config.stage}`, {
    config,
    routes,
    streamConsumers: consumers,
    scheduledJobs: jobs,
    entryFor,
  });
  return { app, stack, config, routes, consumers, jobs };
}
