// The one error a sandbox command reports and exits on: the process prints its message and exits with code 2.

/** Startup failed for a reason outside the code (a flag, an unreachable service, a schema of another version). */
export class StartupError extends Error {
  override name = 'StartupError';
}
