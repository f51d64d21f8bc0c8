// The customer's lists read as sequences: the timeline and the recordings, newest first on their first page, exactly these items.

import { Then } from '@cucumber/cucumber';
import { expectTimeline } from '../drivers/index.ts';
import { ConfigurationError } from '../lib/errors.ts';
import { cameraItemsOf, expectCameraRecordings } from './support/lists.ts';
import type { HarnessWorld } from './support/world.ts';

// The words of the Gherkin for what a recording is: a photo (HTTP-push cameras) or a clip.
const recordingKinds: Record<string, string> = { photo: 'snapshot', photos: 'snapshot', clip: 'clip', clips: 'clip' };

function kindOf(word: string): string {
  const kind = recordingKinds[word];
  if (!kind) throw new ConfigurationError(`a recording is a "photo" or a "clip" (plural "photos", "clips"); the scenario says "${word}"`);
  return kind;
}


Then('l\'historique de {string} montre exactement {int} mouvement(s) de sa caméra, du plus récent au plus ancien', async function (this: HarnessWorld, name: string, count: number) {
  const { serial, since } = cameraItemsOf(this, name);
  await expectTimeline(this.customer(name).api, this.about(name), [serial], since, Array.from({ length: count }, () => `motion of ${serial}`));
});

Then('la liste des enregistrements de {string} montre exactement {int} {word} de sa caméra, du plus récent au plus ancien', async function (this: HarnessWorld, name: string, count: number, word: string) {
  await expectCameraRecordings(this, name, kindOf(word), count);
});
