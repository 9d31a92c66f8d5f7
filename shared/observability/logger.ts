import { Logger } from '@aws-lambda-powertools/logger';
import { redact } from './log-redaction.js';
import { SERVICE_NAME } from './names.js';

/** One logger per process; service name and level come from POWERTOOLS_* env. Personal data is redacted (log-redaction.ts). */
export const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? SERVICE_NAME, jsonReplacerFn: redact });
