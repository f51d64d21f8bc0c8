// A bound on queries in flight: the certifier keeps the database servers busy without queueing dozens of scans at once.

/** Runs `job` when a lane is free; `urgent` jobs go before the queued ones (long single queries that would else end last). */
export type Limiter = <T>(job: () => Promise<T>, urgent?: boolean) => Promise<T>;

export function limiter(concurrency: number): Limiter {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async <T>(job: () => Promise<T>, urgent = false): Promise<T> => {
    if (active >= concurrency) await new Promise<void>((resolve) => (urgent ? waiting.unshift(resolve) : waiting.push(resolve)));
    active += 1;
    try {
      return await job();
    } finally {
      active -= 1;
      waiting.shift()?.();
    }
  };
}
