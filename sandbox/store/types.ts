// The data-access layer's contract: what HTTP and ingest code need, the same on V9 and V10 schemas.

import type { PlatformVersion } from '../../catalog/index.ts';

export interface NewAccount {
  email: string;
  passwordHash: string;
  name: string;
  phone: string;
  whiteLabel: string;
  accountType: string;
  paymentMethod: string;
  offer: string;
  /** The run id of synthetic (test) traffic, null for real customers. */
  syntheticRun: string | null;
}

export type CatalogRefs = Pick<NewAccount, 'whiteLabel' | 'accountType' | 'paymentMethod' | 'offer'>;

export interface Account {
  id: number;
  email: string;
  name: string;
  phone: string;
  whiteLabel: string;
  partner: string;
  offer: string;
  modules: string[];
  accountType: string;
  paymentMethod: string;
}

export interface Credentials {
  accountId: number;
  passwordHash: string;
  whiteLabel: string;
}

export interface Branding {
  whiteLabel: string;
  brand: string;
  primaryColor: string;
  secondaryColor: string;
  logoSvg: string;
  supportPhone: string;
}

export type DeviceKind = 'camera' | 'alarm-panel' | 'object';

export interface Device {
  serial: string;
  model: string;
  modelName: string;
  kind: DeviceKind;
  online: boolean;
  lastSeenAt: Date | null;
}

export type ClaimResult = { ok: true; device: Device } | { ok: false; reason: 'unknown-model' | 'already-claimed' };

export interface StoredEvent {
  id: number;
  /** The device's own id of the event (V10 keeps it; a V9 event has none). */
  eventId?: string;
  serial: string;
  type: string;
  occurredAt: Date;
  payload: Record<string, unknown>;
}

export interface IncomingEvent {
  serial: string;
  eventId: string;
  accountId: number;
  type: string;
  /** ISO-8601 with an offset, as the device sent it. */
  at: string;
  payload: Record<string, unknown>;
}

/** Who is told about an account's events, and how. */
export interface NotificationTarget {
  brand: string;
  smsSender: string;
  phone: string;
  modules: string[];
  syntheticRun: string | null;
}

/** Customers, brands and sessions (the accounts database). */
export interface AccountStore {
  /**
   * Why a signup with these catalog ids is refused ('unknown offer "x"', 'white label "y" does not sell offer "x"'),
   * or undefined when the white label sells that offer, account type and payment method.
   */
  signupProblem(refs: CatalogRefs): Promise<string | undefined>;
  /** The new account's id, or 'email-taken'. */
  createAccount(account: NewAccount): Promise<number | 'email-taken'>;
  credentials(email: string): Promise<Credentials | undefined>;
  account(id: number): Promise<Account | undefined>;
  branding(whiteLabel: string): Promise<Branding | undefined>;

  createSession(tokenHash: string, accountId: number, expiresAt: Date): Promise<void>;
  /** The account of a session that has not expired. */
  sessionAccount(tokenHash: string): Promise<number | undefined>;
  deleteSession(tokenHash: string): Promise<void>;
  notificationTarget(accountId: number): Promise<NotificationTarget | undefined>;
}

/** Devices (accounts database) and their events (events database). */
export interface DeviceStore {
  claimDevice(accountId: number, serial: string, model: string): Promise<ClaimResult>;
  devices(accountId: number): Promise<Device[]>;
  /** Newest first. */
  events(accountId: number, limit: number): Promise<StoredEvent[]>;

  /** The account that claimed `serial`, or undefined. */
  deviceAccount(serial: string): Promise<number | undefined>;
  setOnline(serial: string, online: boolean): Promise<void>;
  recordHeartbeat(serial: string, firmware: string | null, at: Date): Promise<void>;
  /** Stores the event unless (serial, eventId) is already stored; returns the new id, or undefined for a duplicate. */
  storeEvent(event: IncomingEvent): Promise<number | undefined>;
}

export interface Store extends AccountStore, DeviceStore, SupportStore {
  readonly version: PlatformVersion;
  /** Proves the three databases answer. */
  ping(): Promise<void>;
}

/** One line of the back office's customer search. */
export interface AccountSummary {
  id: number;
  email: string;
  name: string;
  phone: string;
  whiteLabel: string;
  brand: string;
}

/** A device as support staff see it: with its firmware. */
export interface SupportDevice extends Device {
  firmware: string | null;
}

/** A recording of one of the account's devices (media database). */
export interface Recording {
  id: number;
  serial: string;
  eventId: string | null;
  startedAt: Date;
  durationMs: number;
  sizeBytes: number;
  storageKey: string;
}

/** Display names of reference data, by id. */
export interface Labels {
  partners: Record<string, string>;
  offers: Record<string, string>;
  modules: Record<string, string>;
  accountTypes: Record<string, string>;
}

/** What the back office and the customer space's recordings read: search, device status, recordings, labels. */
export interface SupportStore {
  /** Customers whose e-mail, name or phone contains `query` (case-insensitive), or whose id it is. */
  searchAccounts(query: string, limit: number): Promise<AccountSummary[]>;
  supportDevices(accountId: number): Promise<SupportDevice[]>;
  /** Newest first. */
  recordings(accountId: number, limit: number): Promise<Recording[]>;
  /** One recording, only if it belongs to one of the account's devices. */
  recording(accountId: number, id: number): Promise<Recording | undefined>;
  labels(): Promise<Labels>;
}
