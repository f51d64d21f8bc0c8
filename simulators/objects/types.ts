// What every simulated connected object offers: its main trigger, readings, and the fault switches every device has.

import type { ObjectModel } from '../../catalog/index.ts';
import type { CameraCounters, SentMessage } from '../cameras/types.ts';

/** Event types each kind of object reports (besides `low-battery` and `tamper`, which all report). */
export const objectEventTypes: Record<string, readonly string[]> = {
  'door-contact': ['door-open', 'door-closed'],
  'motion-detector': ['motion'],
  'smoke-detector': ['smoke', 'smoke-cleared'],
  'temperature-sensor': ['temperature', 'temperature-alert'],
  'panic-button': ['panic', 'inactivity'],
  'water-leak': ['water-leak', 'water-leak-cleared'],
};

export interface ObjectEvent {
  eventId: string;
  type: string;
  at: string;
  delivered: boolean;
  [field: string]: unknown;
}

export interface StartedObject extends AsyncDisposable {
  readonly serial: string;
  readonly model: ObjectModel;
  readonly firmware: string;
  readonly address: string;
  readonly online: boolean;
  readonly sent: readonly SentMessage[];
  readonly counters: Readonly<CameraCounters>;
  readonly buffered: readonly { eventId: string; type: string }[];
  /** What the object is for: the door opens, motion, smoke, a temperature out of range, the panic button pressed. */
  trigger(): Promise<ObjectEvent>;
  /** Any event its kind reports, e.g. `inactivity` for a home-care sensor, `low-battery` for all. */
  report(type: string, fields?: Record<string, unknown>): Promise<ObjectEvent>;
  /** A temperature sensor's reading (a `temperature-alert` below 5 °C or above 35 °C). */
  reading(celsius: number): Promise<ObjectEvent>;
  heartbeat(): Promise<void>;
  goOffline(): Promise<void>;
  comeBack(): Promise<{ eventId: string; type: string }[]>;
  skewClock(seconds: number): void;
  dropPackets(ratio: number): void;
  slowNetwork(latencyMs: number): void;
  reboot(): Promise<void>;
  downgradeFirmware(version: string): Promise<string>;
  stop(): Promise<void>;
}
