/** What the personal-data use cases (privacy notice, consent; export, erasure, access record) need from storage. */
import type { PrivacyNotice } from '../domain/privacy-notice.js';

export interface PersonalDataStore {
  /** The notice in force (cached per instance until it changes), undefined when none is configured. */
  privacyNotice(): Promise<PrivacyNotice | undefined>;
  /** Publishes a notice; with `onlyIfAbsent` an existing one (a city's own) is kept. Returns whether it was written. */
  putPrivacyNotice(notice: PrivacyNotice, opts?: { onlyIfAbsent?: boolean }): Promise<boolean>;
}
