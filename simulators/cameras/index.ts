// Simulated cameras, one class per generation, chosen from the catalog model.

import type { CameraModel } from '../../catalog/index.ts';
import { ConfigurationError } from '../../lib/errors.ts';
import { Mqtt3Camera } from './mqtt3-camera.ts';
import type { Camera, CameraOptions } from './types.ts';

export type { Camera, CameraOptions, DetectedEvent, MotionEvent, SentMessage, StartedCamera } from './types.ts';
export { Mqtt3Camera, StartedMqtt3Camera, type Mqtt3CameraOptions } from './mqtt3-camera.ts';
export { CameraClock } from './clock.ts';

/**
 * A camera of the given catalog model, speaking its generation's protocol. Call `start()` to
 * connect it; the started camera disposes with `await using`.
 *
 * @throws ConfigurationError for a generation not simulated yet, or a missing endpoint.
 */
export function createCamera(model: CameraModel, options: CameraOptions): Camera {
  switch (model.generation) {
    case 'mqtt3': {
      const { brokerUrl } = options;
      if (brokerUrl === undefined) {
        throw new ConfigurationError(`camera ${options.serial} (${model.name}, generation mqtt3) needs brokerUrl, e.g. mqtt://127.0.0.1:1883`);
      }
      return new Mqtt3Camera({ ...options, model, brokerUrl });
    }
    case 'http-push':
    case 'https-json':
    case 'mqtt5':
      throw new ConfigurationError(
        `camera ${options.serial}: model "${model.name}" is of generation ${model.generation}, which has no simulator yet ` +
          `(only mqtt3 is simulated); add one under simulators/cameras/ or leave this model out of the run`,
      );
  }
}
