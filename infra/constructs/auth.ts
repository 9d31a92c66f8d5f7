/**
 * Identity: a Cognito user pool with the groups and custom attributes of shared/API.md, one
 * public app client (mobile app and console; SRP sign-in, no client secret), and VNeID as an
 * OIDC identity provider when the `vneid` context is set (off by default).
 *
 * The claims the API reads (`cognito:groups`, `custom:department_id`, `custom:scope`) are in the
 * ID token: clients send the ID token as the bearer token. Custom attributes are writable only
 * by administrators (never by the app client), so a citizen cannot give themselves a department.
 */
import { Duration, RemovalPolicy, SecretValue, Stack } from 'aws-cdk-lib';
import {
  AccountRecovery,
  ClientAttributes,
  FeaturePlan,
  Mfa,
  OAuthScope,
  ProviderAttribute,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  UserPoolClient,
  UserPoolClientIdentityProvider,
  UserPoolGroup,
  UserPoolIdentityProviderOidc,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { acknowledge } from '../nag.js';
import { roles, roleRank } from '../../shared/domain/principal.js';
import type { StageConfig } from '../config.js';

export interface AuthProps {
  config: StageConfig;
}

export class Auth extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;
  /** The JWT issuer API Gateway checks tokens against. */
  readonly issuer: string;
  readonly vneid?: UserPoolIdentityProviderOidc;

  constructor(scope: Construct, id: string, { config }: AuthProps) {
    super(scope, id);

    this.userPool = new UserPool(this, 'UserPool', {
      selfSignUpEnabled: true,
      signInAliases: { phone: true, email: true },
      autoVerify: { phone: true, email: true },
      standardAttributes: {
        fullname: { required: false, mutable: true },
        phoneNumber: { required: false, mutable: true },
        email: { required: false, mutable: true },
      },
      customAttributes: {
        department_id: new StringAttribute({ mutable: true, minLen: 1, maxLen: 64 }),
        scope: new StringAttribute({ mutable: true, minLen: 1, maxLen: 32 }),
      },
      passwordPolicy: {
        minLength: 10,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.PHONE_WITHOUT_MFA_AND_EMAIL,
      featurePlan: config.cognitoPlus ? FeaturePlan.PLUS : FeaturePlan.ESSENTIALS,
      ...(config.cognitoPlus ? { standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION } : {}),
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // Precedence: lower wins when a user is in several groups; the highest role must win.
    const top = Math.max(...Object.values(roleRank));
    for (const role of roles) {
      new UserPoolGroup(this, `Group-${role}`, {
        userPool: this.userPool,
        groupName: role,
        precedence: top - roleRank[role],
        description: `API role ${role}`,
      });
    }

    const supportedIdentityProviders = [UserPoolClientIdentityProvider.COGNITO];
    if (config.vneid) {
      this.vneid = new UserPoolIdentityProviderOidc(this, 'Vneid', {
        userPool: this.userPool,
        name: 'VNeID',
        issuerUrl: config.vneid.issuerUrl,
        clientId: config.vneid.clientId,
        // A dynamic reference, resolved by CloudFormation at deploy time: the secret never sits in the template.
        clientSecret: SecretValue.secretsManager(config.vneid.clientSecretName).unsafeUnwrap(),
        scopes: ['openid', 'profile', 'phone'],
        attributeMapping: {
          fullname: ProviderAttribute.other('name'),
          phoneNumber: ProviderAttribute.other('phone_number'),
        },
      });
      supportedIdentityProviders.push(UserPoolClientIdentityProvider.custom(this.vneid.providerName));
    }
    // Managed login (the web apps' code + PKCE sign-in) needs a domain and the apps' callback URLs;
    // VNeID federation needs them too (readConfig insists), the web apps alone once they are given.
    const managedLogin = Boolean(config.authDomainPrefix) && config.oauthCallbackUrls.length > 0;
    if (managedLogin) this.userPool.addDomain('Domain', { cognitoDomain: { domainPrefix: config.authDomainPrefix! } });

    const standard = { fullname: true, phoneNumber: true, email: true, phoneNumberVerified: true, emailVerified: true };
    this.client = this.userPool.addClient('AppClient', {
      generateSecret: false,
      authFlows: { userSrp: true },
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
      readAttributes: new ClientAttributes().withStandardAttributes(standard).withCustomAttributes('department_id', 'scope'),
      writeAttributes: new ClientAttributes().withStandardAttributes({ fullname: true, phoneNumber: true, email: true }),
      supportedIdentityProviders,
      ...(managedLogin
        ? {
            oAuth: {
              flows: { authorizationCodeGrant: true },
              scopes: [OAuthScope.OPENID, OAuthScope.PHONE, OAuthScope.EMAIL, OAuthScope.PROFILE],
              callbackUrls: config.oauthCallbackUrls,
            },
          }
        : { disableOAuth: true }),
    });
    if (this.vneid) this.client.node.addDependency(this.vneid);

    this.issuer = `https://cognito-idp.${Stack.of(this).region}.amazonaws.com/${this.userPool.userPoolId}`;

    acknowledge(
      this.userPool,
      'AwsSolutions-COG2',
      'Citizens sign up with a phone number; requiring MFA of every citizen would shut out the main audience. MFA (TOTP) is optional for everyone; enforce it for staff, managers and admins by policy.',
    );
    if (!config.cognitoPlus) {
      acknowledge(
        this.userPool,
        'AwsSolutions-COG8',
        'The Plus feature plan (threat protection) is billed per monthly active user, which for a whole city of citizens is a budget decision: context cognitoPlus=true turns it on and this acknowledgement off.',
      );
    }
    // CDK creates the SMS role (a child of the pool) because phone numbers are verified by SMS.
    acknowledge(
      this.userPool,
      'AwsSolutions-IAM5[Resource::*]',
      'Cognito texts verification codes to arbitrary phone numbers; sns:Publish to a phone number has no resource ARN, so its SMS role needs Resource "*" (CDK-generated, assumable only by Cognito with an external id).',
    );
  }
}
