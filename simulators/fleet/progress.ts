// The fleet's live progress line and its closing summary, for a terminal or a CI log.

import type { FleetProgress, FleetSummary } from './runner.ts';

export function progressLine(p: FleetProgress, total: number): string {
  return `[fleet] ${p.elapsedS.toFixed(0).padStart(4)} s  started ${p.started}/${total}  connected ${p.connected}  online ${p.online}  ` +
    `${p.messagesPerS} msg/s  events ${p.events}  errors ${p.errors + p.failed}`;
}

export function summaryText(s: FleetSummary): string {
  const lines = [
    `[fleet] ${s.devices} devices: ${s.connected} connected in ${s.connectSeconds} s, ${s.failed} failed to connect`,
    `[fleet] ${s.messages} messages (${s.events} events) in ${s.elapsedS.toFixed(1)} s: ${s.messagesPerS} msg/s sustained after the ramp, ${s.averageMessagesPerS} msg/s on average; ${s.errors} errors`,
  ];
  for (const [problem, count] of Object.entries(s.problems).sort((a, b) => b[1] - a[1]).slice(0, 5)) lines.push(`[fleet]   ${count} x ${problem}`);
  return lines.join('\n');
}
