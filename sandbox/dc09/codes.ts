// Alarm event codes the receiver understands: SIA DCS two-letter codes and Contact ID (ADM-CID) events, as platform event types.

export interface PanelEvent {
  type: string;
  code: string;
  area: number;
  zone: number;
  /** SIA DC-04 modifiers: "ti" the panel's time of the event (HH:MM), "id" the user who did it. */
  time?: string;
  user?: number;
}

/** Periodic tests are link supervision, not events for the customer (SIA RP, Contact ID 602). */
export const periodicTest = 'periodic-test';

const siaCodes: Record<string, string> = {
  CL: 'arm', OP: 'disarm', BA: 'intrusion', FA: 'fire', TA: 'tamper', YT: 'low-battery', AT: 'mains-loss',
  RP: periodicTest, BR: 'intrusion-restore', FH: 'fire-restore', TR: 'tamper-restore', YR: 'low-battery-restore', AR: 'mains-restore',
};
// Contact ID "QEEE": qualifier 1 new event / opening, 3 restore / closing.
const contactIdCodes: Record<string, string> = {
  '3401': 'arm', '1401': 'disarm', '1130': 'intrusion', '1110': 'fire', '1137': 'tamper', '1302': 'low-battery', '1301': 'mains-loss',
  '1602': periodicTest, '3130': 'intrusion-restore', '3110': 'fire-restore', '3137': 'tamper-restore', '3302': 'low-battery-restore', '3301': 'mains-restore',
};

/**
 * SIA DC-09 5.5.1.7 with SIA DCS data "#acct|N" then "/"-separated fields: modifiers "ti<HH:MM>", "id<user>", "ri<area>"
 * (an area holds for the events after it) and events "<code><zone>". Undefined when any field or code is not understood.
 */
export function readSiaDcs(data: string): PanelEvent[] | undefined {
  const block = /^(?:#[0-9A-F]{3,16})?\|?N(.+)$/.exec(data)?.[1];
  if (block === undefined) return undefined;
  const events: PanelEvent[] = [];
  let context: { area: number; time?: string; user?: number } = { area: 0 };
  for (const field of block.split('/')) {
    const modifier = /^(ti)(\d\d:\d\d)$|^(id)(\d{1,4})$|^(ri)(\d{1,3})$/.exec(field);
    if (modifier) {
      if (modifier[1]) context = { ...context, time: modifier[2] ?? '' };
      else if (modifier[3]) context = { ...context, user: Number(modifier[4]) };
      else context = { ...context, area: Number(modifier[6]) };
      continue;
    }
    const event = /^([A-Z]{2})(\d{0,4})$/.exec(field);
    const type = event ? siaCodes[event[1] ?? ''] : undefined;
    if (!event || type === undefined) return undefined;
    events.push({ type, code: event[1] ?? '', zone: Number(event[2] || 0), ...context });
    // ti and id describe the event they precede; the area holds until the next ri.
    context = { area: context.area };
  }
  return events.length > 0 ? events : undefined;
}

/** SIA DC-09 5.5.1.7 with ADM-CID data "#acct|QEEE GG ZZZ"; undefined for an unknown event. */
export function readContactId(data: string): PanelEvent[] | undefined {
  const match = /^(?:#[0-9A-F]{3,16}\|)?([136]\d{3}) (\d{2}) (\d{3})$/.exec(data);
  const type = match ? contactIdCodes[match[1] ?? ''] : undefined;
  if (!match || type === undefined) return undefined;
  return [{ type, code: match[1] ?? '', area: Number(match[2]), zone: Number(match[3]) }];
}

/** SIA DC-09 5.5.1.7, extended data: "[X..]" longitude, "[Y..]" latitude, "[M..]" MAC address; other blocks are kept as they are. */
export function readExtended(blocks: readonly string[]): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const block of blocks) {
    const [id = '', value] = [block.slice(0, 1), block.slice(1)];
    if ((id === 'X' || id === 'Y') && /^-?\d{1,3}(\.\d+)?$/.test(value)) out[id === 'X' ? 'longitude' : 'latitude'] = Number(value);
    else if (id === 'M' && /^[0-9A-F]{12}$/i.test(value)) out['mac'] = value.toUpperCase();
    else out[id] = value;
  }
  return out;
}
