/**
 * Logs keep no personal data: every Powertools log line goes through this formatter, which
 * masks fields that hold contact details or exact places (by key, at any depth: a logged API
 * event's body, headers and JWT claims included) and phone numbers and e-mail addresses
 * wherever else they turn up in text (messages, error messages, stack traces).
 */
import { LogFormatter, LogItem } from '@aws-lambda-powertools/logger';
import type { LogAttributes, UnformattedAttributes } from '@aws-lambda-powertools/logger/types';

export const REDACTED = '[redacted]';

/** Keys whose values are personal data or carry it (a request body, a bearer token). Compared lower-case. */
const personalKeys = new Set([
  'name', 'citizenname', 'phone', 'phonenumber', 'phone_number', 'citizenphone', 'email', 'citizenemail', 'address', 'lat', 'lng',
  'latitude', 'longitude', 'long', 'authorization', 'cookie', 'cookies', 'body', 'text', 'message_text', 'description', 'comment',
  'first_name', 'last_name', 'email_address', 'device_id', 'x-api-key', 'api_key',
]);

const patterns: RegExp[] = [
  /[^\s@"'<>(),;:]+@[^\s@"'<>(),;:]+\.[A-Za-z]{2,}/g, // e-mail
  /\+\d[\d ]{7,16}\d/g, // E.164, possibly spaced
  /(?<![\w.-])0\d{9,10}(?![\w.-])/g, // a Vietnamese national number (09x... 10 or 11 digits)
  /Bearer\s+[\w.-]+/gi,
];

export function redactText(text: string): string {
  return patterns.reduce((t, p) => t.replace(p, REDACTED), text);
}

export function redact(value: unknown, depth = 0): unknown {
  if (depth > 10) return REDACTED;
  if (typeof value === 'string') return redactText(value);
  if (value instanceof Error) {
    return { name: value.name, message: redactText(value.message), ...(value.stack ? { stack: redactText(value.stack) } : {}) };
  }
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  if (value && typeof value === 'object') {
    // A formatted error keeps its class name ("name" is otherwise a person's).
    const errorShape = 'stack' in value && 'message' in value;
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => {
        const masked = personalKeys.has(k.toLowerCase()) && !(errorShape && k === 'name') && v !== undefined && v !== null;
        return [k, masked ? REDACTED : redact(v, depth + 1)];
      }),
    );
  }
  return value;
}

/** Powertools' standard fields, then the rest redacted. */
export class RedactingLogFormatter extends LogFormatter {
  formatAttributes(attributes: UnformattedAttributes, additionalLogAttributes: LogAttributes): LogItem {
    const base = {
      level: attributes.logLevel,
      message: redactText(String(attributes.message ?? '')),
      timestamp: this.formatTimestamp(attributes.timestamp),
      service: attributes.serviceName,
      cold_start: attributes.lambdaContext?.coldStart,
      function_arn: attributes.lambdaContext?.invokedFunctionArn,
      function_memory_size: attributes.lambdaContext?.memoryLimitInMB,
      function_name: attributes.lambdaContext?.functionName,
      function_request_id: attributes.lambdaContext?.awsRequestId,
      sampling_rate: attributes.sampleRateValue,
      xray_trace_id: attributes.xRayTraceId,
    };
    return new LogItem({ attributes: base }).addAttributes(redact(additionalLogAttributes) as LogAttributes);
  }
}
