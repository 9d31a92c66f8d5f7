/**
 * The HTTP API, generated from the route table (shared/http/routes.ts): one Lambda integration
 * per route (added by the route stacks, next to their functions), the JWT authorizer (Cognito) on every route whose auth is not 'public', access
 * logs, CORS from context, stage-wide throttling and stricter limits on ticket submission.
 * Roles are checked by each handler (JWT authorizers check scopes, not groups).
 */
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { CfnStage, CorsHttpMethod, HttpApi, HttpMethod, HttpRoute, HttpRouteKey, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { acknowledge } from '../nag.js';
import type { Route } from '../../shared/http/routes.js';
import type { StageConfig } from '../config.js';
import type { AppFunction } from './app-function.js';

/** The route whose throttling is stricter (ticket submission: spam, cost, SMS fan-out). */
export const submitRouteKey = 'POST /v1/tickets';

export function routeKey(route: Pick<Route, 'method' | 'path'>): string {
  return `${route.method} ${route.path}`;
}

export interface HttpApiProps {
  config: StageConfig;
  /** Every route the API will carry (CORS allows their methods); each is added by addRoute. */
  routes: readonly Route[];
  jwtIssuer: string;
  jwtAudience: string[];
}

export class Api extends Construct {
  readonly httpApi: HttpApi;
  readonly stage: HttpStage;
  readonly accessLogs: LogGroup;
  readonly routesByKey = new Map<string, HttpRoute>();
  private readonly authorizer: HttpJwtAuthorizer;
  private readonly config: StageConfig;

  constructor(scope: Construct, id: string, props: HttpApiProps) {
    super(scope, id);
    const { config } = props;
    this.config = config;
    for (const route of props.routes) {
      if (route.path === '/dev' || route.path.startsWith('/dev/')) throw new Error(`route ${route.id}: /dev routes are local-only and never deployed`);
    }

    const methods = [...new Set(props.routes.map((r) => r.method))] as CorsHttpMethod[];
    this.httpApi = new HttpApi(this, 'HttpApi', {
      description: `civic-feedback API (${config.stage})`,
      createDefaultStage: false,
      ...(config.corsOrigins.length > 0
        ? {
            corsPreflight: {
              allowOrigins: config.corsOrigins,
              allowMethods: [...methods, CorsHttpMethod.OPTIONS],
              allowHeaders: ['authorization', 'content-type', 'idempotency-key'],
              exposeHeaders: ['location'],
              maxAge: Duration.hours(1),
            },
          }
        : {}),
    });

    this.accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: config.logRetentionDays as RetentionDays,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: config.throttle,
      accessLogSettings: {
        destination: new LogGroupLogDestination(this.accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            ip: '$context.identity.sourceIp',
            requestTime: '$context.requestTime',
            routeKey: '$context.routeKey',
            status: '$context.status',
            protocol: '$context.protocol',
            responseLength: '$context.responseLength',
            latency: '$context.responseLatency',
            integrationLatency: '$context.integrationLatency',
            integrationError: '$context.integrationErrorMessage',
            authorizerError: '$context.authorizer.error',
            userAgent: '$context.identity.userAgent',
          }),
        ),
      },
    });

    this.authorizer = new HttpJwtAuthorizer('CognitoJwt', props.jwtIssuer, {
      jwtAudience: props.jwtAudience,
      identitySource: ['$request.header.Authorization'],
    });
  }

  /**
   * One route with its Lambda integration and invoke permission, all three in `scope` (the
   * route's function's stack, so a route costs its own stack resources, not the API's). The JWT
   * authorizer binds once, under the HTTP API.
   */
  addRoute(scope: Construct, route: Route, fn: AppFunction): HttpRoute {
    const key = routeKey(route);
    if (route.path === '/dev' || route.path.startsWith('/dev/')) throw new Error(`route ${route.id}: /dev routes are local-only and never deployed`);
    if (this.routesByKey.has(key)) throw new Error(`route ${route.id}: ${key} is declared twice`);
    const isPublic = route.auth === 'public';
    const httpRoute = new HttpRoute(scope, `${route.id}Route`, {
      httpApi: this.httpApi,
      routeKey: HttpRouteKey.with(route.path, route.method as HttpMethod),
      integration: new HttpLambdaIntegration(`${route.id}Integration`, fn),
      ...(isPublic ? {} : { authorizer: this.authorizer }),
    });
    this.routesByKey.set(key, httpRoute);
    if (isPublic) {
      acknowledge(
        httpRoute,
        'AwsSolutions-APIG4',
        `${key} is public by design (auth 'public' in the route table: health, the OpenAPI document, public reference data, Open311 reads; Open311 POST checks its api_key form field in the handler, rate-limited per key); throttled at the stage.`,
      );
    }
    if (key === submitRouteKey) this.limitSubmission(httpRoute);
    return httpRoute;
  }

  /**
   * Stricter limits on ticket submission. A stage's route settings may only name routes that
   * already exist, hence the dependency (on the route's nested stack when it lives in one).
   */
  private limitSubmission(submit: HttpRoute): void {
    const cfnStage = this.stage.node.defaultChild as CfnStage;
    cfnStage.routeSettings = {
      [submitRouteKey]: {
        // A JSON property: CloudFormation's own casing.
        ThrottlingRateLimit: this.config.submitThrottle.rateLimit,
        ThrottlingBurstLimit: this.config.submitThrottle.burstLimit,
      },
    };
    cfnStage.node.addDependency(submit);
  }

  get url(): string {
    return this.stage.url;
  }
}
