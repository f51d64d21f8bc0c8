// What a fleet is made of: "<model or generation> <count>" lines in a file, or "name=count,..." on the command line.

import { existsSync, readFileSync } from 'node:fs';
import type { CameraModel, Catalog, GenerationId } from '../../catalog/index.ts';
import { ConfigurationError } from '../../lib/errors.ts';

export interface FleetEntry {
  // The catalog models the entry spreads over (one model, or every model of a generation).
  models: CameraModel[];
  count: number;
  // "vigie-2018" or "mqtt3", as written.
  name: string;
}

/** `--fleet` is a file when one exists at that path, counts otherwise. */
export function readFleetSpec(value: string, catalog: Catalog): FleetEntry[] {
  if (existsSync(value)) return parseFleetFile(readFileSync(value, 'utf8'), value, catalog);
  return value.split(',').map((part, i) => parseEntry(part.trim(), `--fleet item ${i + 1} ("${part.trim()}")`, catalog));
}

/** One entry per line: "<name> <count>" (or "name: count", "name=count"); "#" starts a comment. */
export function parseFleetFile(text: string, file: string, catalog: Catalog): FleetEntry[] {
  const entries: FleetEntry[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/#.*/, '').trim();
    if (line !== '') entries.push(parseEntry(line, `${file}:${i + 1}`, catalog));
  });
  if (entries.length === 0) throw new ConfigurationError(`${file}: the fleet file lists no device; write lines like "mqtt3 500" or "vigie-2018 20"`);
  return entries;
}

function parseEntry(text: string, where: string, catalog: Catalog): FleetEntry {
  const match = /^([^\s=:]+(?:\s+[^\s=:\d][^\s=:]*)*)\s*[=:\s]\s*(\d+)$/.exec(text);
  if (!match) throw new ConfigurationError(`${where}: expected "<model or generation> <count>", e.g. "mqtt3 500" or "vigie-2018=20"; got "${text}"`);
  const [, name = '', countText = '0'] = match;
  const count = Number(countText);
  if (!Number.isSafeInteger(count) || count < 1 || count > 1_000_000) throw new ConfigurationError(`${where}: the count must be 1 to 1000000, got ${countText}`);
  return { name, count, models: modelsFor(name, where, catalog) };
}

function modelsFor(name: string, where: string, catalog: Catalog): CameraModel[] {
  const generation = catalog.generations.find((g) => g.id === name);
  if (generation) return catalog.cameraModels.filter((m) => m.generation === (generation.id as GenerationId));
  const model = catalog.cameraModels.find((m) => m.id === name || m.name === name);
  if (model) return [model];
  throw new ConfigurationError(
    `${where}: "${name}" is neither a camera model of catalog/data/camera-models.yaml nor a generation of catalog/data/generations.yaml ` +
      `(generations: ${catalog.generations.map((g) => g.id).join(', ')}; models: ${catalog.cameraModels.map((m) => m.id).join(', ')})`,
  );
}
