/** A field of feedback (urban order, roads and traffic, ...) and its deadline policy. */
import type { LocalizedText } from './localized-text.js';

/** The wildcard category: a routing rule, a response template or a metric counter for every category. */
export const ANY_CATEGORY = '*';

export const severities = ['urgent', 'complex', 'normal'] as const;
export type Severity = (typeof severities)[number];

export interface DeadlinePolicy {
  /** Working hours to acknowledge (Decision 1207/QĐ-UBND: 8). */
  acknowledgeHours: number;
  /** Working hours to answer, per severity (urgent: 4). */
  answerHours: Record<Severity, number>;
}

export interface Category {
  code: string;
  name: LocalizedText;
  defaultSeverity: Severity;
  policy: DeadlinePolicy;
  /** An answer must carry evidence (photos, documents). */
  evidenceRequired: boolean;
  active: boolean;
}
