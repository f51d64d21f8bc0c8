// Pre-production and production: a platform that already runs elsewhere; addresses and secrets from variables or a file outside the repo.

import { existsSync, readFileSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { defaultCatalogDir, loadCatalog, type PlatformVersion } from '../catalog/index.ts';
import { ConfigurationError } from '../lib/errors.ts';
import { registerSecret } from '../lib/mask.ts';
import { startStubServer } from '../simulators/index.ts';
import type { ReferenceContract, ReferenceData, SupportAgent, TestAccount, TestAccountsFile, TestDevice } from './accounts.ts';
import type { EnvironmentDescriptor, EnvironmentKind, RemoteConfig, StartOptions, StartedEnvironment } from './types.ts';

export type { ReferenceContract, ReferenceData, ReferenceEvent, ReferenceRecording, SupportAgent, TestAccount, TestAccountsFile, TestDevice } from './accounts.ts';

export type { RemoteConfig } from './types.ts';

const repoRoot = resolve(import.meta.dirname, '..');

/** The variables a remote environment reads, each with what it holds. */
export function remoteVariables(name: string): Record<string, string> {
  const p = name.toUpperCase();
  return {
    [`${p}_INSTANCES`]: 'the platform instances, "i01=https://host-1,i02=https://host-2,..."',
    [`${p}_INSTANCE_COUNT`]: 'how many instances must answer (46 for the migration rehearsal)',
    [`${p}_EXPECTED_VERSION`]: 'v9 or v10 (default v10)',
    [`${p}_MQTT_URL`]: 'the device broker, e.g. mqtts://broker.example:8883',
    [`${p}_ACCOUNTS_DB_URL`]: 'read-only URL of the accounts database',
    [`${p}_EVENTS_DB_URL`]: 'read-only URL of the events database',
    [`${p}_MEDIA_DB_URL`]: 'read-only URL of the media database',
    [`${p}_TEST_ACCOUNTS_FILE`]: 'a JSON file OUTSIDE the repository: the designated test accounts, [{"email","password","whiteLabel","devices"?,"reference"?}] or {"accounts":[...],"supportAgent"?:{"email","password"}} (README, "Environments")',
  };
}

/** Reads and validates a remote environment's configuration; each missing or malformed value names its variable. */
export function loadRemoteConfig(name: string, env: NodeJS.ProcessEnv): RemoteConfig {
  const p = name.toUpperCase();
  const problems: string[] = [];
  const need = (key: string): string => {
    const value = env[`${p}_${key}`];
    if (!value) problems.push(`${p}_${key} is not set: ${remoteVariables(name)[`${p}_${key}`]}`);
    return value ?? '';
  };
  const instances = need('INSTANCES')
    .split(',')
    .filter(Boolean)
    .map((pair) => {
      const [id = '', url = ''] = pair.split('=');
      if (!id || !/^https?:\/\//.test(url)) problems.push(`${p}_INSTANCES: "${pair}" must be id=http(s)://host`);
      return { id: id.trim(), url: url.trim() };
    });
  const count = Number(need('INSTANCE_COUNT'));
  if (env[`${p}_INSTANCE_COUNT`] && instances.length !== count) problems.push(`${p}_INSTANCES lists ${instances.length} instances but ${p}_INSTANCE_COUNT says ${count}`);
  const version = env[`${p}_EXPECTED_VERSION`] ?? 'v10';
  if (version !== 'v9' && version !== 'v10') problems.push(`${p}_EXPECTED_VERSION must be v9 or v10, got "${version}"`);
  const mqttUrl = need('MQTT_URL');
  const databases = { accounts: need('ACCOUNTS_DB_URL'), events: need('EVENTS_DB_URL'), media: need('MEDIA_DB_URL') };
  const accountsFile = need('TEST_ACCOUNTS_FILE');
  let accounts: TestAccountsFile = { accounts: [] };
  const path = resolve(accountsFile);
  if (accountsFile) {
    if (path.startsWith(repoRoot + sep)) problems.push(`${p}_TEST_ACCOUNTS_FILE points inside the repository (${path}): secrets stay outside it`);
    else if (!existsSync(path)) problems.push(`${p}_TEST_ACCOUNTS_FILE: no file at ${path}`);
    else {
      let json: unknown;
      try {
        json = JSON.parse(readFileSync(path, 'utf8'));
      } catch (error) {
        problems.push(`${p}_TEST_ACCOUNTS_FILE ${path}: not JSON (${(error as Error).message})`);
      }
      if (json !== undefined) {
        const parsed = parseTestAccounts(json);
        if ('problems' in parsed) problems.push(...parsed.problems.map((problem) => `${p}_TEST_ACCOUNTS_FILE ${path}: ${problem}`));
        else accounts = parsed;
      }
    }
  }
  if (problems.length > 0) throw new ConfigurationError(`environment "${name}" is not configured:\n  - ${problems.join('\n  - ')}`);
  return { instances, expectedVersion: version as PlatformVersion, mqttUrl, databases, testAccounts: accounts.accounts, testAccountsFile: path, ...(accounts.supportAgent ? { supportAgent: accounts.supportAgent } : {}) };
}

/** A remote environment: nothing to start but the stub server; what it allows is its kind's (no fault, no ops tool, no test clock). */
export async function startRemoteEnvironment(kind: EnvironmentKind, config: RemoteConfig, options: StartOptions): Promise<StartedEnvironment> {
  kind.checkFaults(options.faults);
  const { name } = kind;
  const stubs = await startStubServer();
  const descriptor: EnvironmentDescriptor = {
    name,
    runId: options.runId,
    capabilities: kind.capabilities,
    platform: { expectedVersion: config.expectedVersion, instances: config.instances },
    mqttUrl: config.mqttUrl,
    databases: config.databases,
    databaseServer: config.databases.accounts,
    stubsUrl: stubs.url,
    catalogDir: defaultCatalogDir,
    testAccounts: config.testAccounts,
    ...(config.supportAgent ? { supportAgent: config.supportAgent } : {}),
  };
  return {
    descriptor,
    operations: undefined,
    async redeploy() {
      throw new ConfigurationError(`the harness does not redeploy ${name}: the ops team does, then the harness checks it`);
    },
    deadInstances: () => [],
    stop: () => stubs.close(),
    [Symbol.asyncDispose]: () => stubs.close(),
  };
}

const serialPattern = /^[A-Za-z0-9._-]{1,64}$/;
const typePattern = /^[a-z][a-z0-9.-]*$/;
/** An instant that names its offset: 2019-10-27T02:30:00+02:00, 2019-10-27T00:30:00Z. */
const instantPattern = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,6})?(Z|[+-]\d\d:\d\d)$/;

/**
 * Validates the test accounts file's content: the original array of {email, password, whiteLabel}, each with optional
 * `devices` and `reference`, or an object {accounts, supportAgent?}. Every problem names its place (accounts[1].devices[0].model).
 */
export function parseTestAccounts(json: unknown, catalogDir: string = defaultCatalogDir): TestAccountsFile | { problems: string[] } {
  const problems: string[] = [];
  const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
  const text = (where: string, value: unknown): string => {
    if (typeof value === 'string' && value !== '') return value;
    problems.push(`${where} must be a non-empty string`);
    return '';
  };
  const unknownKeys = (where: string, value: Record<string, unknown>, known: string[]): void => {
    for (const key of Object.keys(value)) if (!known.includes(key)) problems.push(`${where} has an unknown key "${key}" (known: ${known.join(', ')})`);
  };
  const list = Array.isArray(json) ? json : isObject(json) ? json['accounts'] : undefined;
  if (!Array.isArray(list)) return { problems: ['expected [{"email","password","whiteLabel"}, ...] or {"accounts": [...], "supportAgent": {"email","password"}}'] };
  if (isObject(json)) unknownKeys('the file', json, ['accounts', 'supportAgent']);
  const catalog = loadCatalog(catalogDir);
  const models = [...catalog.cameraModels, ...catalog.alarmPanels, ...catalog.objects].map((m) => m.id);
  const offers = catalog.offers.map((o) => o.id);
  const whiteLabels = catalog.whiteLabels.map((w) => w.id);
  const serials = new Map<string, string>();
  const accounts = list.map((entry, i): TestAccount => {
    const at = `accounts[${i}]`;
    if (!isObject(entry)) {
      problems.push(`${at} must be an object {"email","password","whiteLabel"}`);
      return { email: '', password: '', whiteLabel: '' };
    }
    // JSON has no comments: `note` is free text for people; any other unknown key is a misspelling that would be ignored.
    unknownKeys(at, entry, ['email', 'password', 'whiteLabel', 'devices', 'reference', 'note']);
    const account: TestAccount = { email: text(`${at}.email`, entry['email']), password: text(`${at}.password`, entry['password']), whiteLabel: text(`${at}.whiteLabel`, entry['whiteLabel']) };
    if (account.whiteLabel && !whiteLabels.includes(account.whiteLabel)) problems.push(`${at}.whiteLabel "${account.whiteLabel}" is no catalog white label id (catalog/data/white-labels.yaml: ${whiteLabels.join(', ')})`);
    // Known from here on, the password is masked in everything this process prints or writes.
    registerSecret(account.password);
    if (entry['devices'] !== undefined) account.devices = parseDevices(`${at}.devices`, entry['devices']);
    if (entry['reference'] !== undefined) account.reference = parseReference(`${at}.reference`, entry['reference']);
    return account;
  });

  function parseDevices(where: string, value: unknown): TestDevice[] {
    if (!Array.isArray(value)) {
      problems.push(`${where} must be a list of {"serial","model"}`);
      return [];
    }
    return value.map((device, j) => {
      const at = `${where}[${j}]`;
      if (!isObject(device)) {
        problems.push(`${at} must be an object {"serial","model"}`);
        return { serial: '', model: '' };
      }
      unknownKeys(at, device, ['serial', 'model']);
      const serial = text(`${at}.serial`, device['serial']);
      const model = text(`${at}.model`, device['model']);
      if (serial && !serialPattern.test(serial)) problems.push(`${at}.serial "${serial}" must be 1 to 64 of A-Z a-z 0-9 . _ -`);
      if (serial && serials.has(serial)) problems.push(`${at}.serial "${serial}" is already designated at ${serials.get(serial)}`);
      else if (serial) serials.set(serial, at);
      if (model && !models.includes(model)) problems.push(`${at}.model "${model}" is no catalog model id (catalog/data/camera-models.yaml, alarm-panels.yaml, objects.yaml)`);
      return { serial, model };
    });
  }

  function instantAt(at: string, given: unknown): string {
    const value = text(at, given);
    if (value && (!instantPattern.test(value) || Number.isNaN(Date.parse(value)))) problems.push(`${at} "${value}" must be an ISO-8601 time with its offset, e.g. 2019-10-27T02:30:00+02:00`);
    return value;
  }

  function parseReference(where: string, value: unknown): ReferenceData {
    if (!isObject(value)) {
      problems.push(`${where} must be an object {"offer","events","recordings"}`);
      return { offer: '', events: [], recordings: [] };
    }
    unknownKeys(where, value, ['offer', 'events', 'recordings', 'account']);
    const offer = text(`${where}.offer`, value['offer']);
    if (offer && !offers.includes(offer)) problems.push(`${where}.offer "${offer}" is no catalog offer id (catalog/data/offers.yaml: ${offers.join(', ')})`);
    const items = (key: string): Record<string, unknown>[] => {
      const found = value[key] ?? [];
      if (Array.isArray(found) && found.every(isObject)) return found;
      problems.push(`${where}.${key} must be a list of objects`);
      return [];
    };
    const events = items('events').map((event, k) => {
      const at = `${where}.events[${k}]`;
      unknownKeys(at, event, ['serial', 'type', 'at']);
      const type = text(`${at}.type`, event['type']);
      if (type && !typePattern.test(type)) problems.push(`${at}.type "${type}" must be an event type such as motion, tamper, intrusion`);
      return { serial: text(`${at}.serial`, event['serial']), type, at: instantAt(`${at}.at`, event['at']) };
    });
    const recordings = items('recordings').map((recording, k) => {
      const at = `${where}.recordings[${k}]`;
      unknownKeys(at, recording, ['serial', 'startedAt', 'durationMs']);
      const durationMs = recording['durationMs'];
      if (!Number.isInteger(durationMs) || (durationMs as number) < 0) problems.push(`${at}.durationMs must be a whole number of milliseconds, 0 or more`);
      return { serial: text(`${at}.serial`, recording['serial']), startedAt: instantAt(`${at}.startedAt`, recording['startedAt']), durationMs: Number(durationMs) };
    });
    if (events.length + recordings.length === 0) problems.push(`${where} lists no event and no recording: record at least one of the account's history before the migration`);
    const account = value['account'] === undefined ? undefined : parseContract(`${where}.account`, value['account']);
    return { offer, events, recordings, ...(account ? { account } : {}) };
  }

  function parseContract(where: string, value: unknown): ReferenceContract | undefined {
    if (!isObject(value)) {
      problems.push(`${where} must be an object {"name","phone","accountType","paymentMethod"}`);
      return undefined;
    }
    unknownKeys(where, value, ['name', 'phone', 'accountType', 'paymentMethod']);
    const contract: ReferenceContract = { name: text(`${where}.name`, value['name']), phone: text(`${where}.phone`, value['phone']), accountType: text(`${where}.accountType`, value['accountType']), paymentMethod: text(`${where}.paymentMethod`, value['paymentMethod']) };
    if (contract.accountType && !catalog.accountTypes.some((a) => a.id === contract.accountType)) problems.push(`${where}.accountType "${contract.accountType}" is no catalog account type id (catalog/data/account-types.yaml)`);
    if (contract.paymentMethod && !catalog.paymentMethods.some((m) => m.id === contract.paymentMethod)) problems.push(`${where}.paymentMethod "${contract.paymentMethod}" is no catalog payment method id (catalog/data/payment-methods.yaml)`);
    return contract;
  }

  let supportAgent: SupportAgent | undefined;
  if (isObject(json) && json['supportAgent'] !== undefined) {
    const agent = json['supportAgent'];
    if (!isObject(agent)) problems.push('supportAgent must be an object {"email","password"}');
    else {
      unknownKeys('supportAgent', agent, ['email', 'password']);
      supportAgent = { email: text('supportAgent.email', agent['email']), password: text('supportAgent.password', agent['password']) };
      registerSecret(supportAgent.password);
    }
  }
  if (problems.length > 0) return { problems };
  return { accounts, ...(supportAgent ? { supportAgent } : {}) };
}
