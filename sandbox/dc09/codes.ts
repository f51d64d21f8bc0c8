// Alarm event codes the receiver understands: SIA DCS two-letter codes and Contact ID (ADM-CID) events, as platform event types.

export interface PanelEvent {
  type: string;
  code: string;
  area: number;
  zone: number;
}

const siaCodes: Record<string, string> = { CL: 'arm', OP: 'disarm', BA: 'intrusion', FA: 'fire', TA: 'tamper', YT: 'low-battery', AT: 'mains-loss' };
// Contact ID "QEEE": qualifier 1 new event / opening, 3 restore / closing.
const contactIdCodes: Record<string, string> = { '3401': 'arm', '1401': 'disarm', '1130': 'intrusion', '1110': 'fire', '1137': 'tamper', '1302': 'low-battery', '1301': 'mains-loss' };

/** SIA DC-09 5.5.1.7 with SIA DCS data "#acct|N[ri<area>/]<code><zone>"; undefined for an unknown code. */
export function readSiaDcs(data: string): PanelEvent | undefined {
  const match = /^(?:#[0-9A-F]{3,16}\|)?N(?:ri(\d{1,3})\/)?([A-Z]{2})(\d{0,4})$/.exec(data);
  const type = match ? siaCodes[match[2] ?? ''] : undefined;
  if (!match || type === undefined) return undefined;
  return { type, code: match[2] ?? '', area: Number(match[1] ?? 0), zone: Number(match[3] || 0) };
}

/** SIA DC-09 5.5.1.7 with ADM-CID data "#acct|QEEE GG ZZZ"; undefined for an unknown event. */
export function readContactId(data: string): PanelEvent | undefined {
  const match = /^(?:#[0-9A-F]{3,16}\|)?([136]\d{3}) (\d{2}) (\d{3})$/.exec(data);
  const type = match ? contactIdCodes[match[1] ?? ''] : undefined;
  if (!match || type === undefined) return undefined;
  return { type, code: match[1] ?? '', area: Number(match[2]), zone: Number(match[3]) };
}
