// The platform's peers: simulated cameras by generation, and third-party services stubbed over HTTP.

/** Cameras: `createCamera(model, options)` picks the simulator for the model's generation. */
export {
  createCamera, Mqtt3Camera, CameraClock, generationTraits, factoryPassword, basicAuth, uploadCutShort, uploadUnreadableTimes, sendEventsWithoutId, sendEventWithForgedToken,
  connectThenFallSilent, withDeadline, jpegComment, renderFrame, parseFrameComment, type CameraEventType,
  type DetectedEvent, type StartedCamera, type RawMqtt5Camera,
} from './cameras/index.ts';
/** Third-party stubs: `startStubServer()` serves every service with a journal, faults and a control API. */
export {
  startStubServer, classify, type SentWebhook, type StartedStubServer, type JournalEntry, type JournalFilter,
} from './stubs/index.ts';
/** Alarm panels (V10): `startPanel(model, serial, endpoints)` speaks SIA DC-09 (TCP or UDP) or MQTT as the model does. */
export {
  startPanel, Dc09Panel, MqttPanel, panelKey, withBadCrc, crc16, encodeMessage, decodeAnswer, formatTimestamp,
  siaData, siaBlock, contactIdData, extendedBlocks, type Dc09Settings, type KeyBits, type SiaEvent,
  type PanelEventType, type StartedPanel, type PanelMessage,
} from './panels/index.ts';
/** Connected objects (V10) over MQTT: door contact, motion and smoke detectors, temperature sensor, panic button / inactivity sensor. */
export { ConnectedObject, type ObjectEvent, type StartedObject } from './objects/index.ts';
/** Fleet mode: `planFleet(readFleetSpec(...), seed, shard)` then `runFleet(...)`; the CLI is simulators/fleet/cli.ts. */
export { readFleetSpec, planFleet, runFleet, clearRetainedStatus } from './fleet/index.ts';
