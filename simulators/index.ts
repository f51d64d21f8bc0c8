// The platform's peers: simulated cameras by generation, and third-party services stubbed over HTTP.

/** Cameras: `createCamera(model, options)` picks the simulator for the model's generation. */
export {
  createCamera, Mqtt3Camera, StartedMqtt3Camera, CameraClock,
  type Camera, type CameraOptions, type DetectedEvent, type MotionEvent, type Mqtt3CameraOptions, type SentMessage, type StartedCamera,
} from './cameras/index.ts';
/** Third-party stubs: `startStubServer()` serves every service with a journal, faults and a control API. */
export {
  startStubServer, RequestJournal, journalEntryMatches, checkFault, defaultServices, smsService,
  type StartedStubServer, type StubServerOptions, type Fault, type FaultMode, type JournalEntry, type JournalFilter, type StubService,
} from './stubs/index.ts';
