// The instance's scheduler: every second, the mail queue, then the accounts whose renewal, grace or home-care window is due.

import { describeError } from '../log.ts';
import type { ModuleContext } from './context.ts';
import { runAccountJobs } from './jobs.ts';
import { policy } from './policy.ts';

export interface Scheduler {
  /** Stops ticking and waits for the tick under way. */
  stop(): Promise<void>;
}

export function startScheduler(ctx: ModuleContext, everyMs: number = policy.schedulerMs): Scheduler {
  let running: Promise<void> | undefined;
  let lastProblem = '';
  const tick = async (): Promise<void> => {
    try {
      await ctx.providers.mail.deliverDue();
      const base = await ctx.clock.base();
      const due = new Set([...(await ctx.store.billing.candidates(base, 100)), ...(await ctx.store.state.homeCareCandidates(base, 100))]);
      for (const id of due) await runAccountJobs(ctx, id, false);
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
