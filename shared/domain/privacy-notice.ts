/**
 * The privacy notice a citizen accepts by submitting (Decree 13/2023 art. 11, consent; PDPL
 * 2025): which version, if any, is in force, and whether a submission names it.
 */
import type { FieldError } from './errors.js';
import type { LocalizedText } from './localized-text.js';

export interface PrivacyNotice {
  /** What `consentVersion` must name, e.g. `2026-01`. */
  version: string;
  text: LocalizedText;
  publishedAt: string;
}

/** What the ticket keeps of the consent given with it. */
export interface Consent {
  version: string;
  at: string;
}

/**
 * The error of a submission's consent: none while no notice is configured (a deployment
 * that has not published one yet keeps working), else the current version is required.
 */
export function consentError(notice: PrivacyNotice | undefined, consentVersion: string | undefined): FieldError | undefined {
  if (!notice) return undefined;
  if (consentVersion === undefined) {
    return { path: 'body.consentVersion', message: `required: the version of the privacy notice the citizen accepted (now "${notice.version}", GET /v1/privacy-notice)` };
  }
  if (consentVersion !== notice.version) {
    return { path: 'body.consentVersion', message: `"${consentVersion}" is not the current privacy notice; accept version "${notice.version}" (GET /v1/privacy-notice)` };
  }
  return undefined;
}
