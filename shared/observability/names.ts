/**
 * The names CloudWatch files logs and metrics under. Plain constants so the CDK app (which sets
 * them as POWERTOOLS_* env) and the functions (which fall back to them) agree without either
 * importing the other.
 */
export const SERVICE_NAME = 'civic-feedback';
export const METRICS_NAMESPACE = 'CivicFeedback';
