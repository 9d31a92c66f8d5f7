/**
 * Builds the stack the way `npx cdk synth` does (cdk.json's context), from the real route
 * table and background lists plus test-local consumers and jobs, so consumers, publishers and
 * schedules are covered whatever the real lists hold today. Bundling is skipped here; one test
 * (bundling.test.ts) bundles for real.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, type CfnElement, NestedStack, type Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { onDemandJobs, scheduledJobs, streamConsumers, type ScheduledJob, type StreamConsumer } from '../../shared/background.js';
import { routes as realRoutes, type Route } from '../../shared/http/routes.js';
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

export const entryFor = (fn: string) =>
  /^http\/fixture-/.test(fn) ? join(fixtures, 'http', 'fixture-route.ts') : /^(streams|jobs)\/fixture-/.test(fn) ? join(fixtures, `${fn}.ts`) : defaultEntry(fn);

export interface BuildOptions {
  context?: Record<string, unknown>;
  bundle?: boolean;
  /** Defaults to the real route table. */
  routes?: readonly Route[];
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
  const routes = opts.routes ?? realRoutes;
  const consumers = [...streamConsumers, ...testConsumers];
  const jobs = [...scheduledJobs, ...testJobs];
  const stack = new CivicFeedbackStack(app, `CivicFeedback-${config.stage}`, {
    config,
    routes,
    streamConsumers: consumers,
    scheduledJobs: jobs,
    onDemandJobs,
    entryFor,
  });
  return { app, stack, config, routes, consumers, jobs, onDemandJobs };
}

export type Resource = { Type: string; Properties: Record<string, any>; DeletionPolicy?: string; UpdateReplacePolicy?: string; DependsOn?: string[] };

export interface SynthesizedTemplate {
  stack: Stack;
  template: Template;
  resources: Record<string, Resource>;
}

/** The root stack's template and each nested stack's, root first. */
export function templatesOf(root: Stack): SynthesizedTemplate[] {
  const stacks = [root, ...root.node.findAll().filter((c): c is NestedStack => NestedStack.isNestedStack(c))];
  return stacks.map((stack) => {
    const template = Template.fromStack(stack);
    return { stack, template, resources: template.toJSON().Resources ?? {} };
  });
}

/**
 * Every resource of the root and nested templates in one map, with references across templates
 * followed to what they stand for: a nested stack's parameter becomes the value its parent
 * passes in, a parent's `Fn::GetAtt [NestedStack, Outputs.X]` becomes the nested output's value.
 * So `{ Ref: <table id> }` means the table whichever template holds the reference, and the
 * assertions read as they would on one template. Logical ids must be unique across templates.
 */
export function flattenedResources(root: Stack): Record<string, Resource> {
  const templates = templatesOf(root);
  const jsonOf = new Map(templates.map((t) => [t.stack, t.template.toJSON()]));
  const nestedByResourceId = (stack: Stack) =>
    new Map(templates.filter((t) => t.stack.nestedStackParent === stack).map((t) => [stack.getLogicalId(t.stack.nestedStackResource as CfnElement), t.stack]));

  const resolve = (stack: Stack, value: unknown): unknown => {
    if (Array.isArray(value)) return value.map((v) => resolve(stack, v));
    if (value === null || typeof value !== 'object') return value;
    const entries = Object.entries(value);
    if (entries.length === 1) {
      const [[fn, arg]] = entries as [[string, any]];
      const parent = stack.nestedStackParent;
      if (fn === 'Ref' && parent && jsonOf.get(stack)!.Parameters?.[arg]) {
        const passed = jsonOf.get(parent)!.Resources[parent.getLogicalId(stack.nestedStackResource as CfnElement)].Properties.Parameters?.[arg];
        if (passed === undefined) throw new Error(`${stack.node.path}: parameter ${arg} is not passed by its parent`);
        return resolve(parent, passed);
      }
      if (fn === 'Fn::GetAtt' && typeof arg[1] === 'string' && arg[1].startsWith('Outputs.')) {
        const child = nestedByResourceId(stack).get(arg[0]);
        if (child) return resolve(child, jsonOf.get(child)!.Outputs[arg[1].slice('Outputs.'.length)].Value);
      }
    }
    return Object.fromEntries(entries.map(([k, v]) => [k, resolve(stack, v)]));
  };

  const all: Record<string, Resource> = {};
  for (const t of templates) {
    for (const [id, r] of Object.entries(t.resources)) {
      if (all[id]) throw new Error(`logical id ${id} is in two templates (${t.stack.node.path})`);
      all[id] = resolve(t.stack, r) as Resource;
    }
  }
  return all;
}
