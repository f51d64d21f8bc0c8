// A platform instance of a local run that ended while it should be running: crashed (the product) or killed (the environment).

import type { Finding } from './verdict.ts';

export interface DeadInstance {
  id: string;
  exitCode: number | null;
  signal: string | null;
}

export interface DeadInstanceFinding {
  finding: Extract<Finding, 'product' | 'environment'>;
  /** The Allure status of the harness's own result: failed for the product, broken for the environment. */
  status: 'failed' | 'broken';
  why: string;
}

/**
 * An instance that exited by itself with an error code crashed: V10 code that dies on a camera event is the worst
 * regression there is, so it is the product (NO-GO). One ended by a signal, or that stopped cleanly (exit 0: it was
 * asked to, by a signal or its parent going away), was stopped from outside (the OOM killer, an operator): the
 * environment, the product was not tested (INCOMPLETE).
 */
export function deadInstanceFinding(dead: DeadInstance[], during: string): DeadInstanceFinding | undefined {
  if (dead.length === 0) return undefined;
  const crashed = dead.filter((d) => d.signal === null && d.exitCode !== null && d.exitCode !== 0);
  const describe = (list: DeadInstance[]) => list.map((d) => `${d.id} (exit code ${d.exitCode}, signal ${d.signal})`).join(', ');
  const logs = `see logs/platform-${dead.length === 1 ? dead[0]!.id : '<id>'}.log`;
  if (crashed.length > 0) {
    return { finding: 'product', status: 'failed', why: `platform instance ${describe(crashed)} crashed ${during}: it exited by itself with an error code; ${logs}` };
  }
  return { finding: 'environment', status: 'broken', why: `[environment] platform instance ${describe(dead)} died ${during}, stopped from outside (a signal or a clean exit nobody in the harness asked for); ${logs}` };
}

/**
 * The instances dead now, or within `graceMs` when none is yet: an instance that crashes on a request closes its
 * connections before its parent hears of its exit, so the request's "connection closed" reaches the harness first. A step
 * the environment seemed to break waits this long to tell a crash (the product) from a broken environment.
 */
export async function deadWithin(read: () => DeadInstance[], graceMs: number, pollMs = 50): Promise<DeadInstance[]> {
  const deadline = Date.now() + graceMs;
  for (;;) {
    const dead = read();
    if (dead.length > 0 || Date.now() >= deadline) return dead;
    await new Promise((resolve) => setTimeout(resolve, Math.min(pollMs, Math.max(1, deadline - Date.now()))));
  }
}
