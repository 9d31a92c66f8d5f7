/**
 * The two web apps on AWS, as the local runtime serves them (local/web-static.ts): one private
 * S3 bucket read by CloudFront through Origin Access Control, the citizen app at `/`, the
 * console at `/console/`, an SPA fallback to each app's index.html, and the API's paths sent to
 * the HTTP API on the same origin (no CORS). Security headers (CSP from web/shared, HSTS) on
 * every response; `config.json` is written at deploy time from the stack's own values.
 */
import { type CfnElement, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type { ICertificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  Function as CfFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
  type BehaviorOptions,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership, type IBucket } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { contentSecurityPolicy } from '../../web/shared/security-headers.js';
import type { StageConfig } from '../config.js';
import { acknowledge } from '../nag.js';

/** Paths the HTTP API answers (the same list local/web-static.ts keeps away from the apps). */
export const apiPaths = ['/v1/*', '/open311/*', '/health', '/openapi.json'] as const;

/**
 * CloudFront Function (viewer request, default behaviour only): a path without a file extension
 * is a route inside an app, answered with that app's index.html. Plain ES5 for cloudfront-js-2.0;
 * tests run this very source.
 */
export const spaFallbackSource = `function handler(event) {
  var request = event.request;
  var uri = request.uri;
  var last = uri.substring(uri.lastIndexOf('/') + 1);
  if (last.indexOf('.') !== -1) return request;
  request.uri = uri === '/console' || uri.indexOf('/console/') === 0 ? '/console/index.html' : '/index.html';
  return request;
}`;

export interface WebConfigJson {
  apiBase: string;
  auth: { kind: 'cognito'; authority: string; clientId: string };
}

export interface WebHostingProps {
  config: StageConfig;
  /** The built apps (web/dist): index.html, console/index.html, assets/. */
  distDir: string;
  /** The HTTP API's host name, e.g. abc123.execute-api.ap-southeast-1.amazonaws.com. */
  apiDomain: string;
  /** Cognito: the issuer (OIDC authority) and the app client the API's JWT authorizer accepts. */
  issuer: string;
  userPoolClientId: string;
  /** The media bucket: browsers POST photos to it and show them from it. */
  mediaBucket: IBucket;
  /** A custom domain: its name and an ACM certificate in us-east-1; without, *.cloudfront.net. */
  domain?: { name: string; certificate: ICertificate };
  /** An AWS WAF web ACL (scope CLOUDFRONT, in us-east-1) to attach. */
  webAclArn?: string;
}

export class WebHosting extends Construct {
  readonly bucket: Bucket;
  readonly logs: Bucket;
  readonly distribution: Distribution;
  readonly headers: ResponseHeadersPolicy;
  readonly configJson: WebConfigJson;
  readonly deployments: BucketDeployment[];

  constructor(scope: Construct, id: string, props: WebHostingProps) {
    super(scope, id);
    const region = Stack.of(this).region;

    // CloudFront's standard logs are written with ACLs, hence object-writer ownership on this bucket only.
    this.logs = new Bucket(this, 'Logs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.OBJECT_WRITER,
      lifecycleRules: [{ expiration: Duration.days(90) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // Only built files live here: a redeploy restores them, so the bucket goes with the stack.
    this.bucket = new Bucket(this, 'Site', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      serverAccessLogsBucket: this.logs,
      serverAccessLogsPrefix: 'site/',
      removalPolicy: RemovalPolicy.DESTROY,
    });

    const media = `https://${props.mediaBucket.bucketRegionalDomainName}`;
    this.headers = new ResponseHeadersPolicy(this, 'Headers', {
      comment: 'civic-feedback web apps: CSP (no inline scripts), HSTS, nosniff, no framing',
      securityHeadersBehavior: {
        contentSecurityPolicy: {
          contentSecurityPolicy: contentSecurityPolicy({ media: [media], connect: [`https://cognito-idp.${region}.amazonaws.com`, `https://*.auth.${region}.amazoncognito.com`] }),
          override: true,
        },
        strictTransportSecurity: { accessControlMaxAge: Duration.days(730), includeSubdomains: true, preload: true, override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
      },
    });

    const fallback = new CfFunction(this, 'SpaFallback', {
      runtime: FunctionRuntime.JS_2_0,
      comment: 'App routes without a file extension get their app shell (index.html or console/index.html)',
      code: FunctionCode.fromInline(spaFallbackSource),
    });

    const site = S3BucketOrigin.withOriginAccessControl(this.bucket);
    const api: BehaviorOptions = {
      origin: new HttpOrigin(props.apiDomain, { protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY }),
      viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      allowedMethods: AllowedMethods.ALLOW_ALL,
      // API Gateway wants its own Host; every other header (Authorization too), the query and the body go through uncached.
      cachePolicy: CachePolicy.CACHING_DISABLED,
      originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
      responseHeadersPolicy: this.headers,
    };
    this.distribution = new Distribution(this, 'Distribution', {
      comment: `civic-feedback ${props.config.stage}: citizen app, console and API on one origin`,
      defaultRootObject: 'index.html',
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_ALL,
      minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
      enableLogging: true,
      logBucket: this.logs,
      logFilePrefix: 'cloudfront/',
      ...(props.domain ? { domainNames: [props.domain.name], certificate: props.domain.certificate } : {}),
      ...(props.webAclArn ? { webAclId: props.webAclArn } : {}),
      defaultBehavior: {
        origin: site,
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        compress: true,
        responseHeadersPolicy: this.headers,
        functionAssociations: [{ function: fallback, eventType: FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: {
        // Hashed file names: cached for a year, no rewrite.
        '/assets/*': { origin: site, viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS, cachePolicy: CachePolicy.CACHING_OPTIMIZED, compress: true, responseHeadersPolicy: this.headers },
        ...Object.fromEntries(apiPaths.map((p) => [p, api])),
      },
    });

    if (!props.domain) {
      acknowledge(this.distribution, 'AwsSolutions-CFR4', 'Without a custom domain the distribution uses the default *.cloudfront.net certificate, whose security policy CloudFront fixes; context webDomainName + webCertificateArn give TLSv1.2_2021.');
    }
    if (!props.webAclArn) {
      acknowledge(this.distribution, 'AwsSolutions-CFR2', 'A CloudFront web ACL must live in us-east-1 and is billed per rule and request: context webAclArn attaches one; the API keeps its own throttling (per route, stricter on submission) either way.');
    }
    acknowledge(this.distribution, 'AwsSolutions-CFR1', 'No geo restriction on purpose: citizens abroad and partner 311 systems use the platform; what needs protecting is behind Cognito and the API authorizer.');

    this.configJson = { apiBase: '', auth: { kind: 'cognito', authority: props.issuer, clientId: props.userPoolClientId } };
    this.deployments = this.deploy(props);
  }

  /**
   * Assets first (kept across deploys, so a page still open on the old index finds its chunks),
   * then the app shells and config.json, uncached, with an invalidation.
   */
  private deploy(props: WebHostingProps): BucketDeployment[] {
    const logGroup = new LogGroup(this, 'DeployLogs', { retention: props.config.logRetentionDays, removalPolicy: RemovalPolicy.DESTROY });
    const role = new Role(this, 'DeployRole', { assumedBy: new ServicePrincipal('lambda.amazonaws.com'), description: 'Copies the built web apps into the site bucket' });
    role.addToPrincipalPolicy(new PolicyStatement({ actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [logGroup.logGroupArn] }));
    const common = { destinationBucket: this.bucket, role, logGroup, memoryLimit: 512, prune: false };
    const assets = new BucketDeployment(this, 'DeployAssets', {
      ...common,
      sources: [Source.asset(`${props.distDir}/assets`)],
      destinationKeyPrefix: 'assets/',
      cacheControl: [CacheControl.fromString('public, max-age=31536000, immutable')],
    });
    const shells = new BucketDeployment(this, 'DeployShells', {
      ...common,
      sources: [Source.asset(props.distDir, { exclude: ['assets', 'assets/**', '.built'] }), Source.jsonData('config.json', this.configJson)],
      cacheControl: [CacheControl.noCache()],
      distribution: this.distribution,
      distributionPaths: ['/*'],
    });
    shells.node.addDependency(assets);
    acknowledge(
      role,
      'AwsSolutions-IAM5[Action::s3:GetBucket*]',
      "CDK's BucketDeployment grants read of its asset bucket and read/write of the site bucket (s3:GetBucket*, s3:GetObject*, s3:List*, s3:DeleteObject*, s3:Abort*) on those two buckets and their objects only.",
    );
    const stack = Stack.of(this);
    const findings = [
      'Action::s3:GetObject*',
      'Action::s3:List*',
      'Action::s3:DeleteObject*',
      'Action::s3:Abort*',
      `Resource::<${stack.getLogicalId(this.bucket.node.defaultChild as CfnElement)}.Arn>/*`,
      'Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*',
    ];
    for (const finding of findings) {
      acknowledge(role, `AwsSolutions-IAM5[${finding}]`, "CDK's BucketDeployment grants these object actions on its asset bucket and on the site bucket only (see s3:GetBucket*); it copies whole directories, so object-level wildcards are its unit of work.");
    }
    acknowledge(role, 'AwsSolutions-IAM5[Resource::*]', "CDK's BucketDeployment grants cloudfront:CreateInvalidation and GetInvalidation on \"*\" to invalidate the site's distribution after a copy; it names no other action.");
    // The copy runs CDK's own Python handler (one per stack and memory size); its runtime is CDK's to move.
    for (const handler of stack.node.children.filter((c) => c.node.id.startsWith('Custom::CDKBucketDeployment'))) {
      acknowledge(handler, 'AwsSolutions-L1', "The copy is CDK's BucketDeployment handler (Python, with the AWS CLI layer); CDK pins and updates its runtime with each aws-cdk-lib release, and it runs only during a deploy.");
    }
    return [assets, shells];
  }
}
