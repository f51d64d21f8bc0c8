// A generation-mqtt3 camera (2018–2021): MQTT 3.1.1, retained status with a last will, QoS 1 events.

import type { CameraModel } from '../../catalog/index.ts';
import { ConfigurationError } from '../../lib/errors.ts';
import { Mqtt3Transport } from './mqtt3-transport.ts';
import { cameraSettings } from './settings.ts';
import { SimulatedCamera, type CameraSettings } from './simulated-camera.ts';
import type { Camera, CameraOptions } from './types.ts';

/** A started mqtt3 camera: the generic simulated camera over MQTT 3.1.1. */
export { SimulatedCamera as StartedMqtt3Camera };

export interface Mqtt3CameraOptions extends CameraOptions {
  model: CameraModel;
  brokerUrl: string;
}

export class Mqtt3Camera implements Camera {
  readonly #settings: CameraSettings;
  readonly #brokerUrl: string;

  constructor(options: Mqtt3CameraOptions) {
    const { serial, model } = options;
    if (model.generation !== 'mqtt3') {
      throw new ConfigurationError(`camera ${serial}: model "${model.name}" is of generation ${model.generation}, not mqtt3`);
    }
    this.#settings = cameraSettings(model, options);
    this.#brokerUrl = options.brokerUrl;
  }

  get serial(): string {
    return this.#settings.serial;
  }

  async start(): Promise<SimulatedCamera> {
    const camera = new SimulatedCamera(this.#settings, (context) => new Mqtt3Transport(context, this.#brokerUrl));
    await camera.boot();
    return camera;
  }
}
