// The service modules' data-access contract: what sandbox/modules and sandbox/payments need, the same on V9 and V10.

/** An account as its modules see it: brand senders, offer terms, payment method. */
export interface ModuleAccount {
  id: number;
  email: string;
  name: string;
  phone: string;
  whiteLabel: string;
  partner: string;
  brand: string;
  smsSender: string;
  mailSender: string;
  offer: string;
  offerName: string;
  modules: string[];
  retentionDays: number;
  monthlyPriceCents: number;
  smsQuota: number;
  emailQuota: number;
  paymentMethod: string;
  syntheticRun: string | null;
  createdAt: Date;
}

export interface NewRecording {
  serial: string;
  eventId: string;
  startedAt: Date;
  durationMs: number;
  sizeBytes: number;
  storageKey: string;
}

export interface ModuleRecording extends NewRecording {
  id: number;
}

/** What differs between V9 and V10: the tables of customers, devices, events and recordings. */
export interface VersionedModuleStore {
  account(id: number): Promise<ModuleAccount | undefined>;
  deviceKind(serial: string): Promise<'camera' | 'alarm-panel' | 'object' | null>;
  /** The generation (cameras) or protocol of the device's model: http-push, mqtt3, ... */
  deviceConnectivity(serial: string): Promise<string | null>;
  serials(accountId: number): Promise<string[]>;
  /** Idempotent on the storage key. */
  addRecording(recording: NewRecording): Promise<void>;
  /** Newest first. */
  recordings(serials: string[], limit: number): Promise<ModuleRecording[]>;
  /** Deletes the recordings of `serials` that started before `before`; returns how many. */
  purgeRecordings(serials: string[], before: Date): Promise<number>;
  /** Merges `fields` into the event's payload (V10) or details (V9). */
  annotateEvent(serial: string, eventId: string, fields: Record<string, unknown>): Promise<void>;
  /** The SEPA mandate the customer signed, if any (V9's sepa_mandates, V10's payment_mandates). */
  mandate(accountId: number): Promise<Mandate | undefined>;
}

/** A SEPA direct debit mandate: every debit names it; a new one is never asked for. */
export interface Mandate {
  reference: string;
  signedAt: Date;
}

export interface HomeCareSettings {
  windowMinutes: number;
  familyPhone: string;
  familyEmail: string | null;
}

export interface ModuleState {
  clockOffsetMs: number;
  aiClasses: string[];
  homeCare: HomeCareSettings | null;
  watchSince: Date | null;
  inactivityAlertedAt: Date | null;
}

export type Channel = 'sms' | 'email';

export interface OutboxMail {
  id: number;
  customerId: number;
  message: Record<string, unknown>;
  syntheticRun: string | null;
  attempts: number;
}

export interface Billing {
  instrument: string | null;
  paidUntil: Date;
  pastDueSince: Date | null;
  suspended: boolean;
}

export type PaymentStatus = 'due' | 'pending' | 'succeeded' | 'failed' | 'unavailable' | 'unknown';

export interface Payment {
  customerId: number;
  periodStart: Date;
  amountCents: number;
  method: string;
  idempotencyKey: string;
  status: PaymentStatus;
  providerChargeId: string | null;
  failure: string | null;
  attempts: number;
  nextAttemptAt: Date | null;
}

export interface InvoiceLine {
  partner: string;
  periodStart: Date;
  amountCents: number;
}
