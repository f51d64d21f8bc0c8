// Pre-production and production: a platform that already runs elsewhere; addresses and secrets from variables or a file outside the repo.

import { existsSync, readFileSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { defaultCatalogDir, type PlatformVersion } from '../catalog/index.ts';
import { ConfigurationError } from '../lib/errors.ts';
import { startStubServer } from '../simulators/index.ts';
import type { EnvironmentDescriptor, StartOptions, StartedEnvironment } from './types.ts';

export type RemoteName = 'preprod' | 'production';

/** A designated test account of a remote environment: the only accounts writes may touch there. */
export interface TestAccount {
  email: string;
  password: string;
  whiteLabel: string;
}

export interface RemoteConfig {
  instances: { id: string; url: string }[];
  expectedVersion: PlatformVersion;
  mqttUrl: string;
  databases: { accounts: string; events: string; media: string };
  testAccounts: TestAccount[];
}

const repoRoot = resolve(import.meta.dirname, '..');

/** The variables a remote environment reads, each with what it holds. */
export function remoteVariables(name: RemoteName): Record<string, string> {
  const p = name.toUpperCase();
  return {
    [`${p}_INSTANCES`]: 'the platform instances, "i01=https://host-1,i02=https://host-2,..."',
    [`${p}_INSTANCE_COUNT`]: 'how many instances must answer (46 for the migration rehearsal)',
    [`${p}_EXPECTED_VERSION`]: 'v9 or v10 (default v10)',
    [`${p}_MQTT_URL`]: 'the device broker, e.g. mqtts://broker.example:8883',
    [`${p}_ACCOUNTS_DB_URL`]: 'read-only URL of the accounts database',
    [`${p}_EVENTS_DB_URL`]: 'read-only URL of the events database',
    [`${p}_MEDIA_DB_URL`]: 'read-only URL of the media database',
    [`${p}_TEST_ACCOUNTS_FILE`]: 'a JSON file OUTSIDE the repository: [{"email","password","whiteLabel"}], the designated test accounts',
  };
}

/** Reads and validates a remote environment's configuration; each missing or malformed value names its variable. */
export function loadRemoteConfig(name: RemoteName, env: NodeJS.ProcessEnv): RemoteConfig {
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
  let testAccounts: TestAccount[] = [];
  if (accountsFile) {
    const path = resolve(accountsFile);
    if (path.startsWith(repoRoot + sep)) problems.push(`${p}_TEST_ACCOUNTS_FILE points inside the repository (${path}): secrets stay outside it`);
    else if (!existsSync(path)) problems.push(`${p}_TEST_ACCOUNTS_FILE: no file at ${path}`);
    else {
      try {
        testAccounts = JSON.parse(readFileSync(path, 'utf8')) as TestAccount[];
        if (!Array.isArray(testAccounts) || testAccounts.some((a) => !a.email || !a.password || !a.whiteLabel)) throw new Error('expected [{"email","password","whiteLabel"}]');
      } catch (error) {
        problems.push(`${p}_TEST_ACCOUNTS_FILE ${path}: ${(error as Error).message}`);
      }
    }
  }
  if (problems.length > 0) throw new ConfigurationError(`environment "${name}" is not configured:\n  - ${problems.join('\n  - ')}`);
  return { instances, expectedVersion: version as PlatformVersion, mqttUrl, databases, testAccounts };
}

/** A remote environment: nothing to start but the stub server; no ops tooling, and production refuses writes outside test accounts. */
export async function startRemoteEnvironment(name: RemoteName, config: RemoteConfig, options: StartOptions): Promise<StartedEnvironment> {
  if (options.faults.length > 0) throw new ConfigurationError(`fault switches exist only on the stand-in platform of the local environment; ${name} refuses --fault ${options.faults.join(', ')}`);
  const stubs = await startStubServer();
  const descriptor: EnvironmentDescriptor = {
    name,
    runId: options.runId,
    allowsWrites: name === 'preprod',
    platform: { expectedVersion: config.expectedVersion, instances: config.instances },
    mqttUrl: config.mqttUrl,
    databases: config.databases,
    databaseServer: config.databases.accounts,
    stubsUrl: stubs.url,
    catalogDir: defaultCatalogDir,
    testClock: false,
    testAccounts: config.testAccounts,
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
