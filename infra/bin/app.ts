/**
 * The CDK app: `npx cdk synth` / `npx cdk deploy` (cdk.json runs this with tsx).
 * Stage settings come from context (cdk.json, or `-c stage=prod -c alarmEmail=...`); the
 * routes, stream consumers and scheduled jobs come from their shared tables. Two stacks: the
 * platform, and the web apps' hosting that reads the platform's API, Cognito and media bucket.
 */
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { onDemandJobs, scheduledJobs, streamConsumers } from '../../shared/background.js';
import { routes } from '../../shared/http/routes.js';
import { readConfig } from '../config.js';
import { ensureWebBuild, webDist } from '../../local/web-build.js';
import { CivicFeedbackStack } from '../stack.js';
import { WebStack } from '../web-stack.js';

const app = new App();
const config = readConfig(app.node);
const env = { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION };

// The web stack copies web/dist: build it first when its sources changed (as npm start does).
await ensureWebBuild((line) => console.error(line));

const platform = new CivicFeedbackStack(app, `CivicFeedback-${config.stage}`, {
  description: `civic-feedback platform (${config.stage}): HTTP API, functions, table, streams, notifications, alarms`,
  env,
  config,
  routes,
  streamConsumers,
  scheduledJobs,
  onDemandJobs,
});

new WebStack(app, `CivicFeedbackWeb-${config.stage}`, {
  description: `civic-feedback web apps (${config.stage}): CloudFront + S3 for the citizen app and the console, the API on the same origin`,
  env,
  config,
  platform,
  distDir: webDist,
});

// Every synth is checked: an unsuppressed AwsSolutions error fails `cdk synth` and `cdk deploy`.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
