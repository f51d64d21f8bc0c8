// Alarm panels (V10): SIA DC-09 panels reporting to the receiving centre over TCP or UDP, and MQTT-native panels.

import type { AlarmPanelModel } from '../../catalog/index.ts';
import { ConfigurationError } from '../../lib/errors.ts';
import { Dc09Panel, type Dc09PanelOptions } from './dc09-panel.ts';
import { MqttPanel } from './mqtt-panel.ts';
import type { StartedPanel } from './types.ts';

export { Dc09Panel, type Dc09PanelOptions } from './dc09-panel.ts';
export { panelKey, withBadCrc, type AnswerText, type Dc09Exchange, type KeyBits } from './dc09-exchange.ts';
export { MqttPanel, type MqttPanelOptions } from './mqtt-panel.ts';
export { crc16, encodeMessage, decodeAnswer, formatTimestamp, parseTimestamp, encrypt, decrypt, frame, type PanelMessage, type PanelToken, type ReceiverAnswer, type ReceiverToken } from './dc09.ts';
export { panelCodes, panelEventTypes, siaData, siaBlock, contactIdData, extendedBlocks, type ExtendedData, type PanelEventType, type SiaEvent } from './codes.ts';
export type { PanelCounters, PanelRecordEntry, PanelReport, ReportOutcome, StartedPanel } from './types.ts';

export interface PanelEndpoints {
  dc09: { host: string; tcpPort: number; udpPort: number } | null;
  brokerUrl: string;
}

/**
 * A started panel of the catalog model: DC-09 models report to the receiver (over `transport`), MQTT models to the broker.
 * @throws ConfigurationError naming catalog/data/alarm-panels.yaml for an unknown protocol, or when the platform has no DC-09 receiver.
 */
/** DC-09 settings a scenario may choose: the AES key size, the receiver number and line prefix (SIA DC-09 5.5.1.6). */
export type Dc09Settings = Pick<Dc09PanelOptions, 'keyBits' | 'receiverNumber' | 'linePrefix'>;

export async function startPanel(model: AlarmPanelModel, serial: string, endpoints: PanelEndpoints, transport: 'tcp' | 'udp' = 'tcp', settings: Dc09Settings = {}): Promise<StartedPanel> {
  if (model.protocol === 'mqtt') return new MqttPanel({ serial, model, brokerUrl: endpoints.brokerUrl }).start();
  if (model.protocol !== 'dc09') {
    throw new ConfigurationError(`panel ${serial}: model "${model.name}" has protocol "${String(model.protocol)}", which no simulator speaks (dc09, mqtt); fix catalog/data/alarm-panels.yaml`);
  }
  if (endpoints.dc09 === null) throw new ConfigurationError(`panel ${serial} (${model.name}) speaks SIA DC-09, but the platform advertises no DC-09 receiver (a V9 platform has none)`);
  const port = transport === 'tcp' ? endpoints.dc09.tcpPort : endpoints.dc09.udpPort;
  // Encrypted panels (Centrale C2) speak Contact ID, the others SIA DCS: both payload formats are exercised by the catalog.
  const format = model.encryption ? 'ADM-CID' : 'SIA-DCS';
  return new Dc09Panel({ serial, model, receiver: { host: endpoints.dc09.host, port }, transport, format, ...settings }).start();
}
