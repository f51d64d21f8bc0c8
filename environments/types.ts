// The environment object: every address a run needs, and what the target allows.

import type { PlatformVersion } from '../catalog/index.ts';
import type { PlatformOperations } from './operations.ts';
import type { OpsTool } from '../lib/ops-tool.ts';
import type { SupportAgent, TestAccount } from './accounts.ts';

/** A name of environments/registry.ts (`parseEnvironmentName` checks it). */
export type EnvironmentName = string;

/**
 * What an environment lets the harness do, read by the guard, the dry run, the steps and the fleet simulator (never
 * the environment's name). Honest per kind (environments/kinds/): pre-production plays the full regression, whose
 * scenarios create their own customers, so it allows writes anywhere; production only on its designated test accounts.
 */
export interface Capabilities {
  /** Where steps may write (create a customer, claim or connect a device, pay): anywhere, on designated test accounts only, nowhere. */
  writes: 'any' | 'designated-accounts' | 'none';
  /** What a run may select: every scenario, or only `@smoke` ones (refused before anything starts otherwise). */
  selection: 'full' | 'smoke';
  /** Whose accounts the smoke pass and the migrated customers' journeys play: made by the scenario, or designated in a test accounts file. */
  accounts: 'created' | 'designated';
  /** Fault switches (`--fault`) may break the platform: only the stand-in platform started here. */
  faults: boolean;
  /** The platform's clock can be set (`POST /__ops/clock`, `KW_CLOCK_SHIFT_DAYS`). */
  testClock: boolean;
  /** The harness runs the platform's ops tool (generate, maintenance, backup, migrate, rollback, redeploy); elsewhere the ops team does. */
  opsTool: boolean;
}

/**
 * One kind of environment (environments/kinds/), registered by name in environments/registry.ts: adding an
 * environment is one file there and one line in the registry.
 */
export interface EnvironmentKind {
  readonly name: string;
  /** The plan `certify` plays by default: harness/plans/<defaultPlan>.yaml. */
  readonly defaultPlan: string;
  readonly capabilities: Capabilities;
  /** Refuses, naming the variable, what this environment cannot start with (before anything starts, in --dry-run too). */
  validate(env: NodeJS.ProcessEnv): void;
  /** Refuses `--fault` where the platform is not the harness's to break. */
  checkFaults(faults: readonly string[]): void;
  /** Where the platform runs elsewhere: its addresses and test accounts, from variables (preflight reaches them, record-reference reads them). */
  remote?(env: NodeJS.ProcessEnv): RemoteConfig;
  /** Brings the environment up; what fails to start is stopped again. */
  start(options: StartOptions, env: NodeJS.ProcessEnv): Promise<StartedEnvironment>;
}

/** A platform that runs elsewhere, as its variables give it (environments/remote.ts reads and checks them). */
export interface RemoteConfig {
  instances: { id: string; url: string }[];
  expectedVersion: PlatformVersion;
  mqttUrl: string;
  databases: { accounts: string; events: string; media: string };
  testAccounts: TestAccount[];
  /** The test accounts file they were read from (absolute path). */
  testAccountsFile: string;
  supportAgent?: SupportAgent;
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
  /** What the environment lets the harness do (its kind's, environments/kinds/). */
  capabilities: Capabilities;
  /** How to run the platform's ops tool, where `capabilities.opsTool` (lib/ops-tool.ts runs it). */
  opsTool?: OpsTool;
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
  /** When the maintenance was lifted after the window (ISO UTC): what the window kept must show within a deadline from then. */
  reopenedAt?: string;
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
  /** Ops tooling (maintenance, backup, migration, rollback); undefined where the harness may not run it (`capabilities.opsTool` false). */
  readonly operations: PlatformOperations | undefined;
  /** Stops every instance and starts them again on `version`, honouring deployment faults. */
  redeploy(version: PlatformVersion): Promise<void>;
  stop(): Promise<void>;
}
