import { Logger } from '@aws-lambda-powertools/logger';
import { RedactingLogFormatter } from './log-redaction.js';

/** One logger per process; service name and level come from POWERTOOLS_* env; personal data is masked (log-redaction.ts). */
export const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'civic-feedback', logFormatter: new RedactingLogFormatter() });
