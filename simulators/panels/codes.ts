// Alarm events as panels report them: SIA DCS codes and Contact ID (ADM-CID) qualifier and event codes.

export const panelEventTypes = ['arm', 'disarm', 'intrusion', 'fire', 'tamper', 'low-battery', 'mains-loss'] as const;
export type PanelEventType = (typeof panelEventTypes)[number];

/** SIA DC-03 event codes and Contact ID (SIA DC-05) codes: qualifier 1 new event or opening, 3 restore or closing. */
export const panelCodes: Record<PanelEventType, { sia: string; cid: { qualifier: 1 | 3; code: number } }> = {
  arm: { sia: 'CL', cid: { qualifier: 3, code: 401 } }, // closing (armed) by user
  disarm: { sia: 'OP', cid: { qualifier: 1, code: 401 } }, // opening (disarmed) by user
  intrusion: { sia: 'BA', cid: { qualifier: 1, code: 130 } }, // burglary alarm
  fire: { sia: 'FA', cid: { qualifier: 1, code: 110 } }, // fire alarm
  tamper: { sia: 'TA', cid: { qualifier: 1, code: 137 } }, // tamper
  'low-battery': { sia: 'YT', cid: { qualifier: 1, code: 302 } }, // system battery trouble
  'mains-loss': { sia: 'AT', cid: { qualifier: 1, code: 301 } }, // AC power loss
};

/** SIA DC-09 5.5.1.7, SIA DCS data: "#acct|Nri<area>/<code><zone>". */
export function siaData(account: string, type: PanelEventType, area: number, zone: number): string {
  return `#${account}|Nri${String(area).padStart(2, '0')}/${panelCodes[type].sia}${String(zone).padStart(3, '0')}`;
}

/** SIA DC-09 5.5.1.7, ADM-CID data: "#acct|QEEE GG ZZZ" (qualifier, event, partition, zone or user). */
export function contactIdData(account: string, type: PanelEventType, area: number, zone: number): string {
  const { qualifier, code } = panelCodes[type].cid;
  return `#${account}|${qualifier}${code} ${String(area).padStart(2, '0')} ${String(zone).padStart(3, '0')}`;
}
