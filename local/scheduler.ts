/**
 * The local stand-in for EventBridge schedules: runs each job of shared/background.ts on a
 * timer, never two runs of one job at once, and stops cleanly (waiting for a run in flight).
 */
import type { ScheduledJob } from '../shared/background.js';
import { lambdaContext, loadFunction } from './handlers.js';

export interface Scheduler {
  stop(): Promise<void>;
}

export interface SchedulerOptions {
  jobs: readonly ScheduledJob[];
  /** Per job id: run this often instead of `everyMinutes` (e.g. the SLA sweep every minute locally). */
  intervalMs?: Record<string, number>;
  log?: (line: string) => void;
}

export function startScheduler({ jobs, intervalMs = {}, log = console.log }: SchedulerOptions): Scheduler {
  let stopped = false;
  const timers = new Set<NodeJS.Timeout>();
  const running = new Set<Promise<void>>();

  for (const job of jobs) {
    const every = intervalMs[job.id] ?? job.everyMinutes * 60_000;
    const schedule = () => {
      if (stopped) return;
      const timer = setTimeout(() => {
        timers.delete(timer);
        const run = (async () => {
          try {
            const { handler } = await loadFunction(job.fn);
            await handler({}, lambdaContext(job.fn, 15 * 60_000));
          } catch (error) {
            log(`scheduled job ${job.id} failed: ${(error as Error).stack ?? error}`);
          }
        })();
        running.add(run);
        void run.finally(() => {
          running.delete(run);
          schedule();
        });
      }, every);
      timer.unref();
      timers.add(timer);
    };
    schedule();
  }

  return {
    async stop() {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await Promise.all(running);
    },
  };
}
