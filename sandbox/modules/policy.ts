// How each module reacts when its provider is down, slow or garbled (docs/platform-interface.md, "Outbound third parties").

/**
 * The stand-in's delays are seconds where a production platform would use minutes, so that a scenario can watch
 * a retry or a queue drain within its deadline. The decisions (retry, queue, degrade, wait for a webhook) are the contract.
 */
export const policy = {
  /** Retry with backoff, then give up (logged and counted as failed). A garbled 2xx counts as sent: resending would duplicate. */
  sms: { timeoutMs: 3000, attempts: 3, backoffMs: 300 },
  /** Queue: the outbox keeps the mail and the scheduler retries with capped backoff until the provider accepts it. */
  mail: { timeoutMs: 3000, backoffMs: 500, maxBackoffMs: 3000, maxAttempts: 40, leaseMs: 15_000 },
  /** Retry once, then degrade: the customer is alerted anyway, the event labelled "classification unavailable". */
  ai: { timeoutMs: 2000, attempts: 2, backoffMs: 200 },
  /**
   * Unreachable provider: the renewal is retried an hour (of the account's clock) later, the customer is not at fault.
   * No readable answer (timeout, garbled): the outcome is unknown until the webhook, or the retry with the same key.
   * A refused payment starts the grace period; when it ends, the modules are suspended.
   */
  payment: { timeoutMs: 4000, retryAfterMs: 3_600_000, graceDays: 7, periodDays: 30 },
  /**
   * Camera alarms to the monitoring centre: retried once; when the centre still does not acknowledge (down, error,
   * too slow, unreadable), the platform escalates to the customer directly (SMS and e-mail, outside quotas).
   */
  monitoring: { timeoutMs: 3000, attempts: 2, backoffMs: 300 },
  /** How often each instance runs due work (mail queue, renewals, home care, retention). */
  schedulerMs: 1000,
  /** Home care: the inactivity window a family may choose. */
  homeCare: { minMinutes: 60, maxMinutes: 48 * 60 },
} as const;

/** Event types that show someone moving at home (home care). */
export const movementTypes: ReadonlySet<string> = new Set(['motion', 'person', 'line-crossing']);

/** Camera events that are alarms for the monitoring centre (a motion the AI labels "person" is one too). */
export const cameraAlarmTypes: ReadonlySet<string> = new Set(['person', 'tamper', 'line-crossing']);
