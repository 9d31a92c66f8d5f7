/**
 * The web apps' hosting stack, synthesized beside the platform stack as `cdk synth` does (built
 * apps from a fixture directory): CloudFront in front of a private bucket through Origin Access
 * Control, the SPA fallback (its function's own source run here), the API's paths on the same
 * origin, the security headers the local runtime also sends, config.json from the platform's
 * Cognito ids, and cdk-nag with every acknowledgement still matching a finding.
 */
import { join } from 'node:path';
import { type CfnElement, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../infra/config.js';
import { apiPaths, spaFallbackSource } from '../../infra/constructs/web-hosting.js';
import { repoRoot } from '../../infra/paths.js';
import { WebStack } from '../../infra/web-stack.js';
import { contentSecurityPolicy } from '../../web/shared/security-headers.js';
import { buildStack, type Resource } from './support.js';

const distDir = join(repoRoot, 'tests', 'infra', 'fixtures', 'web-dist');

function build(context: Record<string, unknown> = {}) {
  const platform = buildStack({ context });
  const web = new WebStack(platform.app, `CivicFeedbackWeb-${platform.config.stage}`, { config: platform.config, platform: platform.stack, distDir });
  const template = Template.fromStack(web);
  const resources = (template.toJSON().Resources ?? {}) as Record<string, Resource>;
  return { ...platform, web, template, resources };
}

let built: ReturnType<typeof build>;
const logicalId = (c: IConstruct) => Stack.of(c).getLogicalId(c.node.defaultChild as CfnElement);
const ofType = (type: string) => Object.entries(built.resources).filter(([, r]) => r.Type === type);
const distribution = () => built.resources[logicalId(built.web.hosting.distribution)]!.Properties.DistributionConfig;

// Managed CloudFront policies, by their fixed ids.
const CACHING_DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';
const CACHING_OPTIMIZED = '658327ea-f89d-4fab-a63d-7e88639e58f6';
const ALL_VIEWER_EXCEPT_HOST = 'b689b0a8-53d0-40ab-baf2-68738e2966ac';

beforeAll(() => {
  built = build();
}, 180_000);

describe('web hosting', () => {
  it('serves the private site bucket through Origin Access Control, readable by this distribution only', () => {
    const bucket = built.resources[logicalId(built.web.hosting.bucket)]!;
    expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
    expect(bucket.Properties.BucketEncryption.ServerSideEncryptionConfiguration).toEqual([{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }]);
    expect(bucket.Properties.LoggingConfiguration.DestinationBucketName).toEqual({ Ref: logicalId(built.web.hosting.logs) });
    expect(bucket.Properties.WebsiteConfiguration).toBeUndefined();

    const [[oacId, oac]] = ofType('AWS::CloudFront::OriginAccessControl') as [[string, Resource]];
    expect(oac.Properties.OriginAccessControlConfig).toMatchObject({ OriginAccessControlOriginType: 's3', SigningBehavior: 'always', SigningProtocol: 'sigv4' });
    const d = distribution();
    const s3Origin = d.Origins.find((o: any) => o.S3OriginConfig);
    expect(s3Origin.OriginAccessControlId).toEqual({ 'Fn::GetAtt': [oacId, 'Id'] });
    expect(s3Origin.S3OriginConfig.OriginAccessIdentity).toBe('');
    expect(d.DefaultCacheBehavior.TargetOriginId).toBe(s3Origin.Id);

    const policy = ofType('AWS::S3::BucketPolicy').find(([, p]) => JSON.stringify(p.Properties.Bucket) === JSON.stringify({ Ref: logicalId(built.web.hosting.bucket) }))![1];
    const reads = policy.Properties.PolicyDocument.Statement.filter((s: any) => s.Effect === 'Allow');
    expect(reads).toEqual([
      expect.objectContaining({
        Action: 's3:GetObject',
        Principal: { Service: 'cloudfront.amazonaws.com' },
        Condition: { StringEquals: { 'AWS:SourceArn': expect.objectContaining({ 'Fn::Join': expect.anything() }) } },
      }),
    ]);
    expect(JSON.stringify(reads[0].Condition)).toContain(logicalId(built.web.hosting.distribution));
    // TLS-only, as every bucket of the platform.
    expect(policy.Properties.PolicyDocument.Statement).toContainEqual(expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }));
  });

  it("sends the API's paths to the HTTP API on the same origin: uncached, every method, every header but Host", () => {
    const d = distribution();
    const apiOrigin = d.Origins.find((o: any) => o.CustomOriginConfig);
    expect(apiOrigin.CustomOriginConfig).toMatchObject({ OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] });
    // The platform's API id, imported from its stack.
    expect(JSON.stringify(apiOrigin.DomainName)).toMatch(/Fn::ImportValue.*CivicFeedback-dev:ExportsOutputRefApi/);
    expect(JSON.stringify(apiOrigin.DomainName)).toContain('.execute-api.');
    const behaviors = Object.fromEntries(d.CacheBehaviors.map((b: any) => [b.PathPattern, b]));
    for (const path of apiPaths) {
      expect(behaviors[path], path).toMatchObject({
        TargetOriginId: apiOrigin.Id,
        AllowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'],
        CachePolicyId: CACHING_DISABLED,
        OriginRequestPolicyId: ALL_VIEWER_EXCEPT_HOST,
        ViewerProtocolPolicy: 'redirect-to-https',
      });
      expect(behaviors[path].FunctionAssociations, path).toBeUndefined();
    }
    // The local runtime keeps the same paths away from the apps.
    expect(apiPaths).toEqual(expect.arrayContaining(['/v1/*', '/open311/*', '/health', '/openapi.json']));
    expect(behaviors['/assets/*']).toMatchObject({ TargetOriginId: d.DefaultCacheBehavior.TargetOriginId, CachePolicyId: CACHING_OPTIMIZED, Compress: true });
    expect(d.DefaultCacheBehavior).toMatchObject({ CachePolicyId: CACHING_OPTIMIZED, AllowedMethods: ['GET', 'HEAD'], ViewerProtocolPolicy: 'redirect-to-https', Compress: true });
    expect(d).toMatchObject({ DefaultRootObject: 'index.html', HttpVersion: 'http2and3', Logging: { Bucket: { 'Fn::GetAtt': [logicalId(built.web.hosting.logs), 'RegionalDomainName'] } } });
  });

  it('falls back to each app\'s index.html for its routes (the deployed function\'s own source, run here)', () => {
    const [[fnId, fn]] = ofType('AWS::CloudFront::Function') as [[string, Resource]];
    expect(fn.Properties.FunctionConfig.Runtime).toBe('cloudfront-js-2.0');
    expect(fn.Properties.FunctionCode).toBe(spaFallbackSource);
    expect(distribution().DefaultCacheBehavior.FunctionAssociations).toEqual([{ EventType: 'viewer-request', FunctionARN: { 'Fn::GetAtt': [fnId, 'FunctionARN'] } }]);

    const handler = new Function(`${spaFallbackSource}; return handler;`)() as (e: { request: { uri: string } }) => { uri: string };
    const uriFor = (uri: string) => handler({ request: { uri } }).uri;
    expect(uriFor('/')).toBe('/index.html');
    expect(uriFor('/reports/01JTICKET')).toBe('/index.html');
    expect(uriFor('/signin/callback')).toBe('/index.html');
    expect(uriFor('/console')).toBe('/console/index.html');
    expect(uriFor('/console/')).toBe('/console/index.html');
    expect(uriFor('/console/tickets/01JTICKET')).toBe('/console/index.html');
    expect(uriFor('/console/signin/callback')).toBe('/console/index.html');
    expect(uriFor('/consoles')).toBe('/index.html');
    // Files are served as they are.
    for (const file of ['/assets/console-BZpdsvzg.js', '/config.json', '/sw.js', '/manifest.webmanifest', '/icons/icon-192.png', '/console/index.html']) expect(uriFor(file)).toBe(file);
  });

  it('sends the security headers the local runtime sends: CSP without inline scripts (media and Cognito allowed), HSTS, nosniff, no framing', () => {
    const [[policyId, policy]] = ofType('AWS::CloudFront::ResponseHeadersPolicy') as [[string, Resource]];
    const headers = policy.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
    expect(headers.StrictTransportSecurity).toMatchObject({ AccessControlMaxAgeSec: 730 * 86_400, IncludeSubdomains: true, Override: true });
    expect(headers.ContentTypeOptions).toEqual({ Override: true });
    expect(headers.FrameOptions).toEqual({ FrameOption: 'DENY', Override: true });
    expect(headers.ReferrerPolicy).toEqual({ ReferrerPolicy: 'strict-origin-when-cross-origin', Override: true });

    // CloudFormation joins the media bucket's name (imported from the platform) and the region in; read them back as markers.
    const csp = headers.ContentSecurityPolicy.ContentSecurityPolicy['Fn::Join'][1].map((part: unknown) => (typeof part === 'string' ? part : `<${Object.keys(part as object)[0]}>`)).join('');
    expect(csp).toBe(contentSecurityPolicy({ media: ['https://<Fn::ImportValue>'], connect: ['https://cognito-idp.<Ref>.amazonaws.com', 'https://*.auth.<Ref>.amazoncognito.com'] }));
    expect(JSON.stringify(headers.ContentSecurityPolicy)).toMatch(/ExportsOutputFnGetAttMediaBucket[A-Za-z0-9]*RegionalDomainName/);
    const scriptSrc = csp.split('; ').find((d: string) => d.startsWith('script-src'));
    expect(scriptSrc).toBe("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    // On every behaviour, the API's included.
    const d = distribution();
    for (const b of [d.DefaultCacheBehavior, ...d.CacheBehaviors]) expect(b.ResponseHeadersPolicyId, b.PathPattern ?? 'default').toEqual({ Ref: policyId });
  });

  it('copies the built apps: hashed assets cached for a year and kept across deploys, then the app shells and config.json uncached, with an invalidation', () => {
    const deployments = ofType('Custom::CDKBucketDeployment').map(([id, r]) => [id, r.Properties] as const);
    expect(deployments).toHaveLength(2);
    const [assetsId, assets] = deployments.find(([, p]) => p.DestinationBucketKeyPrefix === 'assets/')!;
    const [shellsId, shells] = deployments.find(([, p]) => p.DestinationBucketKeyPrefix === undefined)!;
    expect(assets).toMatchObject({ Prune: false, SystemMetadata: { 'cache-control': 'public, max-age=31536000, immutable' }, DestinationBucketName: { Ref: logicalId(built.web.hosting.bucket) } });
    expect(shells).toMatchObject({ Prune: false, SystemMetadata: { 'cache-control': 'no-cache' }, DistributionId: { Ref: logicalId(built.web.hosting.distribution) }, DistributionPaths: ['/*'] });
    expect(built.resources[shellsId]!.DependsOn).toContain(assetsId);
    // No AWS managed policy on the copy's role, and its logs in a log group with retention.
    for (const [id, role] of ofType('AWS::IAM::Role')) expect(role.Properties.ManagedPolicyArns, id).toBeUndefined();
    const [[, handler]] = ofType('AWS::Lambda::Function') as [[string, Resource]];
    expect(built.resources[handler.Properties.LoggingConfig.LogGroup.Ref]!.Properties.RetentionInDays).toBe(built.config.logRetentionDays);
  });

  it("writes config.json at deploy time: the API on the same origin, Cognito's issuer and the app client the API accepts", () => {
    expect(built.web.hosting.configJson).toEqual({ apiBase: '', auth: { kind: 'cognito', authority: built.stack.auth.issuer, clientId: built.stack.auth.client.userPoolClientId } });
    const shells = ofType('Custom::CDKBucketDeployment').map(([, r]) => r.Properties).find((p) => p.SourceMarkers)!;
    const markers = JSON.stringify(shells.SourceMarkers);
    expect(markers).toMatch(/ExportsOutputRefAuthUserPool[0-9A-F]{8}/);
    expect(markers).toMatch(/ExportsOutputRefAuthUserPoolAppClient/);
    expect(shells.SourceMarkersConfig).toContainEqual({ jsonEscape: true });
  });

  it('cdk-nag: no finding left, and each acknowledgement still silences one', () => {
    const report = new AwsSolutionsChecks(built.app).validateScope(built.web);
    expect(report.violations.map((v) => `${v.ruleName}: ${v.violatingResources.map((r) => r.constructPath).join(', ')}`)).toEqual([]);
    const acks = built.web.node
      .findAll()
      .flatMap((c) => c.node.metadata.filter((m) => m.type === 'aws:cdk:acknowledged-rules').flatMap((m) => Object.keys(m.data as Record<string, string>).map((id) => [c.node.path, id.replace(/^annotation::/i, '')] as const)));
    expect(acks.length).toBeGreaterThan(0);
    const pack = new AwsSolutionsChecks(built.app) as unknown as { isAcknowledged: () => boolean; validateScope: AwsSolutionsChecks['validateScope'] };
    pack.isAcknowledged = () => false;
    const findings = pack.validateScope(built.web).violations;
    for (const [path, id] of acks) {
      const hit = findings.some((f) => f.ruleName === id && f.violatingResources.some((r) => r.constructPath === path || r.constructPath!.startsWith(`${path}/`)));
      expect(hit, `stale acknowledgement ${id} at ${path}`).toBe(true);
    }
  });

  it("stays far inside CloudFormation's 500 resources, and outputs the site's URL and the callback URLs to give Cognito", () => {
    expect(Object.keys(built.resources).length).toBeLessThan(50);
    const outputs = built.template.toJSON().Outputs;
    expect(Object.keys(outputs)).toEqual(expect.arrayContaining(['WebUrl', 'CallbackUrls', 'SiteBucket']));
    expect(JSON.stringify(outputs.CallbackUrls.Value)).toContain('/console/signin/callback');
  });

  it('a custom domain, a web ACL and managed login: aliases, the us-east-1 certificate with TLS 1.2 (2021), the ACL attached, and cdk-nag still clean without their acknowledgements', () => {
    const certificateArn = 'arn:aws:acm:us-east-1:123456789012:certificate/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0';
    const webAclArn = 'arn:aws:wafv2:us-east-1:123456789012:global/webacl/civic/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0';
    const callbacks = ['https://phananh.example.vn/signin/callback', 'https://phananh.example.vn/console/signin/callback'];
    const custom = build({ webDomainName: 'phananh.example.vn', webCertificateArn: certificateArn, webAclArn, authDomainPrefix: 'phananh-test', oauthCallbackUrls: callbacks.join(',') });
    const d = Object.values(custom.resources).find((r) => r.Type === 'AWS::CloudFront::Distribution')!.Properties.DistributionConfig;
    expect(d).toMatchObject({ Aliases: ['phananh.example.vn'], ViewerCertificate: { AcmCertificateArn: certificateArn, MinimumProtocolVersion: 'TLSv1.2_2021', SslSupportMethod: 'sni-only' }, WebACLId: webAclArn });
    const report = new AwsSolutionsChecks(custom.app).validateScope(custom.web);
    expect(report.violations.map((v) => v.ruleName)).toEqual([]);
    expect(JSON.stringify(custom.web.node.findAll().flatMap((c) => c.node.metadata.filter((m) => m.type === 'aws:cdk:acknowledged-rules').map((m) => m.data)))).not.toMatch(/CFR4|CFR2/);
    expect(JSON.stringify(custom.template.toJSON().Outputs.WebUrl.Value)).toBe('"https://phananh.example.vn"');
    // With the callback URLs given back, Cognito's managed login serves the apps (code flow, public client, no VNeID needed).
    const platform = Template.fromStack(custom.stack);
    platform.hasResourceProperties('AWS::Cognito::UserPoolClient', { AllowedOAuthFlows: ['code'], AllowedOAuthFlowsUserPoolClient: true, CallbackURLs: callbacks, SupportedIdentityProviders: ['COGNITO'], GenerateSecret: false });
    platform.hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: 'phananh-test' });
    // ... and by default neither (no domain, OAuth off), as before.
    const defaults = Template.fromStack(built.stack);
    defaults.resourceCountIs('AWS::Cognito::UserPoolDomain', 0);
    defaults.hasResourceProperties('AWS::Cognito::UserPoolClient', { AllowedOAuthFlowsUserPoolClient: false });
  }, 180_000);

  it('refuses a web domain without its certificate, a certificate outside us-east-1 and a regional web ACL', () => {
    const read = (ctx: Record<string, string>) => readConfig({ tryGetContext: (k: string) => ctx[k] });
    expect(() => read({ webDomainName: 'phananh.example.vn' })).toThrow(/go together/);
    expect(() => read({ webDomainName: 'phananh.example.vn', webCertificateArn: 'arn:aws:acm:ap-southeast-1:123456789012:certificate/x' })).toThrow(/us-east-1/);
    expect(() => read({ webAclArn: 'arn:aws:wafv2:ap-southeast-1:123456789012:regional/webacl/civic/x' })).toThrow(/CLOUDFRONT/);
    expect(read({}).web).toEqual({ domainName: '', certificateArn: '', webAclArn: '' });
  });
});
