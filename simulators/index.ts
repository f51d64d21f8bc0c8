// The platform's peers: simulated cameras by generation, and third-party services stubbed over HTTP.

/** Cameras: `createCamera(model, options)` picks the simulator for the model's generation. */
export {
  createCamera, Mqtt3Camera, StartedMqtt3Camera, SimulatedCamera, CameraClock, cameraEventTypes, generationTraits, factoryPassword, basicAuth,
  SeededRandom, seedOf, uploadCutShort, connectThenFallSilent, withDeadline, encodeJpeg, jpegComment, renderFrame, frameComment, parseFrameComment, mjpegBoundary, explainRefusal, wallClock,
  type Camera, type CameraCounters, type CameraEndpoints, type CameraEvent, type CameraEventType, type CameraOptions, type DetectedEvent,
  type Detection, type FrameIdentity, type GenerationTraits, type MotionEvent, type Mqtt3CameraOptions, type ReceivedMessage, type SentMessage,
  type StartedCamera, type Ending, type RawMqtt5Camera,
} from './cameras/index.ts';
/** Third-party stubs: `startStubServer()` serves every service with a journal, faults and a control API. */
export {
  startStubServer, RequestJournal, journalEntryMatches, checkFault, defaultServices, smsService,
  mailService, paymentService, aiService, createPaymentService, aiLabels, classify,
  type ChargeRequest, type Charge, type SentWebhook, type PaymentOptions, type AiLabel, type AiScene, type FaultView,
  type StartedStubServer, type StubServerOptions, type Fault, type FaultMode, type JournalEntry, type JournalFilter, type StubService,
} from './stubs/index.ts';
/** Alarm panels (V10): `startPanel(model, serial, endpoints)` speaks SIA DC-09 (TCP or UDP) or MQTT as the model does. */
export {
  startPanel, Dc09Panel, MqttPanel, panelKey, withBadCrc, crc16, encodeMessage, decodeAnswer, formatTimestamp, parseTimestamp, panelCodes, panelEventTypes,
  siaData, siaBlock, contactIdData, extendedBlocks,
  type PanelEndpoints, type Dc09PanelOptions, type Dc09Settings, type Dc09Exchange, type AnswerText, type KeyBits, type ExtendedData, type SiaEvent, type MqttPanelOptions, type PanelEventType, type PanelReport, type PanelCounters, type PanelRecordEntry, type ReportOutcome,
  type StartedPanel, type PanelMessage, type ReceiverAnswer,
} from './panels/index.ts';
/** Connected objects (V10) over MQTT: door contact, motion and smoke detectors, temperature sensor, panic button / inactivity sensor. */
export { ConnectedObject, objectEventTypes, type ObjectOptions, type ObjectEvent, type StartedObject } from './objects/index.ts';
/** Fleet mode: `planFleet(readFleetSpec(...), seed, shard)` then `runFleet(...)`; the CLI is simulators/fleet/cli.ts. */
export {
  readFleetSpec, parseFleetFile, planFleet, parseShard, runFleet, onboardFleet, resolveTarget, checkTarget, clearRetainedStatus, progressLine, summaryText,
  type FleetEntry, type FleetDevice, type Shard, type FleetOptions, type FleetProgress, type FleetSummary, type FleetTarget,
} from './fleet/index.ts';
