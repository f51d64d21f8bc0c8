// The one list of fault switch names (`--fault`): what each breaks and what it targets; every other list derives from it or is checked against it.

import type { Catalog } from '../catalog/index.ts';

export type FaultScope = 'platform' | 'migration' | 'rollback' | 'deploy';

/** What a fault's argument names: catalog ids (checked against the catalog) or an instance of the run. */
export type FaultArgument = 'white-label-pair' | 'white-label' | 'offer' | 'partner' | 'panel-model' | 'camera-model' | 'module' | 'table-column' | 'year' | 'instance';

export interface FaultSpec {
  scope: FaultScope;
  /** The argument after `name:`, when the fault needs one. */
  argument?: FaultArgument;
  description: string;
}

/**
 * Keyed as given to `--fault`, without the argument: `sms-silent`, `migration:shift-dst-hour`. Platform faults may end
 * with `:<instance>` to break one instance only. The stand-in platform checks the same names (test/harness/fault-registry.test.ts).
 */
export const faultRegistry = {
  'sms-silent': { scope: 'platform', description: 'the platform never calls the SMS provider' },
  'instance-crash-on-event': { scope: 'platform', description: 'the instance process crashes when it receives a camera event' },
  'swap-logo': { scope: 'platform', argument: 'white-label-pair', description: 'two white labels show each other\'s logo' },
  'sms-sender-reverts': { scope: 'platform', argument: 'white-label', description: 'V10 sends one white label\'s SMS under the direct brand\'s sender name' },
  'ai-off-for-offer': { scope: 'platform', argument: 'offer', description: 'V10 silently skips AI classification for one offer' },
  'monitoring-drops-partner': { scope: 'platform', argument: 'partner', description: 'V10 never sends one partner\'s alarms to the monitoring centre' },
  'notice-utc': { scope: 'platform', description: 'the migration notice shows the time in UTC instead of Paris time' },
  'backoffice-stuck-in-maintenance': { scope: 'platform', description: 'the V10 back office stays in maintenance once switched off' },
  'dc09-nak-model': { scope: 'platform', argument: 'panel-model', description: 'the V10 DC-09 receiver NAKs one alarm panel model\'s timestamps' },
  'http-push-keepalive-rejected': { scope: 'platform', description: 'V10 rejects the keep-alive poll of HTTP-push cameras' },
  'legacy-accounts-not-alerted': { scope: 'platform', argument: 'year', description: 'V10 alerts no customer who signed up before a year (only migrated ones did)' },
  'alert-sms-sent-twice': { scope: 'platform', description: 'V10 sends every SMS alert twice' },
  'cutover-events-lost': { scope: 'platform', description: 'V10 instances subscribe with a clean MQTT session and lose what devices sent during the cut-over' },
  'cutover-alarm-duplicated': { scope: 'platform', description: 'V10 sends an alarm kept by the broker during the cut-over to the monitoring centre once per instance' },
  'legacy-offer-limits-default': { scope: 'platform', argument: 'year', description: 'V10 gives customers who signed up before a year the default retention and quotas instead of their legacy offer\'s' },
  'legacy-alarm-forwarded-twice': { scope: 'platform', argument: 'year', description: 'V10 sends the camera alarms of customers who signed up before a year to the monitoring centre twice' },
  'legacy-timeline-out-of-order': { scope: 'platform', argument: 'year', description: 'V10 lists the events of customers who signed up before a year device by device, not newest first' },
  'legacy-mandate-charged-by-card': { scope: 'platform', argument: 'year', description: 'V10 renews the customers whose SEPA mandate was signed before a year by a card charge on their IBAN, without the mandate' },
  'migration:drop-events-of-offer': { scope: 'migration', argument: 'offer', description: 'the events of one offer\'s customers are not migrated' },
  'migration:shift-dst-hour': { scope: 'migration', description: 'times in the hour Paris repeats in October are read one hour late' },
  'migration:truncate-durations-of-model': { scope: 'migration', argument: 'camera-model', description: 'one camera model\'s recording durations are truncated to whole minutes' },
  'migration:wrong-offer-mapping': { scope: 'migration', argument: 'offer', description: 'one offer\'s customers get the next offer of the catalog' },
  'migration:offer-retention-halved': { scope: 'migration', argument: 'offer', description: 'one offer keeps recordings half as many days in V10' },
  'migration:offer-sms-quota-zeroed': { scope: 'migration', argument: 'offer', description: 'one offer\'s monthly SMS quota is 0 in V10' },
  'migration:module-renamed': { scope: 'migration', argument: 'module', description: 'one module gets its id as its name in V10' },
  'migration:white-label-contact-reverts': { scope: 'migration', argument: 'white-label', description: 'one white label gets the direct brand\'s SMS sender and support phone' },
  'migration:partner-loses-offers': { scope: 'migration', argument: 'partner', description: 'one partner\'s list of offers comes over empty' },
  'migration:column-not-carried': { scope: 'migration', argument: 'table-column', description: 'one V10 column is left at its default instead of the V9 value' },
  'rollback:rollback-leaves-v10-rows': { scope: 'rollback', description: 'the rollback leaves V10 tables and rows behind' },
  'deploy:instance-not-restarted': { scope: 'deploy', argument: 'instance', description: 'one instance is not started again after the migration' },
  'deploy:instance-stays-v9': { scope: 'deploy', argument: 'instance', description: 'one instance comes back after the migration still on V9' },
} as const satisfies Record<string, FaultSpec>;

export type FaultName = keyof typeof faultRegistry;
export const faultNames = Object.keys(faultRegistry) as FaultName[];

/** How to write a fault with its argument: `swap-logo:<white label>,<white label>`. */
export function faultUsage(name: FaultName): string {
  const spec: FaultSpec = faultRegistry[name];
  const placeholder = spec.argument === 'white-label-pair' ? '<white label>,<white label>' : spec.argument ? `<${spec.argument.replace('-', ' ')}>` : '';
  return `${name}${placeholder ? `:${placeholder}` : ''}${spec.scope === 'platform' ? '[:<instance>]' : ''}`;
}

/** The ids an argument may name, from the catalog and the run's instances (i01..iNN). */
function allowedIds(kind: FaultArgument, catalog: Catalog, instances: number): string[] {
  if (kind === 'white-label' || kind === 'white-label-pair') return catalog.whiteLabels.map((w) => w.id);
  if (kind === 'offer') return catalog.offers.map((o) => o.id);
  if (kind === 'partner') return catalog.partners.map((p) => p.id);
  if (kind === 'panel-model') return catalog.alarmPanels.map((p) => p.id);
  if (kind === 'camera-model') return catalog.cameraModels.map((m) => m.id);
  if (kind === 'module') return catalog.modules.map((m) => m.id);
  // A year of signup, as the stand-in platform reads it (2010 to 2099).
  if (kind === 'year') return Array.from({ length: 90 }, (_, i) => String(2010 + i));
  return Array.from({ length: instances }, (_, i) => `i${String(i + 1).padStart(2, '0')}`);
}

/** Splits `value` into its registered name and the rest (argument and instance), or undefined when no name matches. */
export function splitFault(value: string): { name: FaultName; rest: string[] } | undefined {
  const parts = value.replace(/^platform:/, '').split(':');
  const scoped = parts.length > 1 ? `${parts[0]}:${parts[1]}` : undefined;
  if (scoped !== undefined && Object.hasOwn(faultRegistry, scoped)) return { name: scoped as FaultName, rest: parts.slice(2) };
  if (Object.hasOwn(faultRegistry, parts[0] ?? '')) return { name: parts[0] as FaultName, rest: parts.slice(1) };
  return undefined;
}

/** The problem with one `--fault` value (unknown name, missing or unknown argument or instance), or undefined when it is valid. */
export function faultProblem(value: string, catalog: Catalog, instances: number): string | undefined {
  const split = splitFault(value);
  if (!split) {
    const near = nearest(value.split(':').slice(0, 2).join(':'));
    return `--fault ${JSON.stringify(value)} is no known fault; ${near ? `did you mean ${near}? ` : ''}the faults are listed in README.md "Fault switches" (environments/fault-registry.ts)`;
  }
  const spec: FaultSpec = faultRegistry[split.name];
  const [argument, instance, ...extra] = spec.argument ? split.rest : [undefined, ...split.rest];
  const usage = `write it ${faultUsage(split.name)}`;
  if (extra.length > 0 || (spec.scope !== 'platform' && instance !== undefined)) return `--fault ${JSON.stringify(value)} has too many parts; ${usage}`;
  if (spec.argument && !argument) return `--fault ${JSON.stringify(value)} needs an argument; ${usage}`;
  if (spec.argument === 'table-column' && argument) {
    // The stand-in reads the column from its V10 schema and names it if it has none.
    if (!/^[a-z_]+\.[a-z_]+$/.test(argument)) return `--fault ${JSON.stringify(value)}: name a V10 column as <table>.<column>, e.g. offers.email_quota`;
  } else if (spec.argument && argument) {
    const known = allowedIds(spec.argument, catalog, instances);
    const parts = spec.argument === 'white-label-pair' ? argument.split(',') : [argument];
    if (spec.argument === 'white-label-pair' && parts.length !== 2) return `--fault ${JSON.stringify(value)} names ${parts.length} white label(s); ${usage}`;
    const unknown = parts.filter((p) => !known.includes(p));
    if (unknown.length > 0 && spec.argument === 'year') return `--fault ${JSON.stringify(value)}: name a year of signup, 2010 to 2099`;
    if (unknown.length > 0) return `--fault ${JSON.stringify(value)}: ${unknown.map((u) => JSON.stringify(u)).join(', ')} is no ${spec.argument.replace('-pair', '').replace('-', ' ')}; known: ${known.join(', ')}`;
  }
  const ids = allowedIds('instance', catalog, instances);
  if (instance !== undefined && !ids.includes(instance)) return `--fault ${JSON.stringify(value)}: the run has no instance ${JSON.stringify(instance)} (instances: ${ids.join(', ')})`;
  return undefined;
}

/** The registered name closest to a misspelt one (at most 3 edits), to suggest it. */
function nearest(given: string): string | undefined {
  const ranked = faultNames.map((name) => ({ name, d: Math.min(distance(given, name), distance(given, name.replace(/^\w+:/, ''))) })).sort((a, b) => a.d - b.d);
  return ranked[0] && ranked[0].d <= 3 ? ranked[0].name : undefined;
}

function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min((previous[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = row;
  }
  return previous[b.length] ?? 0;
}
