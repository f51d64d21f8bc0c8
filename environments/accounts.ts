// The designated test accounts of a remote environment (and of a local run's migrated customers): what they hold and what QA recorded of them.

/** A device designated for the smoke pass, claimed by its test account: the only devices it connects there. */
export interface TestDevice {
  /** As the device's label prints it: 1 to 64 of A-Z a-z 0-9 . _ - */
  serial: string;
  /** Its catalog model id (catalog/data/camera-models.yaml, alarm-panels.yaml, objects.yaml). */
  model: string;
}

/** An event of the designated history: when it happened, as an instant with its Paris offset. */
export interface ReferenceEvent {
  serial: string;
  type: string;
  /** ISO-8601 with an offset, e.g. 2019-10-27T02:30:00+02:00 (the first 02:30 of the night clocks go back). */
  at: string;
}

export interface ReferenceRecording {
  serial: string;
  startedAt: string;
  durationMs: number;
}

/** What a test account held before the migration, recorded by QA: the smoke pass's data spot checks expect it after. */
export interface ReferenceData {
  /** The catalog offer id the account subscribes to. */
  offer: string;
  events: ReferenceEvent[];
  recordings: ReferenceRecording[];
  /** The contract's settings as the customer saw them (optional): compared by value after the migration. */
  account?: ReferenceContract;
}

/** A customer's settings that the migration must carry over as they were. */
export interface ReferenceContract {
  name: string;
  phone: string;
  /** Catalog ids (catalog/data/account-types.yaml, payment-methods.yaml). */
  accountType: string;
  paymentMethod: string;
}

/** A designated test account of a remote environment: the only accounts writes may touch there. */
export interface TestAccount {
  email: string;
  password: string;
  whiteLabel: string;
  /** Devices the smoke pass may connect (optional). */
  devices?: TestDevice[];
  /** The account's recorded data, for the data spot checks (optional). */
  reference?: ReferenceData;
}

/** A back-office (support staff) account the smoke pass logs in with, read-only. */
export interface SupportAgent {
  email: string;
  password: string;
}

/** The test accounts file: the original array of accounts, or an object that may also name a support agent. */
export interface TestAccountsFile {
  accounts: TestAccount[];
  supportAgent?: SupportAgent;
}
