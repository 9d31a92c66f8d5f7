/**
 * Stage settings, read from CDK context (cdk.json, or `-c key=value` on the command line).
 * Every setting has a default so `npx cdk synth` works on a fresh clone.
 */
import type { Node } from 'constructs';
import { METRICS_NAMESPACE, SERVICE_NAME } from '../shared/observability/names.js';

export interface VneidSettings {
  /** The OIDC issuer, e.g. the VNeID sandbox's; Cognito reads its discovery document. */
  issuerUrl: string;
  clientId: string;
  /** Secrets Manager secret holding the client secret (a plain string secret). */
  clientSecretName: string;
}

export interface StageConfig {
  /** Stage name: part of the stack name and of every alarm's name. */
  stage: string;
  /** Origins allowed by CORS; empty: no CORS headers (same-origin or mobile clients only). */
  corsOrigins: string[];
  /** SNS SMS monthly spend limit in USD (account setting; see the README and the SmsSettingsCommand output). */
  smsMonthlySpendUsd: number;
  /** SMS sender id (a brandname registered with Vietnamese carriers); empty: none. */
  smsSenderId: string;
  /** Where alarms are e-mailed; empty: alarms publish to the alarm topic only. */
  alarmEmail: string;
  logRetentionDays: number;
  powertoolsLogLevel: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
  /** Alarm when one SLA sweep flags more tickets overdue than this (metric OverdueTickets). */
  overdueTicketsThreshold: number;
  /** API throttling: every route, and the stricter limits on ticket submission. */
  throttle: { rateLimit: number; burstLimit: number };
  submitThrottle: { rateLimit: number; burstLimit: number };
  /** Cognito Plus feature plan with threat protection (priced per MAU); off: Essentials. */
  cognitoPlus: boolean;
  /** VNeID as an OIDC identity provider; off when absent. */
  vneid?: VneidSettings;
  /** OAuth callback URLs (needed once an identity provider is federated). */
  oauthCallbackUrls: string[];
  /** Cognito hosted domain prefix (needed once an identity provider is federated). */
  authDomainPrefix?: string;
  /** GuardDuty Malware Protection for S3 on incoming/ (priced per GB scanned); on by default for stage prod. */
  malwareProtection: boolean;
  /** The web apps' CloudFront distribution: a custom domain (with an ACM certificate in us-east-1) and a WAF web ACL; empty: none. */
  web: { domainName: string; certificateArn: string; webAclArn: string };
}

export const defaults: StageConfig = {
  stage: 'dev',
  corsOrigins: [],
  smsMonthlySpendUsd: 10,
  smsSenderId: '',
  alarmEmail: '',
  logRetentionDays: 30,
  powertoolsLogLevel: 'INFO',
  overdueTicketsThreshold: 50,
  throttle: { rateLimit: 50, burstLimit: 100 },
  submitThrottle: { rateLimit: 5, burstLimit: 10 },
  cognitoPlus: false,
  oauthCallbackUrls: [],
  malwareProtection: false,
  web: { domainName: '', certificateArn: '', webAclArn: '' },
};

/** The one service name: Powertools' `service` dimension and log field for every function. */
export const serviceName = SERVICE_NAME;
/** Namespace of the custom metrics emitted with Powertools Metrics. */
export const metricsNamespace = METRICS_NAMESPACE;

/** Context values given with `-c` arrive as strings; cdk.json gives JSON values. */
function list(value: unknown, key: string): string[] {
  if (value === undefined || value === null || value === '') return [];
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'string') {
    const text = value.trim();
    if (text.startsWith('[')) return list(JSON.parse(text), key);
    return text.split(',').map((s) => s.trim()).filter(Boolean);
  }
  throw new Error(`context ${key}: expected a list of strings`);
}

function num(value: unknown, key: string, fallback: number): number {
  if (value === undefined || value === null || value === '') return fallback;
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(n) || n < 0) throw new Error(`context ${key}: expected a non-negative number, got ${String(value)}`);
  return n;
}

function bool(value: unknown): boolean {
  return value === true || value === 'true' || value === '1';
}

function object(value: unknown, key: string): Record<string, unknown> | undefined {
  if (value === undefined || value === null || value === '' || value === false || value === 'false') return undefined;
  const parsed = typeof value === 'string' ? JSON.parse(value) : value;
  if (typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error(`context ${key}: expected an object`);
  return parsed as Record<string, unknown>;
}

function throttle(value: unknown, key: string, fallback: StageConfig['throttle']): StageConfig['throttle'] {
  const o = object(value, key);
  if (!o) return fallback;
  return { rateLimit: num(o.rateLimit, `${key}.rateLimit`, fallback.rateLimit), burstLimit: num(o.burstLimit, `${key}.burstLimit`, fallback.burstLimit) };
}

const logLevels = ['DEBUG', 'INFO', 'WARN', 'ERROR'] as const;

/** Reads the stage settings from a construct's context (normally the App's). */
export function readConfig(node: Pick<Node, 'tryGetContext'>): StageConfig {
  const get = (key: string): unknown => node.tryGetContext(key);
  const stage = String(get('stage') ?? defaults.stage);
  if (!/^[a-z][a-z0-9-]{0,19}$/.test(stage)) throw new Error(`context stage: lower-case letters, digits and '-', at most 20 characters (got "${stage}")`);

  const corsOrigins = list(get('corsOrigins'), 'corsOrigins');
  for (const origin of corsOrigins) {
    if (origin === '*' || !/^https?:\/\/[^/*]+$/.test(origin)) throw new Error(`context corsOrigins: "${origin}" is not an origin like https://app.example.vn`);
  }

  const level = String(get('powertoolsLogLevel') ?? defaults.powertoolsLogLevel).toUpperCase();
  if (!(logLevels as readonly string[]).includes(level)) throw new Error(`context powertoolsLogLevel: one of ${logLevels.join(', ')}`);

  const alarmEmail = String(get('alarmEmail') ?? '');
  if (alarmEmail && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(alarmEmail)) throw new Error(`context alarmEmail: "${alarmEmail}" is not an e-mail address`);

  const smsSenderId = String(get('smsSenderId') ?? '');
  if (smsSenderId && !/^(?=.*[A-Za-z])[A-Za-z0-9]{1,11}$/.test(smsSenderId)) throw new Error('context smsSenderId: 1-11 letters or digits, at least one letter');

  const vneidRaw = object(get('vneid'), 'vneid');
  let vneid: VneidSettings | undefined;
  if (vneidRaw) {
    const { issuerUrl, clientId, clientSecretName } = vneidRaw;
    if (typeof issuerUrl !== 'string' || typeof clientId !== 'string' || typeof clientSecretName !== 'string') {
      throw new Error('context vneid: needs issuerUrl, clientId and clientSecretName');
    }
    vneid = { issuerUrl, clientId, clientSecretName };
  }
  const oauthCallbackUrls = list(get('oauthCallbackUrls'), 'oauthCallbackUrls');
  const authDomainPrefix = get('authDomainPrefix') ? String(get('authDomainPrefix')) : undefined;
  if (vneid && (oauthCallbackUrls.length === 0 || !authDomainPrefix)) {
    throw new Error('context vneid: federation also needs oauthCallbackUrls and authDomainPrefix');
  }

  const web = {
    domainName: String(get('webDomainName') ?? ''),
    certificateArn: String(get('webCertificateArn') ?? ''),
    webAclArn: String(get('webAclArn') ?? ''),
  };
  if (web.domainName && !/^(?=.{1,253}$)([a-z0-9-]{1,63}\.)+[a-z]{2,63}$/.test(web.domainName)) throw new Error(`context webDomainName: "${web.domainName}" is not a host name`);
  if (Boolean(web.domainName) !== Boolean(web.certificateArn)) throw new Error('context webDomainName and webCertificateArn go together (the certificate in us-east-1)');
  if (web.certificateArn && !/^arn:aws[a-z-]*:acm:us-east-1:\d{12}:certificate\//.test(web.certificateArn)) throw new Error('context webCertificateArn: an ACM certificate ARN in us-east-1 (CloudFront reads certificates only there)');
  if (web.webAclArn && !/^arn:aws[a-z-]*:wafv2:us-east-1:\d{12}:global\/webacl\//.test(web.webAclArn)) throw new Error('context webAclArn: a WAFv2 web ACL of scope CLOUDFRONT (arn:aws:wafv2:us-east-1:…:global/webacl/…)');

  return {
    stage,
    corsOrigins,
    smsMonthlySpendUsd: num(get('smsMonthlySpendUsd'), 'smsMonthlySpendUsd', defaults.smsMonthlySpendUsd),
    smsSenderId,
    alarmEmail,
    logRetentionDays: num(get('logRetentionDays'), 'logRetentionDays', defaults.logRetentionDays),
    powertoolsLogLevel: level as StageConfig['powertoolsLogLevel'],
    overdueTicketsThreshold: num(get('overdueTicketsThreshold'), 'overdueTicketsThreshold', defaults.overdueTicketsThreshold),
    throttle: throttle(get('throttle'), 'throttle', defaults.throttle),
    submitThrottle: throttle(get('submitThrottle'), 'submitThrottle', defaults.submitThrottle),
    cognitoPlus: bool(get('cognitoPlus')),
    vneid,
    oauthCallbackUrls,
    authDomainPrefix,
    web,
    malwareProtection: get('malwareProtection') === undefined || get('malwareProtection') === '' ? stage === 'prod' : bool(get('malwareProtection')),
  };
}
