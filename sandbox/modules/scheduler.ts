// The instance's scheduler: every second, the mail queue, then the accounts whose renewal, grace or home-care window is due.
// Idle while the platform is in maintenance: the migration, its backup and the rollback must find the data as they left it.

import type pg from 'pg';
import { describeError } from '../log.ts';
import { backgroundJobsLock, readMaintenance } from '../migration/maintenance.ts';
import type { ModuleContext } from './context.ts';
import { runAccountJobs } from './jobs.ts';
import { policy } from './policy.ts';

export interface Scheduler {
  /** Stops ticking and waits for the tick under way. */
  stop(): Promise<void>;
}

export function startScheduler(ctx: ModuleContext, accounts: pg.Pool, everyMs: number = policy.schedulerMs): Scheduler {
  let running: Promise<void> | undefined;
  let lastProblem = '';
  const jobs = async (): Promise<void> => {
    await ctx.providers.mail.deliverDue();
    const base = await ctx.clock.base();
    const due = new Set([...(await ctx.store.billing.candidates(base, 100)), ...(await ctx.store.state.homeCareCandidates(base, 100))]);
    for (const id of due) await runAccountJobs(ctx, id, false);
  };
  const tick = async (): Promise<void> => {
    try {
      // The shared lock is held while the jobs write; turning maintenance on waits for it (setMaintenance).
      const client = await accounts.connect();
      let broken: unknown;
      try {
        await client.query('SELECT pg_advisory_lock_shared($1)', [backgroundJobsLock]);
        try {
          if ((await readMaintenance(client)).maintenance) {
            ctx.stats.scheduler.idleInMaintenance += 1;
          } else {
            await jobs();
            ctx.stats.scheduler.ran += 1;
          }
        } finally {
          await client.query('SELECT pg_advisory_unlock_shared($1)', [backgroundJobsLock]).catch((error: unknown) => (broken = error));
        }
      } finally {
        // A session that may still hold the lock is closed, never handed back to the pool.
        client.release(broken instanceof Error ? broken : undefined);
      }
      lastProblem = '';
    } catch (error) {
      // Logged once per distinct problem: a database down for a minute must not flood the log.
      const problem = describeError(error);
      if (problem !== lastProblem) ctx.log.error(`scheduler: ${problem}`);
      lastProblem = problem;
    }
  };
  const timer = setInterval(() => {
    running ??= tick().finally(() => (running = undefined));
  }, everyMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
