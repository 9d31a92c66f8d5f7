/**
 * One Lambda function with the project's defaults: nodejs24.x on arm64, bundled by the local
 * esbuild with the shared settings of infra/bundling.ts, its own log group, Powertools env,
 * and a least-privilege role (logs to its own group only; table access granted by bindTable).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type CfnElement, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { acknowledge } from '../nag.js';
import { bundling } from '../bundling.js';
import { metricsNamespace, serviceName, type StageConfig } from '../config.js';
import { repoRoot } from '../paths.js';

export type FunctionKind = 'http' | 'stream' | 'job';
export type TableAccess = 'RO' | 'RW';

/** Per kind: memory and timeout. HTTP stays well under API Gateway's 30 s integration limit. */
const sizing: Record<FunctionKind, { memorySize: number; timeout: Duration }> = {
  http: { memorySize: 512, timeout: Duration.seconds(10) },
  stream: { memorySize: 512, timeout: Duration.seconds(60) },
  job: { memorySize: 512, timeout: Duration.minutes(5) },
};

const formats = { esm: OutputFormat.ESM, cjs: OutputFormat.CJS } as const;

/** `http/create-ticket` → `HttpCreateTicket`: a stable construct id per entry module. */
export function constructIdFor(fn: string): string {
  return fn
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
}

/** The entry file of `fn` (functions/<fn>.ts); it must exist, or synthesis fails loudly. */
export function defaultEntry(fn: string): string {
  return join(repoRoot, 'functions', `${fn}.ts`);
}

export interface AppFunctionProps {
  /** Entry module under functions/, without extension. */
  fn: string;
  kind: FunctionKind;
  config: StageConfig;
  /** Overrides where the entry file is found (tests use fixtures). */
  entry?: string;
  environment?: Record<string, string>;
}

export class AppFunction extends NodejsFunction {
  readonly fn: string;
  readonly kind: FunctionKind;
  /** This function's own log group (explicit, with retention). */
  readonly ownLogGroup: LogGroup;

  constructor(scope: Construct, id: string, props: AppFunctionProps) {
    const entry = props.entry ?? defaultEntry(props.fn);
    if (!existsSync(entry)) throw new Error(`function ${props.fn}: entry file ${entry} does not exist`);
    const retention = props.config.logRetentionDays as RetentionDays;
    if (!Object.values(RetentionDays).includes(retention)) {
      throw new Error(`context logRetentionDays: ${props.config.logRetentionDays} is not a CloudWatch Logs retention (1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, ...)`);
    }
    // Created before super() can run, so build them on a sibling scope named after this function.
    const support = new Construct(scope, `${id}Support`);
    const logGroup = new LogGroup(support, 'LogGroup', { retention, removalPolicy: RemovalPolicy.DESTROY });
    const role = new Role(support, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Runs functions/${props.fn}`,
    });
    const { memorySize, timeout } = sizing[props.kind];

    super(scope, id, {
      entry,
      handler: 'handler',
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize,
      timeout,
      role,
      logGroup,
      projectRoot: repoRoot,
      depsLockFilePath: join(repoRoot, 'package-lock.json'),
      description: `functions/${props.fn}`,
      environment: {
        TABLE_NAME: '', // set by bindTable
        POWERTOOLS_SERVICE_NAME: serviceName,
        POWERTOOLS_LOG_LEVEL: props.config.powertoolsLogLevel,
        POWERTOOLS_METRICS_NAMESPACE: metricsNamespace,
        NODE_OPTIONS: '--enable-source-maps',
        ...props.environment,
      },
      bundling: {
        format: formats[bundling.format],
        target: bundling.target,
        minify: bundling.minify,
        sourceMap: bundling.sourcemap,
        mainFields: [...bundling.mainFields],
        externalModules: [...bundling.external],
        banner: bundling.banner,
        forceDockerBundling: false,
      },
    });
    this.fn = props.fn;
    this.kind = props.kind;
    this.ownLogGroup = logGroup;

    // Logs go to this function's own group only (instead of the AWSLambdaBasicExecutionRole managed policy).
    role.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [logGroup.logGroupArn] }),
    );
  }

  /**
   * Least-privilege table access: read-only or read-write, and TABLE_NAME in env. A function in
   * a nested stack sees the table through parameters: `viaParameters` gives the name to put in
   * env and the ARN parameter's id, which is how the template (and so cdk-nag's finding) spells it.
   */
  bindTable(table: ITable, access: TableAccess, viaParameters?: { tableName: string; tableArnParameter: string }): void {
    if (access === 'RO') table.grantReadData(this);
    else table.grantReadWriteData(this);
    this.addEnvironment('TABLE_NAME', viaParameters?.tableName ?? table.tableName);
    // The index/* finding names this table's ARN as the template spells it, so the acknowledgement is exact.
    const arnRef = viaParameters?.tableArnParameter ?? `${Stack.of(table).getLogicalId(table.node.defaultChild as CfnElement)}.Arn`;
    acknowledge(
      this.role!,
      `AwsSolutions-IAM5[Resource::<${arnRef}>/index/*]`,
      'Queries on the single table use its GSIs (named in the shared table definition); the wildcard is the index/* suffix of this one table ARN, nothing wider.',
    );
  }
}
