// The environment object: every address a run needs, and what the target allows.

import type { PlatformVersion } from '../catalog/index.ts';
import type { PlatformOperations } from './operations.ts';
import type { SupportAgent, TestAccount } from './accounts.ts';

export const environmentNames = ['local', 'services', 'containers', 'preprod', 'production'] as const;
export type EnvironmentName = (typeof environmentNames)[number];

/** Pre-production and production: a platform that runs elsewhere, not the harness's to start, fault or set the clock of. */
export type RemoteEnvironmentName = 'preprod' | 'production';

export function isRemoteEnvironment(name: EnvironmentName): name is RemoteEnvironmentName {
  return name === 'preprod' || name === 'production';
}

/**
 * The plan an environment plays by default (harness/plans/NAME.yaml): the ones where the harness starts the stand-in
 * platform on this machine (local, services, containers) share the local plan.
 */
export function planNameOf(name: EnvironmentName): string {
  return isRemoteEnvironment(name) ? name : 'local';
}

export interface PlatformInstance {
  id: string;
  url: string;
}

/**
 * What Cucumber workers receive (as JSON, through HARNESS_ENV_FILE): addresses
 * and permissions, never a handle on processes.
 */
export interface EnvironmentDescriptor {
  name: EnvironmentName;
  runId: string;
  /** Production and pre-production refuse writes outside designated test accounts. */
  allowsWrites: boolean;
  platform: { expectedVersion: PlatformVersion; instances: PlatformInstance[] };
  mqttUrl: string;
  databases: { accounts: string; events: string; media: string };
  /** The PostgreSQL server itself (its maintenance database), for scenarios that make their own databases. */
  databaseServer: string;
  stubsUrl: string;
  catalogDir: string;
  /** Designated test accounts (pre-production, production): the only accounts a write may touch there; their devices and reference data. */
  testAccounts: TestAccount[];
  /** The back-office account the smoke pass logs in with on a remote environment (from the test accounts file). */
  supportAgent?: SupportAgent;
  /** The platform's clock can be set (`POST /__ops/clock`): only on the stand-in platform of this machine. */
  testClock: boolean;
  /** The cut-over cohort of the run (plan step `cutover-start`): what its devices did during the maintenance window. */
  cutover?: CutoverRecord;
}

/** A device of the cut-over cohort and the state it is really in after the window. */
export interface CutoverDevice {
  serial: string;
  model: string;
  generation: string;
  role: string;
  onlineBefore: boolean;
  /** Connected after the window (as it really is). */
  online: boolean;
}

/** An event a cohort device sent during the window, in the order sent; `alarm`: one for the monitoring centre. */
export interface CutoverEvent {
  serial: string;
  eventId: string;
  type: string;
  /** The device's time of the event (ISO-8601 with its offset). */
  at: string;
  alarm: boolean;
}

/** A customer of the cut-over cohort (one per partner), its cameras and what they sent during the window, in order. */
export interface CutoverCustomer {
  partner: string;
  whiteLabel: string;
  brand: string;
  offer: string;
  offerName: string;
  /** The offer includes remote monitoring: the window's alarm goes to the monitoring centre. */
  monitoring: boolean;
  account: { name: string; email: string; password: string };
  devices: CutoverDevice[];
  events: CutoverEvent[];
}

/** The hand-over between the plan's cut-over steps and the scenario that checks V10 after the window. */
export interface CutoverRecord {
  customers: CutoverCustomer[];
  /** What happened during the window, when (ISO UTC), to which device. */
  actions: { at: string; serial: string; what: string }[];
}

export interface StartOptions {
  runId: string;
  version: PlatformVersion;
  instances: number;
  /** Named fault switches of the stand-in platform (local environments only). */
  faults: string[];
  /** Where process logs go. */
  logDir: string;
  /** Start of the migration's maintenance window announced to customers (ISO-8601 with an offset); none by default. */
  noticeAt?: string;
  /** The stand-in platform's clock starts this many days away from real time (`KW_CLOCK_SHIFT_DAYS`): a run as on another date. */
  clockShiftDays?: number;
  /** Where the environment says what it chose (the containers' images); the console by default. */
  log?: (line: string) => void;
}

/** A started environment: its descriptor plus what only the orchestrator may do. */
export interface StartedEnvironment extends AsyncDisposable {
  /** The current addresses: a redeployment changes the instances' ports. */
  readonly descriptor: EnvironmentDescriptor;
  /** Processes of the platform that exited while they should be running. */
  deadInstances(): { id: string; exitCode: number | null; signal: string | null }[];
  /** Ops tooling (maintenance, backup, migration, rollback); undefined where the harness may not run it (pre-production, production). */
  readonly operations: PlatformOperations | undefined;
  /** Stops every instance and starts them again on `version`, honouring deployment faults. */
  redeploy(version: PlatformVersion): Promise<void>;
  stop(): Promise<void>;
}
