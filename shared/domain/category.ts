/** A field of feedback (urban order, roads and traffic, ...) and its deadline policy. */
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
  name: { vi: string; en: string };
  defaultSeverity: Severity;
  policy: DeadlinePolicy;
  /** An answer must carry evidence (photos, documents). */
  evidenceRequired: boolean;
  active: boolean;
}
