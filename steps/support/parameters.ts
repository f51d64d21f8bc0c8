// Every parameter type of the steps: catalog names in the Gherkin become catalog entries (or a configuration error naming
// the catalog file); the modules' words (third party, fault, channel, scene, class) become the drivers' values.

import { defineParameterType } from '@cucumber/cucumber';
import { loadCatalog, type CameraModel, type Offer, type WhiteLabel } from '../../catalog/index.ts';
import type { AiLabel, ThirdParty } from '../../drivers/index.ts';
import { ConfigurationError } from '../../lib/errors.ts';
import { escapeRegExp } from '../../lib/text.ts';
import { environment } from './environment.ts';
import { channels, classNames, faults, providers, scenes, type Channel, type Fault } from './words.ts';

export const catalog = loadCatalog(environment.catalogDir);

function lookup<T extends { id: string; name?: string; brand?: string }>(kind: string, file: string, entries: T[], name: string): T {
  const found = entries.find((entry) => (entry.brand ?? entry.name) === name || entry.id === name);
  if (found) return found;
  const known = entries.map((entry) => entry.brand ?? entry.name ?? entry.id).join(', ');
  throw new ConfigurationError(`the scenario names ${kind} "${name}", which catalog/data/${file} does not list (known: ${known})`);
}

defineParameterType({ name: 'marque', regexp: /"([^"]+)"/, useForSnippets: false, transformer: (name: string): WhiteLabel => lookup('the brand', 'white-labels.yaml', catalog.whiteLabels, name) });
defineParameterType({ name: 'offre', regexp: /"([^"]+)"/, useForSnippets: false, transformer: (name: string): Offer => lookup('the offer', 'offers.yaml', catalog.offers, name) });
defineParameterType({ name: 'modèle', regexp: /"([^"]+)"/, useForSnippets: false, transformer: (name: string): CameraModel => lookup('the camera model', 'camera-models.yaml', catalog.cameraModels, name) });

// The modules' words: one of a closed list, each mapped to the drivers' value.
const alternatives = (words: Record<string, unknown>): RegExp => new RegExp(Object.keys(words).map(escapeRegExp).join('|'));
defineParameterType({ name: 'prestataire', regexp: alternatives(providers), transformer: (text: string): ThirdParty => providers[text]! });
defineParameterType({ name: 'panne', regexp: alternatives(faults), transformer: (text: string): Fault => faults[text]! });
defineParameterType({ name: 'canal', regexp: alternatives(channels), transformer: (text: string): Channel => channels[text]! });
defineParameterType({ name: 'scène', regexp: alternatives(scenes), transformer: (text: string): AiLabel => scenes[text]! });
defineParameterType({ name: 'classe', regexp: alternatives(classNames), transformer: (text: string): AiLabel => classNames[text]! });
