// Ctrl-C (SIGINT) and SIGTERM: the run stops what it does, tears its environment down and ends INTERRUPTED (exit 130).

let received: NodeJS.Signals | undefined;

/** The signal that interrupted this run, if one did. */
export function interruption(): NodeJS.Signals | undefined {
  return received;
}

/** For tests: as if `signal` had arrived (undefined: as if none had). */
export function setInterruption(signal: NodeJS.Signals | undefined): void {
  received = signal;
}

/** The first signal marks the run interrupted and lets it tear down; a second one exits at once (the next run reaps what is left). */
export function watchInterrupts(log: (line: string) => void = console.error): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (received) process.exit(130);
      received = signal;
      log(`\n[harness] ${signal}: stopping the run and tearing the environment down (again to force)`);
    });
  }
}
