/**
 * The HTTP route functions live in nested stacks, so the root stack's resource count no longer
 * grows with the route table (CloudFormation allows 500 resources per template). Each nested
 * stack holds, for its functions: the function, its role and policy, its own log group, and for
 * each of their routes the route, its integration and its invoke permission. Grouping is by the
 * tag of the first route naming a function, in route-table order, at most
 * `maxFunctionsPerRouteStack` functions per stack (`RoutesTickets`, `RoutesTickets2`, ...).
 * See docs/decisions/infra-route-stacks.md.
 */
import { CfnParameter, NestedStack } from 'aws-cdk-lib';
import { Table } from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import type { Route } from '../../shared/http/routes.js';
import type { StageConfig } from '../config.js';
import { AppFunction, constructIdFor, type TableAccess } from './app-function.js';
import { bindMediaUser, type Media } from './media.js';
import type { Api } from './http-api.js';

/**
 * Per function a stack spends about 4 resources (function, role, policy, log group) plus 3 per
 * route (route, integration, permission): 40 functions stay near 300, well under 450.
 */
export const maxFunctionsPerRouteStack = 40;

export interface RouteGroup {
  /** Construct id of the nested stack: `Routes<Tag>`, then `Routes<Tag>2`, ... */
  id: string;
  tag: string;
  /** Entry modules, in route-table order. */
  functions: string[];
  routes: Route[];
}

/**
 * Deterministic and append-friendly: a new route at the end of its tag's routes never moves an
 * existing function to another stack (moving one is a replacement; see the decision record).
 */
export function routeGroups(routes: readonly Route[], maxFunctions = maxFunctionsPerRouteStack): RouteGroup[] {
  const tagOf = new Map<string, string>();
  for (const route of routes) if (!tagOf.has(route.fn)) tagOf.set(route.fn, route.tags[0] ?? 'untagged');
  const byTag = new Map<string, string[]>();
  for (const [fn, tag] of tagOf) byTag.set(tag, [...(byTag.get(tag) ?? []), fn]);
  const groups: RouteGroup[] = [];
  for (const [tag, fns] of byTag) {
    for (let i = 0; i < fns.length; i += maxFunctions) {
      const functions = fns.slice(i, i + maxFunctions);
      const chunk = i / maxFunctions;
      groups.push({
        id: `Routes${constructIdFor(tag)}${chunk === 0 ? '' : chunk + 1}`,
        tag,
        functions,
        routes: routes.filter((r) => functions.includes(r.fn)),
      });
    }
  }
  return groups;
}

export interface RouteStackProps {
  config: StageConfig;
  group: RouteGroup;
  accessOf: (fn: string) => TableAccess;
  /** Read-only functions that append to the access record. */
  appendsAccessOf?: (fn: string) => boolean;
  /** What a function does with the media bucket (signs upload grants or photo URLs), if anything. */
  mediaOf: (fn: string) => 'grant' | 'read' | 'sweep' | 'process' | undefined;
  entryFor: (fn: string) => string;
  table: Table;
  media: Media;
  api: Api;
}

export class RouteStack extends NestedStack {
  readonly functions = new Map<string, AppFunction>();

  constructor(scope: Construct, id: string, props: RouteStackProps) {
    super(scope, id, {
      description: `civic-feedback ${props.config.stage}: functions and routes of the HTTP API tagged ${props.group.tag}`,
      parameters: { TableName: props.table.tableName, TableArn: props.table.tableArn, MediaBucketName: props.media.bucket.bucketName, MediaBucketArn: props.media.bucket.bucketArn },
    });
    // Explicit parameters (not CDK's generated reference names) keep the grants, and the cdk-nag
    // finding id they produce, readable: `<TableArn>/index/*`.
    const tableName = new CfnParameter(this, 'TableName', { type: 'String', description: 'The single table' });
    const tableArn = new CfnParameter(this, 'TableArn', { type: 'String', description: 'ARN of the single table' });
    // An imported table grants nothing on its indexes unless told: the queries need index/*.
    const table = Table.fromTableAttributes(this, 'Table', { tableArn: tableArn.valueAsString, grantIndexPermissions: true });

    const bucketName = new CfnParameter(this, 'MediaBucketName', { type: 'String', description: 'The media bucket' });
    const bucketArn = new CfnParameter(this, 'MediaBucketArn', { type: 'String', description: 'ARN of the media bucket' });
    const bucket = { name: bucketName.valueAsString, arn: bucketArn.valueAsString, arnRef: this.resolve(bucketArn.logicalId) as string };

    for (const fn of props.group.functions) {
      const f = new AppFunction(this, constructIdFor(fn), { fn, kind: 'http', config: props.config, entry: props.entryFor(fn) });
      f.bindTable(table, props.accessOf(fn), { tableName: tableName.valueAsString, tableArnParameter: this.resolve(tableArn.logicalId) as string });
      if (props.accessOf(fn) === 'RO' && props.appendsAccessOf?.(fn)) f.allowAppendsOf(table, 'ACCESS');
      const media = props.mediaOf(fn);
      if (media === 'grant' || media === 'read') bindMediaUser(f, media, bucket, props.media.keyPrefix);
      this.functions.set(fn, f);
    }
    for (const route of props.group.routes) props.api.addRoute(this, route, this.functions.get(route.fn)!);
  }
}
