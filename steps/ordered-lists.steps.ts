// The customer's lists read as sequences: the timeline and the recordings, newest first on their first page, exactly these items.

import { Then } from '@cucumber/cucumber';
import { expectTimeline } from '../drivers/index.ts';
import { ConfigurationError, ProductAssertionError } from '../lib/errors.ts';
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

// A page of the history holds exactly what was asked: the newest events, as many as the page size, not one more.
Then('l\'historique de {string}, lu par pages de {int}, montre d\'abord ses {int} évènements les plus récents', async function (this: HarnessWorld, name: string, size: number, count: number) {
  if (count !== size) throw new ConfigurationError(`the first page of ${size} shows ${size} events when the history holds more; the scenario says ${count}`);
  const api = this.customer(name).api;
  const [page, all] = await Promise.all([api.events(size), api.events(500)]);
  const value = (e: { type: string; serial: string; id: string | number }): string => `${e.type} of ${e.serial} (#${e.id})`;
  const expected = all.slice(0, size).map(value);
  const shown = page.map(value);
  if (all.length <= size) throw new ConfigurationError(`the history of ${this.about(name)} holds ${all.length} event(s): a page of ${size} cannot show it is cut; make more events first`);
  if (shown.join('; ') !== expected.join('; ')) {
    throw new ProductAssertionError(`[history] the first page of ${size} of the history of ${this.about(name)} should be its ${size} newest events (${expected.join('; ')}); it shows ${shown.length}: ${shown.join('; ')}`);
  }
});

Then('la liste des enregistrements de {string} montre exactement {int} {word} de sa caméra, du plus récent au plus ancien', async function (this: HarnessWorld, name: string, count: number, word: string) {
  await expectCameraRecordings(this, name, kindOf(word), count);
});
