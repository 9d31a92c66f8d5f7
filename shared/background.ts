/**
 * The background functions table: stream consumers and scheduled jobs, the counterpart of the
 * route table. Read by the CDK stack (event source mappings, schedules) and by the local
 * runtime (stream poller, timers), so both run the same set with the same filters.
 */
export interface StreamConsumer {
  id: string;
  /** Entry module under functions/, without extension; it exports `handler`. */
  fn: string;
  /** Only INSERTs of items whose `sk` begins with this prefix reach the consumer (Lambda filter criteria). */
  insertsWithSkPrefix: string;
  batchSize: number;
  /** Publishes to the SNS topics (gets sns:Publish and the topic ARNs in env). */
  publishes?: boolean;
  /** Reads and deletes objects of the media bucket. */
  media?: boolean;
}

export interface ScheduledJob {
  id: string;
  fn: string;
  everyMinutes: number;
  /** Reads and deletes objects of the media bucket. */
  media?: boolean;
}

export const streamConsumers: readonly StreamConsumer[] = [
  { id: 'metrics', fn: 'streams/metrics', insertsWithSkPrefix: 'EVENT#', batchSize: 100 },
  { id: 'notifications', fn: 'streams/notifications', insertsWithSkPrefix: 'EVENT#', batchSize: 25, publishes: true },
  /** The same counting function, fed the follow outbox items (follower-store.ts). */
  { id: 'followMetrics', fn: 'streams/follow-metrics', insertsWithSkPrefix: 'FOLLOWS#', batchSize: 100 },
  /** Rejected as a duplicate: owner and followers become followers of the original. */
  { id: 'duplicateMerge', fn: 'streams/merge-duplicates', insertsWithSkPrefix: 'EVENT#', batchSize: 25 },
  /** DELETE /v1/me writes the erasure item; its INSERT runs the erasure (photos deleted from the bucket). */
  { id: 'erasure', fn: 'streams/erasure', insertsWithSkPrefix: 'ERASURE', batchSize: 1, media: true },
];

export const scheduledJobs: readonly ScheduledJob[] = [
  { id: 'reconcileMetrics', fn: 'jobs/reconcile-metrics', everyMinutes: 24 * 60 },
  { id: 'slaSweep', fn: 'jobs/sla-sweep', everyMinutes: 15 },
  { id: 'uploadSweep', fn: 'jobs/upload-sweep', everyMinutes: 24 * 60, media: true },
  /** Personal data of tickets closed or rejected RETENTION_MONTHS (24) ago; resumes interrupted erasures. */
  { id: 'retention', fn: 'jobs/retention', everyMinutes: 60, media: true },
];

/**
 * Jobs run by hand, never on a schedule: a function of the stack (table access only, no
 * schedule, no retries of its own) that an operator invokes until it answers `done: true`.
 */
export interface OnDemandJob {
  id: string;
  fn: string;
  /** Lambda's own ceiling is 15; the job stops itself a minute before its time runs out. */
  timeoutMinutes: number;
}

export const onDemandJobs: readonly OnDemandJob[] = [
  /** The 2024 → 2025 area migration (docs/data-model.md, "Area migration"), once the 2025 catalog is seeded. */
  { id: 'migrateAreas', fn: 'jobs/migrate-areas', timeoutMinutes: 15 },
];

/**
 * The function that processes objects landing under `keyPrefix` in the media bucket: S3 event
 * notifications (or GuardDuty's scan results) on AWS, the local S3 server's put events locally.
 */
export const uploadProcessor = { id: 'processUpload', fn: 'events/process-upload', keyPrefix: 'incoming/' } as const;
