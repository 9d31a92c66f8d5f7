/**
 * Stage settings from context, and the opt-in parts of the stack (CORS, VNeID) built on small
 * stacks of their own, so the main stack test stays a single synthesis.
 */
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { defaults, readConfig } from '../../infra/config.js';
import { AppFunction } from '../../infra/constructs/app-function.js';
import { Auth } from '../../infra/constructs/auth.js';
import { Api } from '../../infra/constructs/http-api.js';
import type { Route } from '../../shared/http/routes.js';
import { cdkContext, entryFor } from './support.js';

const config = (context: Record<string, unknown>) => readConfig(new App({ context }).node);
/** Small stacks skip CDK's CloudFormation schema validation (its start-up cost); stack.test.ts runs it. */
const quickApp = (context: Record<string, unknown>) => new App({ context: { ...cdkContext, ...context }, builtinCloudFormationValidation: false });

describe('stage settings from context', () => {
  it("cdk.json's context gives the defaults", () => {
    expect(config(cdkContext)).toEqual(defaults);
  });

  it('accepts -c strings as given on the command line', () => {
    const c = config({
      stage: 'prod',
      corsOrigins: 'https://app.civic.example.vn, https://console.civic.example.vn',
      smsMonthlySpendUsd: '250',
      smsSenderId: 'HANOI',
      alarmEmail: 'ops@civic.example.vn',
      throttle: '{"rateLimit":200,"burstLimit":400}',
      cognitoPlus: 'true',
    });
    expect(c).toMatchObject({
      stage: 'prod',
      corsOrigins: ['https://app.civic.example.vn', 'https://console.civic.example.vn'],
      smsMonthlySpendUsd: 250,
      smsSenderId: 'HANOI',
      alarmEmail: 'ops@civic.example.vn',
      throttle: { rateLimit: 200, burstLimit: 400 },
      submitThrottle: defaults.submitThrottle,
      cognitoPlus: true,
    });
  });

  it.each([
    [{ stage: 'Prod' }, /stage/],
    [{ corsOrigins: ['*'] }, /corsOrigins/],
    [{ corsOrigins: 'app.example.vn' }, /corsOrigins/],
    [{ powertoolsLogLevel: 'LOUD' }, /powertoolsLogLevel/],
    [{ smsMonthlySpendUsd: -1 }, /smsMonthlySpendUsd/],
    [{ smsSenderId: '123' }, /smsSenderId/],
    [{ alarmEmail: 'ops' }, /alarmEmail/],
    [{ vneid: { issuerUrl: 'https://id.example.vn', clientId: 'x', clientSecretName: 's' } }, /oauthCallbackUrls and authDomainPrefix/],
  ])('rejects %j', (context, message) => {
    expect(() => config(context)).toThrow(message);
  });
});

describe('VNeID federation (context vneid)', () => {
  it('adds an OIDC identity provider whose secret stays out of the template, and OAuth code flow on the client', () => {
    const app = quickApp({
      vneid: { issuerUrl: 'https://sso.vneid.example.vn', clientId: 'civic-feedback', clientSecretName: 'civic/vneid' },
      oauthCallbackUrls: ['https://app.civic.example.vn/auth/callback'],
      authDomainPrefix: 'civic-feedback-test',
    });
    const stack = new Stack(app, 'AuthCheck');
    new Auth(stack, 'Auth', { config: readConfig(app.node) });
    const template = Template.fromStack(stack);
    const [idp] = Object.values<any>(template.findResources('AWS::Cognito::UserPoolIdentityProvider'));
    expect(idp.Properties).toMatchObject({ ProviderName: 'VNeID', ProviderType: 'OIDC' });
    expect(idp.Properties.ProviderDetails).toMatchObject({ oidc_issuer: 'https://sso.vneid.example.vn', client_id: 'civic-feedback' });
    expect(JSON.stringify(idp.Properties.ProviderDetails.client_secret)).toContain('{{resolve:secretsmanager:civic/vneid');
    const [client] = Object.values<any>(template.findResources('AWS::Cognito::UserPoolClient'));
    expect(client.Properties.SupportedIdentityProviders).toEqual(['COGNITO', { Ref: expect.stringMatching(/Vneid/) }]);
    expect(client.Properties.AllowedOAuthFlows).toEqual(['code']);
    expect(client.Properties.CallbackURLs).toEqual(['https://app.civic.example.vn/auth/callback']);
    template.resourceCountIs('AWS::Cognito::UserPoolDomain', 1);
  });
});

describe('HTTP API options', () => {
  const route = (over: Partial<Route>): Route => ({ id: 'r', method: 'GET', path: '/x', fn: 'streams/fixture-consumer', auth: 'public', summary: '', tags: [], ...over });

  function api(context: Record<string, unknown>, routes: Route[]) {
    const app = quickApp({ ...context, 'aws:cdk:bundling-stacks': [] });
    const stack = new Stack(app, 'ApiCheck');
    const cfg = readConfig(app.node);
    const fn = new AppFunction(stack, 'Fn', { fn: 'streams/fixture-consumer', kind: 'http', config: cfg, entry: entryFor('streams/fixture-consumer') });
    const a = new Api(stack, 'Api', { config: cfg, routes, jwtIssuer: 'https://issuer.example', jwtAudience: ['aud'] });
    for (const r of routes) a.addRoute(stack, r, fn);
    return Template.fromStack(stack);
  }

  it('allows the configured CORS origins, with the methods the routes use', () => {
    const template = api({ corsOrigins: ['https://app.civic.example.vn'] }, [route({}), route({ id: 's', method: 'POST', path: '/v1/tickets', auth: ['citizen'] })]);
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: {
        AllowOrigins: ['https://app.civic.example.vn'],
        AllowMethods: ['GET', 'POST', 'OPTIONS'],
        AllowHeaders: ['authorization', 'content-type', 'idempotency-key'],
        MaxAge: 3600,
      },
    });
  });

  it('refuses a /dev route, should one ever reach the route table', () => {
    expect(() => api({}, [route({ path: '/dev/token', method: 'POST' })])).toThrow(/\/dev routes are local-only/);
  });
});
