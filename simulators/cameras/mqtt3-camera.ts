// A generation-mqtt3 camera (2018–2021): MQTT 3.1.1, retained status with a last will, QoS 1 motion events.

import type { CameraModel } from '../../catalog/index.ts';
import { ConfigurationError } from '../../lib/errors.ts';
import { StartedMqtt3Camera, type Mqtt3Settings } from './started-mqtt3-camera.ts';
import type { Camera, CameraOptions } from './types.ts';

export { StartedMqtt3Camera };

export interface Mqtt3CameraOptions extends CameraOptions {
  model: CameraModel;
  brokerUrl: string;
}

export class Mqtt3Camera implements Camera {
  readonly #settings: Mqtt3Settings;

  constructor(options: Mqtt3CameraOptions) {
    const { serial, model } = options;
    if (model.generation !== 'mqtt3') {
      throw new ConfigurationError(`camera ${serial}: model "${model.name}" is of generation ${model.generation}, not mqtt3`);
    }
    const firmware = options.firmware ?? model.firmware.at(-1);
    if (firmware === undefined || !model.firmware.includes(firmware)) {
      throw new ConfigurationError(
        `camera ${serial}: firmware "${firmware}" is not one of model "${model.name}" (${model.firmware.join(', ')}); pick one the catalog lists`,
      );
    }
    this.#settings = {
      serial, model, firmware, brokerUrl: options.brokerUrl,
      timeZone: options.timeZone ?? 'Europe/Paris',
      connectTimeoutMs: options.connectTimeoutMs ?? 5000,
      ackTimeoutMs: options.ackTimeoutMs ?? 5000,
    };
  }

  get serial(): string {
    return this.#settings.serial;
  }

  async start(): Promise<StartedMqtt3Camera> {
    const camera = new StartedMqtt3Camera(this.#settings);
    await camera.connect();
    return camera;
  }
}

