/**
 * The CDK app: `npx cdk synth` / `npx cdk deploy` (cdk.json runs this with tsx).
 * Stage settings come from context (cdk.json, or `-c stage=prod -c alarmEmail=...`); the
 * routes, stream consumers and scheduled jobs come from their shared tables.
 */
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { onDemandJobs, scheduledJobs, streamConsumers } from '../../shared/background.js';
import { routes } from '../../shared/http/routes.js';
import { readConfig } from '../config.js';
import { CivicFeedbackStack } from '../stack.js';

const app = new App();
const config = readConfig(app.node);

new CivicFeedbackStack(app, `CivicFeedback-${config.stage}`, {
  description: `civic-feedback platform (${config.stage}): HTTP API, functions, table, streams, notifications, alarms`,
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
  config,
  routes,
  streamConsumers,
  scheduledJobs,
  onDemandJobs,
});

// Every synth is checked: an unsuppressed AwsSolutions error fails `cdk synth` and `cdk deploy`.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
