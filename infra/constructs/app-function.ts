/**
 * One Lambda function with the project's defaults: nodejs24.x on arm64, bundled by the local
 * esbuild with the shared settings of infra/bundling.ts, its own log group, Powertools env,
 * and a least-privilege role (logs to its own group only; table access granted by bindTable).
 */
import { existsSync, readFileSync } from 'node:fs';
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

export type FunctionKind = 'http' | 'stream' | 'job' | 'event';
export type TableAccess = 'RO' | 'RW';

/** Per kind: memory and timeout. HTTP stays well under API Gateway's 30 s integration limit. */
const sizing: Record<FunctionKind, { memorySize: number; timeout: Duration }> = {
  http: { memorySize: 512, timeout: Duration.seconds(10) },
  stream: { memorySize: 512, timeout: Duration.seconds(60) },
  job: { memorySize: 512, timeout: Duration.minutes(5) },
  // Photo processing: libvips decodes a 12 MP JPEG in ~100 MB; memory also buys CPU (bench: processing).
  event: { memorySize: 1536, timeout: Duration.minutes(1) },
};

/**
 * Native packages a kind needs: left out of the esbuild bundle and installed into the asset for
 * Lambda's platform (linux, arm64, glibc) whatever machine synthesizes, with npm's own
 * --os/--cpu/--libc selection of optional dependencies (sharp's @img/sharp-linux-arm64 and
 * @img/sharp-libvips-linux-arm64). No Docker.
 */
const nativeModules: Record<FunctionKind, string[]> = { http: [], stream: [], job: [], event: ['sharp'] };

function installNative(modules: string[]): string[] {
  if (modules.length === 0) return [];
  const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  const specs = modules.map((m) => {
    const version = pkg.dependencies[m];
    if (!version) throw new Error(`native module ${m} must be a pinned dependency in package.json`);
    return `${m}@${version}`;
  });
  return [`npm install --no-save --no-package-lock --no-audit --no-fund --ignore-scripts --os=linux --cpu=arm64 --libc=glibc ${specs.join(' ')}`];
}

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
  /** Instead of the kind's default. */
  timeout?: Duration;
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
    const { memorySize } = sizing[props.kind];
    const timeout = props.timeout ?? sizing[props.kind].timeout;
    const native = nativeModules[props.kind];

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
        externalModules: [...bundling.external, ...native],
        banner: bundling.banner,
        forceDockerBundling: false,
        ...(native.length
          ? {
              commandHooks: {
                beforeBundling: () => [],
                beforeInstall: () => [],
                // A package.json of its own first: without one npm would climb to the repository and install there.
                afterBundling: (_inputDir: string, outputDir: string) => [`cd "${outputDir}" && echo '{"private":true}' > package.json && ${installNative(native).join(' && ')}`],
              },
            }
          : {}),
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

  /** Updates of items whose partition key begins with `prefix` only (IAM's dynamodb:LeadingKeys). */
  allowUpdatesOf(table: ITable, prefix: string): void {
    this.addToRolePolicy(
      new PolicyStatement({
        sid: 'UpdateOwnItemsOnly',
        actions: ['dynamodb:UpdateItem'],
        resources: [table.tableArn],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [`${prefix}*`] } },
      }),
    );
  }

  /** Puts of items whose partition key begins with `prefix` only: appends to a log, no other write. */
  allowAppendsOf(table: ITable, prefix: string): void {
    this.addToRolePolicy(
      new PolicyStatement({
        sid: 'AppendAccessRecordOnly',
        actions: ['dynamodb:PutItem', 'dynamodb:BatchWriteItem'],
        resources: [table.tableArn],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [`${prefix}*`] } },
      }),
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
