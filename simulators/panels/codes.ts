// Alarm events as panels report them: SIA DCS codes and Contact ID (ADM-CID) qualifier and event codes.

export const panelEventTypes = [
  'arm', 'disarm', 'intrusion', 'fire', 'tamper', 'low-battery', 'mains-loss',
  'periodic-test', 'intrusion-restore', 'fire-restore', 'tamper-restore', 'low-battery-restore', 'mains-restore',
] as const;
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
  'periodic-test': { sia: 'RP', cid: { qualifier: 1, code: 602 } }, // automatic (periodic) test report
  'intrusion-restore': { sia: 'BR', cid: { qualifier: 3, code: 130 } }, // burglary restoral
  'fire-restore': { sia: 'FH', cid: { qualifier: 3, code: 110 } }, // fire alarm restore
  'tamper-restore': { sia: 'TR', cid: { qualifier: 3, code: 137 } }, // tamper restoral
  'low-battery-restore': { sia: 'YR', cid: { qualifier: 3, code: 302 } }, // system battery restoral
  'mains-restore': { sia: 'AR', cid: { qualifier: 3, code: 301 } }, // AC restoral
};

/** One event of a SIA DCS block, with the modifiers real panels add: `ti` (time of the event, HH:MM) and `id` (the user). */
export interface SiaEvent {
  type: PanelEventType;
  zone: number;
  area?: number;
  time?: string;
  user?: number;
}

/** SIA DC-09 5.5.1.7, SIA DCS data: "#acct|Nri<area>/<code><zone>". */
export function siaData(account: string, type: PanelEventType, area: number, zone: number): string {
  return siaBlock(account, [{ type, area, zone }]);
}

/**
 * SIA DC-09 5.5.1.7 with the SIA DC-04 data block: "#acct|N" then, per event, its modifiers ("ti12:30/", "id3/", "ri01/")
 * and "<code><zone>", events separated by "/": "#1234|Nti12:30/id3/ri01/BA015/ri02/FA003".
 */
export function siaBlock(account: string, events: readonly SiaEvent[]): string {
  const parts = events.map((e) => {
    const modifiers = [e.time === undefined ? '' : `ti${e.time}/`, e.user === undefined ? '' : `id${e.user}/`, `ri${String(e.area ?? 1).padStart(2, '0')}/`].join('');
    return `${modifiers}${panelCodes[e.type].sia}${String(e.zone).padStart(3, '0')}`;
  });
  return `#${account}|N${parts.join('/')}`;
}

/** SIA DC-09 5.5.1.7, ADM-CID data: "#acct|QEEE GG ZZZ" (qualifier, event, partition, zone or user). */
export function contactIdData(account: string, type: PanelEventType, area: number, zone: number): string {
  const { qualifier, code } = panelCodes[type].cid;
  return `#${account}|${qualifier}${code} ${String(area).padStart(2, '0')} ${String(zone).padStart(3, '0')}`;
}

/** SIA DC-09 5.5.1.7, extended data: blocks a panel may add after the data block, each in its own brackets, before the timestamp. */
export interface ExtendedData {
  /** "[X...]" longitude and "[Y...]" latitude, decimal degrees. */
  longitude?: number;
  latitude?: number;
  /** "[M...]" the panel's MAC address, 12 hex digits. */
  mac?: string;
}

/** "[X2.352200][Y48.856600][M0026B9E4268B]": the blocks in the order the standard lists them. */
export function extendedBlocks(extra: ExtendedData): string {
  const blocks: string[] = [];
  if (extra.longitude !== undefined) blocks.push(`[X${extra.longitude.toFixed(6)}]`);
  if (extra.latitude !== undefined) blocks.push(`[Y${extra.latitude.toFixed(6)}]`);
  if (extra.mac !== undefined) blocks.push(`[M${extra.mac}]`);
  return blocks.join('');
}
