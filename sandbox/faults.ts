// Named fault switches of the stand-in platform: regressions the harness must catch, turned on by the local environment only.

import { loadCatalog, type PlatformVersion } from '../catalog/index.ts';
import { StartupError } from './startup-error.ts';

/** Each fault, and what it breaks. `name[:argument][:instance]` turns a fault on for one instance only. */
export const faultCatalog = {
  'sms-silent': 'the platform never calls the SMS provider',
  'instance-crash-on-event': 'the instance process crashes when it receives a camera event',
  'swap-logo': 'the customer spaces of two white labels show each other\'s logo (`swap-logo:<wl1>,<wl2>[:instance]`)',
  'sms-sender-reverts': 'V10 sends the SMS of one white label under the direct brand\'s sender name, VEILIS (`sms-sender-reverts:<white label id>[:instance]`)',
  'ai-off-for-offer': 'V10 silently skips AI classification for one offer: detections stay unlabelled, no error (`ai-off-for-offer:<offer id>[:instance]`)',
  'monitoring-drops-partner': 'V10 never sends the alarms of one partner\'s customers (cameras and alarm panels) to the monitoring centre (`monitoring-drops-partner:<partner id>[:instance]`)',
  'notice-utc': 'the migration notice shows the cut\'s time in UTC instead of Paris time (still labelled "heure de Paris")',
  'backoffice-stuck-in-maintenance': 'a V10 back office that has seen the maintenance on (at its start or on a request) keeps answering the maintenance page once it is switched off',
  'dc09-nak-model': 'the V10 DC-09 receiver NAKs every timestamp of one alarm panel model, as if out of window (`dc09-nak-model:<panel model id>[:instance]`)',
  'http-push-keepalive-rejected': 'V10 rejects the keep-alive poll of HTTP-push cameras (2011–2013): 400 on their wall-clock time',
  'legacy-accounts-not-alerted': 'V10 sends no SMS or e-mail alert to the customers who signed up before a year, which only migrated accounts did (`legacy-accounts-not-alerted:<year>[:instance]`)',
  'alert-sms-sent-twice': 'V10 sends every SMS alert twice',
  'cutover-events-lost': 'V10 instances subscribe with a clean MQTT session: what devices published during the cut-over, while no instance was connected, is lost',
  'cutover-alarm-duplicated': 'V10 replays the alerts of an event the broker kept during the cut-over on every instance that receives it: the monitoring centre gets the alarm once per instance',
  'legacy-offer-limits-default': 'V10 gives the customers who signed up before a year the new offers\' default retention (30 days) and monthly quotas (100 SMS, 100 e-mails) instead of their legacy offer\'s (`legacy-offer-limits-default:<year>[:instance]`)',
  'legacy-alarm-forwarded-twice': 'V10 sends the camera alarms of the customers who signed up before a year to the monitoring centre a second time once acknowledged (`legacy-alarm-forwarded-twice:<year>[:instance]`)',
  'legacy-timeline-out-of-order': 'V10 lists the events of the customers who signed up before a year device by device instead of newest first (`legacy-timeline-out-of-order:<year>[:instance]`)',
  'legacy-mandate-charged-by-card': 'V10 renews the customers whose SEPA mandate was signed before a year by a card charge on their IBAN, without the mandate (`legacy-mandate-charged-by-card:<year>[:instance]`)',
} as const;

export type FaultName = keyof typeof faultCatalog;

/** What a fault's argument names, checked against the catalog so that a typo is refused instead of breaking nothing. */
type ArgumentKind = 'white-label-pair' | 'white-label' | 'offer' | 'partner' | 'panel-model' | 'year';
const argumentKinds: Partial<Record<FaultName, ArgumentKind>> = {
  'swap-logo': 'white-label-pair',
  'sms-sender-reverts': 'white-label',
  'ai-off-for-offer': 'offer',
  'monitoring-drops-partner': 'partner',
  'dc09-nak-model': 'panel-model',
  'legacy-accounts-not-alerted': 'year',
  'legacy-offer-limits-default': 'year',
  'legacy-alarm-forwarded-twice': 'year',
  'legacy-timeline-out-of-order': 'year',
  'legacy-mandate-charged-by-card': 'year',
};

/** Regressions of V10: a V9 instance given one of these behaves (the baseline stays the reference). */
const v10Only: ReadonlySet<FaultName> = new Set<FaultName>([
  'sms-sender-reverts', 'ai-off-for-offer', 'monitoring-drops-partner', 'backoffice-stuck-in-maintenance', 'dc09-nak-model', 'http-push-keepalive-rejected',
  'legacy-accounts-not-alerted', 'alert-sms-sent-twice', 'cutover-events-lost', 'cutover-alarm-duplicated', 'legacy-offer-limits-default', 'legacy-alarm-forwarded-twice', 'legacy-timeline-out-of-order',
  'legacy-mandate-charged-by-card',
]);

/** The catalog ids a fault's argument may name. */
export interface KnownIds {
  whiteLabels: readonly string[];
  offers: readonly string[];
  partners: readonly string[];
  panelModels: readonly string[];
}

export interface Faults {
  has(name: FaultName): boolean;
  readonly active: readonly FaultName[];
  /** The argument of an active fault that takes one (e.g. the two brands of `swap-logo`). */
  argument(name: FaultName): string | undefined;
  /** Whether the fault is on for an instance of `version` (V10 regressions leave a V9 instance alone). */
  on(name: FaultName, version: PlatformVersion): boolean;
  /** The argument of a fault that is on for `version`, e.g. the offer `ai-off-for-offer` targets; undefined when off. */
  target(name: FaultName, version: PlatformVersion): string | undefined;
}

/**
 * The faults of `--fault` values that apply to this instance. An unknown name, a missing argument or an argument
 * the catalog does not know is refused, naming the known ones. `known` defaults to the catalog's ids.
 */
export function parseFaults(values: readonly string[], instance: string, known?: KnownIds): Faults {
  const active: FaultName[] = [];
  const args = new Map<FaultName, string>();
  let ids = known;
  for (const value of values) {
    const [name = '', ...rest] = value.split(':');
    if (!isFaultName(name)) throw new StartupError(`--fault ${JSON.stringify(value)} is unknown; known faults: ${Object.keys(faultCatalog).join(', ')} (optionally name:instance)`);
    const kind = argumentKinds[name];
    const argument = kind ? rest.shift() : undefined;
    if (kind && !argument) throw new StartupError(`--fault ${JSON.stringify(value)} needs an argument: ${faultCatalog[name]}`);
    if (kind && argument) checkArgument(value, kind, argument, (ids ??= catalogIds()));
    const [target] = rest;
    if (target !== undefined && target !== instance) continue;
    active.push(name);
    if (argument) args.set(name, argument);
  }
  const has = (name: FaultName): boolean => active.includes(name);
  const on = (name: FaultName, version: PlatformVersion): boolean => has(name) && (version === 'v10' || !v10Only.has(name));
  return { active, has, argument: (name) => args.get(name), on, target: (name, version) => (on(name, version) ? args.get(name) : undefined) };
}

function isFaultName(name: string): name is FaultName {
  return Object.hasOwn(faultCatalog, name);
}

function checkArgument(value: string, kind: ArgumentKind, argument: string, ids: KnownIds): void {
  if (kind === 'year') {
    if (!/^(20[1-9]\d)$/.test(argument)) throw new StartupError(`--fault ${JSON.stringify(value)}: name a year of signup, 2010 to 2099`);
    return;
  }
  const [list, what] = kind === 'white-label' || kind === 'white-label-pair' ? [ids.whiteLabels, 'white label']
    : kind === 'offer' ? [ids.offers, 'offer'] : kind === 'partner' ? [ids.partners, 'partner'] : [ids.panelModels, 'alarm panel model'];
  const parts = kind === 'white-label-pair' ? argument.split(',') : [argument];
  if (kind === 'white-label-pair' && parts.length !== 2) throw new StartupError(`--fault ${JSON.stringify(value)}: name two white labels, <wl1>,<wl2>`);
  const unknown = parts.filter((part) => !list.includes(part));
  if (unknown.length > 0) throw new StartupError(`--fault ${JSON.stringify(value)}: the catalog has no ${what} ${unknown.map((u) => JSON.stringify(u)).join(', ')}; known: ${list.join(', ')}`);
}

function catalogIds(): KnownIds {
  const catalog = loadCatalog();
  return {
    whiteLabels: catalog.whiteLabels.map((w) => w.id),
    offers: catalog.offers.map((o) => o.id),
    partners: catalog.partners.map((p) => p.id),
    panelModels: catalog.alarmPanels.map((p) => p.id),
  };
}
