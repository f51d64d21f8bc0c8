// Errors that tell a broken environment from a misbehaving product, so reports can mark each for what it is.

import { AssertionError } from 'node:assert';

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

/**
 * The platform did not behave as the scenario expects: a product defect. Its class name says "Assertion" so
 * that reports (Allure classifies by the error type's name) mark it "failed", not "broken".
 */
export class ProductAssertionError extends AssertionError {
  constructor(message: string, options?: { cause?: unknown }) {
    super({ message });
    if (options?.cause !== undefined) this.cause = options.cause;
  }
}
