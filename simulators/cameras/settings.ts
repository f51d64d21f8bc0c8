// A camera's settings from its catalog model and the caller's options, checked against the catalog.

import type { CameraModel } from '../../catalog/index.ts';
import { ConfigurationError } from '../../lib/errors.ts';
import { generationTraits } from './generation.ts';
import type { CameraSettings } from './simulated-camera.ts';
import type { CameraOptions } from './types.ts';

export const cameraModelsFile = 'catalog/data/camera-models.yaml';

/** Throws a ConfigurationError naming the catalog files when the model's generation has no simulator. */
export function checkGeneration(model: CameraModel, serial: string): void {
  if (Object.hasOwn(generationTraits, model.generation)) return;
  throw new ConfigurationError(
    `camera ${serial}: model "${model.name}" has generation "${String(model.generation)}", which no simulator speaks ` +
      `(known: ${Object.keys(generationTraits).join(', ')}); fix the model in ${cameraModelsFile} or the list in catalog/data/generations.yaml`,
  );
}

export function cameraSettings(model: CameraModel, options: CameraOptions): CameraSettings {
  const { serial } = options;
  checkGeneration(model, serial);
  const firmware = options.firmware ?? model.firmware.at(-1);
  if (firmware === undefined || !model.firmware.includes(firmware)) {
    throw new ConfigurationError(
      `camera ${serial}: firmware "${firmware}" is not one of model "${model.name}" (${model.firmware.join(', ')}); pick one ${cameraModelsFile} lists`,
    );
  }
  return {
    serial, model, firmware,
    timeZone: options.timeZone ?? 'Europe/Paris',
    connectTimeoutMs: options.connectTimeoutMs ?? 5000,
    ackTimeoutMs: options.ackTimeoutMs ?? 5000,
    heartbeatEveryMs: options.heartbeatEveryMs ?? generationTraits[model.generation].heartbeatEveryMs,
    record: options.record ?? 'full',
    seed: options.seed,
    liveView: options.liveView ?? true,
  };
}

/** The endpoint the model's generation talks to, or a ConfigurationError saying which one is missing. */
export function endpointFor(model: CameraModel, options: CameraOptions): string {
  const endpoints = { brokerUrl: options.brokerUrl, ...options.endpoints };
  const needs = { 'http-push': 'httpUrl', 'https-json': 'httpUrl', mqtt3: 'brokerUrl', mqtt5: 'mqtt5Url' } as const;
  const key = needs[model.generation];
  const url = endpoints[key];
  if (url === undefined || url === '') {
    const example = key === 'httpUrl' ? 'http://127.0.0.1:8080' : 'mqtt://127.0.0.1:1883';
    throw new ConfigurationError(`camera ${options.serial} (${model.name}, generation ${model.generation}) needs endpoints.${key}, e.g. ${example}`);
  }
  return url;
}
