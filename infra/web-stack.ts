/**
 * The web apps' hosting, a stack of its own beside the platform's: it reads the API's host,
 * Cognito's ids and the media bucket from CivicFeedbackStack (CloudFormation exports) and keeps
 * CloudFront, the site bucket and the copy of web/dist apart from the functions and their tests.
 */
import { CfnOutput, Stack, Tags, type StackProps } from 'aws-cdk-lib';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import type { Construct } from 'constructs';
import { serviceName, type StageConfig } from './config.js';
import { WebHosting } from './constructs/web-hosting.js';
import type { CivicFeedbackStack } from './stack.js';

export interface WebStackProps extends StackProps {
  config: StageConfig;
  platform: CivicFeedbackStack;
  /** The built apps (web/dist). */
  distDir: string;
}

export class WebStack extends Stack {
  readonly hosting: WebHosting;

  constructor(scope: Construct, id: string, props: WebStackProps) {
    super(scope, id, props);
    const { config, platform } = props;
    Tags.of(this).add('project', serviceName);
    Tags.of(this).add('stage', config.stage);
    this.hosting = new WebHosting(this, 'Web', {
      config,
      distDir: props.distDir,
      apiDomain: `${platform.api.httpApi.apiId}.execute-api.${platform.region}.${platform.urlSuffix}`,
      issuer: platform.auth.issuer,
      userPoolClientId: platform.auth.client.userPoolClientId,
      mediaBucket: platform.media.bucket,
      ...(config.web.domainName && config.web.certificateArn
        ? { domain: { name: config.web.domainName, certificate: Certificate.fromCertificateArn(this, 'Certificate', config.web.certificateArn) } }
        : {}),
      ...(config.web.webAclArn ? { webAclArn: config.web.webAclArn } : {}),
    });
    const url = `https://${config.web.domainName || this.hosting.distribution.distributionDomainName}`;
    new CfnOutput(this, 'WebUrl', { value: url, description: 'The citizen app (/) and the console (/console/); the API is on the same origin under /v1/' });
    new CfnOutput(this, 'CallbackUrls', {
      value: `${url}/signin/callback,${url}/console/signin/callback`,
      description: 'Cognito callback URLs of both apps: give them as -c oauthCallbackUrls=... (and this origin as -c corsOrigins=... for photo uploads), then deploy again',
    });
    new CfnOutput(this, 'SiteBucket', { value: this.hosting.bucket.bucketName, description: 'The built web apps (written by the deployment)' });
  }
}
