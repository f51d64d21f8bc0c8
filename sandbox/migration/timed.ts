// Wall-clock duration of one step, for the JSON line each ops command prints.

export async function timed<T extends object>(work: () => Promise<T>): Promise<T & { durationMs: number }> {
  const started = performance.now();
  const result = await work();
  return { ...result, durationMs: Math.round(performance.now() - started) };
}
