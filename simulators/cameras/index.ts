// Simulated cameras, one transport per generation, chosen from the catalog model.

import type { CameraModel } from '../../catalog/index.ts';
import { HttpPushTransport } from './http-push-transport.ts';
import { HttpsJsonTransport } from './https-json-transport.ts';
import { Mqtt3Transport } from './mqtt3-transport.ts';
import { Mqtt5Transport } from './mqtt5-transport.ts';
import { cameraSettings, endpointFor } from './settings.ts';
import { SimulatedCamera } from './simulated-camera.ts';
import type { CameraTransport, TransportContext } from './transport.ts';
import type { Camera, CameraOptions } from './types.ts';

export type {
  Camera, CameraCounters, CameraEndpoints, CameraEvent, CameraEventType, CameraOptions, DetectedEvent, Detection, MotionEvent,
  ReceivedMessage, SentMessage, StartedCamera,
} from './types.ts';
export { cameraEventTypes } from './types.ts';
export { Mqtt3Camera, StartedMqtt3Camera, type Mqtt3CameraOptions } from './mqtt3-camera.ts';
export { SimulatedCamera } from './simulated-camera.ts';
export { CameraClock } from './clock.ts';
export { generationTraits, type GenerationTraits } from './generation.ts';
export { factoryPassword, basicAuth } from './credentials.ts';
export { SeededRandom, seedOf } from './random.ts';
export { encodeJpeg, jpegComment, type GreyImage } from './jpeg.ts';
export { renderFrame, frameComment, parseFrameComment, type FrameIdentity } from './frame.ts';
export { mjpegBoundary } from './live-server.ts';
export { connectOnce, explainRefusal, withDeadline } from './mqtt-connect.ts';
export { wallClock } from './http-push-transport.ts';
export { sessionExpiryS, eventExpiryS, heartbeatExpiryS } from './mqtt5-transport.ts';
export { LossyNetwork, type Packet } from './network.ts';
export { DeviceRecord } from './record.ts';

function transportFor(model: CameraModel, url: string, options: CameraOptions): (context: TransportContext) => CameraTransport {
  switch (model.generation) {
    case 'http-push': return (context) => new HttpPushTransport(context, url);
    case 'https-json': return (context) => new HttpsJsonTransport(context, url);
    case 'mqtt3': return (context) => new Mqtt3Transport(context, url);
    case 'mqtt5': return (context) => new Mqtt5Transport(context, url, options.sessionExpiryS);
  }
}

/**
 * A camera of the given catalog model, speaking its generation's protocol. Call `start()` to
 * connect it; the started camera disposes with `await using`.
 *
 * @throws ConfigurationError naming the catalog file for an unknown generation or firmware, or naming the missing endpoint.
 */
export function createCamera(model: CameraModel, options: CameraOptions): Camera {
  const settings = cameraSettings(model, options);
  const makeTransport = transportFor(model, endpointFor(model, options), options);
  return {
    serial: settings.serial,
    async start() {
      const camera = new SimulatedCamera(settings, makeTransport);
      await camera.boot();
      return camera;
    },
  };
}
export { uploadCutShort, uploadUnreadableTimes, sendEventsWithoutId, sendEventWithForgedToken, connectThenFallSilent, type Ending, type RawMqtt5Camera } from './wire-faults.ts';
