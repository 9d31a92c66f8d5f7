/** What the personal-data use cases (privacy notice, consent; export, erasure, retention, access record) need from storage. */
import type { AccessEntry } from '../domain/personal-data.js';
import type { PrivacyNotice } from '../domain/privacy-notice.js';
import type { Page, PageRequest } from './core-ports.js';

export interface Erasure {
  /** One id per user: asking again returns the same erasure. */
  id: string;
  userId: string;
  status: 'pending' | 'done';
  requestedAt: string;
  finishedAt?: string;
  /** Items each step removed or anonymised (tickets, followings, notifications, preferences, photos). */
  counts?: Record<string, number>;
}

/** A manager's or admin's export of many tickets: one entry per export, not one per row. */
export interface ExportAccess extends Omit<AccessEntry, 'ticketId'> {
  /** The export's scope and period (received local days). */
  scope: string;
  from: string;
  to: string;
}

export interface Following {
  ticketId: string;
  at: string;
  via: string;
}

/** What an erasure step removes of a user's own items, each idempotent (a replay finds nothing). */
export interface PersonalDataStore {
  /** The notice in force (cached per instance until it changes), undefined when none is configured. */
  privacyNotice(): Promise<PrivacyNotice | undefined>;
  /** Publishes a notice; with `onlyIfAbsent` an existing one (a city's own) is kept. Returns whether it was written. */
  putPrivacyNotice(notice: PrivacyNotice, opts?: { onlyIfAbsent?: boolean }): Promise<boolean>;

  /** Creates the user's erasure unless one exists; returns the one that exists (twice, or at once: one erasure). */
  requestErasure(erasure: Erasure): Promise<Erasure>;
  erasure(userId: string): Promise<Erasure | undefined>;
  finishErasure(userId: string, finishedAt: string, counts: Record<string, number>): Promise<void>;
  /** Erasures not finished, oldest first (the retention job resumes any a crash left behind). */
  pendingErasures(limit: number): Promise<Erasure[]>;

  /** The user's follower records. */
  followings(userId: string): Promise<Following[]>;
  /** Deletes the user's follower records (the tickets' counts stay: counters are kept). */
  deleteFollowings(userId: string, ticketIds: readonly string[]): Promise<number>;
  /** Deletes the user's inbox and notification preferences. */
  deleteInbox(userId: string): Promise<number>;
  deletePreferences(userId: string): Promise<number>;
  /** Deletes upload items (the photos' own records, which name their uploader). */
  deleteUploads(ids: readonly string[]): Promise<void>;
  /** Takes the citizen out of one stored event of a ticket (actor, data fields); idempotent. */
  scrubEvent(ticketId: string, version: number, scrub: { actorId?: string; removeData: readonly string[] }): Promise<void>;
  /** Sets the events' ticket snapshot owner to `citizenId`, so no consumer reads the old id again. */
  scrubEventOwners(ticketId: string, versions: readonly number[], citizenId: string): Promise<void>;

  /** Ids of tickets finalised on or before the local day `lastDay` that still hold personal data, oldest first. */
  retentionDue(lastDay: string, limit: number): Promise<string[]>;

  /** Appends access entries (batched); the caller decides they never block a read. */
  appendAccess(entries: readonly AccessEntry[]): Promise<void>;
  appendExportAccess(entry: ExportAccess): Promise<void>;
  /** A ticket's access entries, oldest first. */
  accessLog(ticketId: string, page: PageRequest): Promise<Page<AccessEntry>>;
  /** Export entries made at or after `since`, oldest first. */
  exportsSince(since: string): Promise<ExportAccess[]>;
}
