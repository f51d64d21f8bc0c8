// Forwarding alarms to the monitoring centre (télésurveillance) of the accounts whose offer includes it.

import type { Logger } from '../log.ts';
import { describeError } from '../log.ts';
import type { Store } from '../store/index.ts';

export interface AlarmForward {
  serial: string;
  type: string;
  code: string;
  area: number;
  zone: number;
  occurredAt: string;
}

export interface MonitoringStats {
  forwarded: number;
  failed: number;
}

export type ForwardAlarm = (alarm: AlarmForward) => Promise<void>;

/**
 * POST <monitoring-url>/alarms once per stored alarm, 5 s deadline, no retry; nothing when no URL is configured.
 * `dropsPartner` (fault `monitoring-drops-partner`): that partner's alarms are silently not sent.
 */
export function createAlarmForwarder(url: string | undefined, store: Store, log: Logger, stats: MonitoringStats, dropsPartner?: string): ForwardAlarm {
  return async (alarm) => {
    if (url === undefined) return;
    const accountId = await store.deviceAccount(alarm.serial);
    const account = accountId === undefined ? undefined : await store.account(accountId);
    if (!account?.modules.includes('monitoring')) return;
    if (account.partner === dropsPartner) return log.info(`fault monitoring-drops-partner: alarm ${alarm.type} of ${alarm.serial} (partner ${account.partner}) not sent`);
    const target = await store.notificationTarget(account.id);
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (target?.syntheticRun) headers['x-synthetic-traffic'] = target.syntheticRun;
    const body = { account: alarm.serial, customer: account.id, phone: account.phone, ...alarm };
    try {
      const response = await fetch(`${url}/alarms`, { method: 'POST', headers, body: JSON.stringify(body), signal: AbortSignal.timeout(5000) });
      if (!response.ok) throw new Error(`answered ${response.status}`);
      stats.forwarded += 1;
    } catch (error) {
      stats.failed += 1;
      log.error(`monitoring centre: alarm ${alarm.type} of ${alarm.serial} not forwarded: ${describeError(error)}`);
    }
  };
}
