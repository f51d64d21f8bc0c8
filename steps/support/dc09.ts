// SIA DC-09 conformance in the scenarios' words: installing a panel with chosen account, prefixes and key size, and checking the receiver's answers exactly.

import { ConfigurationError, ProductAssertionError } from '../../lib/errors.ts';
import { Dc09Panel, type KeyBits, type PanelEventType, type SiaEvent, type StartedPanel } from '../../simulators/index.ts';
import { catalogEntry, installPanel, panelEvent, type PanelInstall } from './devices.ts';
import type { HarnessWorld } from './world.ts';

/** A DC-09 panel of the catalog model, claimed by the customer (unless said otherwise), transmitting over TCP or UDP. */
export async function installDc09Panel(world: HarnessWorld, owner: string, modelName: string, link: string, o: PanelInstall = {}): Promise<StartedPanel> {
  const model = catalogEntry(world.catalog.alarmPanels, modelName, 'the alarm panel', 'alarm-panels.yaml');
  if (model.protocol !== 'dc09' || !['tcp', 'udp'].includes(link.toLowerCase())) {
    throw new ConfigurationError(`a SIA DC-09 scenario needs a DC-09 panel over TCP or UDP; the scenario says "${model.name}" (${model.protocol}) over "${link}"`);
  }
  const digits = o.accountDigits ?? 10;
  if (!Number.isInteger(digits) || digits < 3 || digits > 16) throw new ConfigurationError(`a DC-09 account has 3 to 16 hex digits (SIA DC-09 5.5.1.6); the scenario says ${digits}`);
  return installPanel(world, owner, modelName, link, o);
}

/** The AES key size the scenario names, e.g. 256 in "AES-256". */
export function keyBits(bits: number): KeyBits {
  if (bits !== 128 && bits !== 192 && bits !== 256) throw new ConfigurationError(`SIA DC-09 encrypts with AES-128, AES-192 or AES-256 (5.4.6); the scenario says AES-${bits}`);
  return bits;
}

/** The customer's panel as a DC-09 panel, for the steps that speak the protocol itself. */
export function dc09(world: HarnessWorld, owner: string): Dc09Panel {
  const panel = world.panel(owner);
  if (!(panel instanceof Dc09Panel)) throw new ConfigurationError(`the panel of "${owner}" (${panel.model.name}) does not speak SIA DC-09; install a DC-09 model for this step`);
  return panel;
}

const noAnswer = 'sans réponse';

/** The receiver's answer to each frame the panel sent, in order, as the scenario writes it: "0001 sans réponse, 0001 ACK". */
export function expectAnswers(panel: Dc09Panel, expected: string): void {
  const seen = panel.exchanges.map((e) => `${e.seq} ${e.answer === 'none' ? noAnswer : e.answer}`).join(', ');
  const wanted = expected.split(',').map((part) => part.trim()).join(', ');
  if (seen !== wanted) {
    throw new ProductAssertionError(`[panel:${panel.model.name} ${panel.serial}] expected the receiver to answer, frame by frame, "${wanted}"; it answered "${seen}" ` +
      `(ACK 5.5.3.1, NAK 5.5.3.2, DUH 5.5.3.3, no answer to a broken frame 5.5.1.2 of SIA DC-09)`);
  }
}

/** SIA DC-09 5.5.3.1: every ACK and DUH repeats the message's receiver number, line prefix and account. */
export function expectEchoes(panel: Dc09Panel, settings: { receiver: string; line: string }): void {
  const wrong = panel.exchanges.filter((e) => e.echo && (e.echo.account !== panel.serial || e.echo.receiver !== settings.receiver || e.echo.line !== settings.line));
  if (panel.exchanges.every((e) => e.echo === undefined) || wrong.length > 0) {
    throw new ProductAssertionError(`[panel:${panel.model.name} ${panel.serial}] the answers must repeat R${settings.receiver} L${settings.line} #${panel.serial} (SIA DC-09 5.5.3.1); ` +
      `they said ${JSON.stringify(panel.exchanges.map((e) => e.echo ?? null))}`);
  }
}

/** What the scenario lists in one message: "une intrusion" in zone 3 at 12:30 by user 4. */
export function siaEvents(rows: Record<string, string>[]): SiaEvent[] {
  return rows.map((row) => {
    const type: PanelEventType = panelEvent(row['événement'] ?? '');
    const time = row['heure'] || undefined;
    const user = row['utilisateur'] ? Number(row['utilisateur']) : undefined;
    return { type, zone: Number(row['zone'] ?? 1), ...(time ? { time } : {}), ...(user !== undefined ? { user } : {}) };
  });
}

/** Where the simulated panel says it is, and its MAC address: what real panels add as extended data. */
export const panelWhereabouts = { longitude: 2.3522, latitude: 48.8566, mac: '0026B9E4268B' } as const;

/** Nothing of the panel in the customer's history: the receiver stored nothing of what it refused or took as a sign of life. */
export async function expectNoEvents(world: HarnessWorld, owner: string): Promise<void> {
  const panel = world.panel(owner);
  const events = (await world.customer(owner).api.events(200)).filter((e) => e.serial === panel.serial);
  if (events.length > 0) {
    throw new ProductAssertionError(`[panel:${panel.model.name} ${panel.serial}] expected no event in the history of ${world.about(owner)}; it holds ${events.length}: ${JSON.stringify(events).slice(0, 300)}`);
  }
}

/** The receiver's clock rule seen from the panel: "retarde" is behind, "avance" ahead. */
export function skewSeconds(direction: string, seconds: number): number {
  if (direction === 'retarde') return -seconds;
  if (direction === 'avance') return seconds;
  throw new ConfigurationError(`the scenario says the panel's clock "${direction}"; say "retarde" or "avance"`);
}
