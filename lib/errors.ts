// Errors that tell a broken environment from a misbehaving product, so reports can mark each for what it is.

/**
 * The environment (database, broker, browser, a platform process) is broken:
 * the product was not tested. Reports mark it "broken", never "failed".
 */
export class EnvironmentError extends Error {
  override name = 'EnvironmentError';
  constructor(message: string, options?: ErrorOptions) {
    super(`[environment] ${message}`, options);
  }
}

/** Bad input from the QA team (a profile, a catalog entry, a flag): fix the input and run again. */
export class ConfigurationError extends Error {
  override name = 'ConfigurationError';
  constructor(message: string, options?: ErrorOptions) {
    super(`[configuration] ${message}`, options);
  }
}
