// Background work (outbound calls) an instance finishes, within a bound, before it exits.

export interface BackgroundTasks {
  /** Runs `work` in the background; its failure is the work's own business (it logs). */
  track(work: Promise<unknown>): void;
  /** Waits for the tracked work, at most `timeoutMs`. */
  drain(timeoutMs: number): Promise<void>;
}

export function createBackgroundTasks(): BackgroundTasks {
  const pending = new Set<Promise<unknown>>();
  return {
    track(work) {
      const settled = work.catch(() => undefined).finally(() => pending.delete(settled));
      pending.add(settled);
    },
    async drain(timeoutMs) {
      const deadline = new Promise<void>((resolve) => setTimeout(resolve, timeoutMs).unref());
      await Promise.race([Promise.allSettled([...pending]), deadline]);
    },
  };
}
