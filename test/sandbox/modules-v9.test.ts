// The service modules on a V9 instance (its own tables and times), and every outbound call of a synthetic account marked with its run.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { retryUntil } from '../../lib/wait.ts';
import { startModulesPlatform, type ModulesPlatform } from './support/modules-platform.ts';

describe('the service modules of a v9 instance', () => {
  let p: ModulesPlatform;
  before(async () => {
    p = await startModulesPlatform('v9');
  });
  after(() => p?.close());

  it('records, labels, alerts and renews, marking every call of the synthetic account with its run id', async () => {
    const c = await p.customer('intelligence-2019', { instrument: '4242424242424242' });
    await fetch(`${p.stubs.url}/__services/ai/scenes/${c.camera.serial}`, { method: 'PUT', body: JSON.stringify({ label: 'animal', confidence: 0.7 }) });
    await c.camera.event('motion', new Date().toISOString());
    const sms = await p.waitFor({ service: 'sms', contains: c.phone });
    assert.match((sms.body as { text: string }).text, /^Veilis : Animal détecté par votre caméra/);
    await p.waitFor({ service: 'mail', contains: c.email });
    const events = await retryUntil(async () => (await c.api<{ payload: Record<string, unknown> }[]>('GET', '/api/events')).body, (e) => e[0]?.payload['classification'] !== undefined, {
      timeoutMs: 5000, message: (last) => `expected a labelled V9 event; got ${JSON.stringify(last)}`,
    });
    assert.deepEqual(events[0]?.payload['classification'], { label: 'animal', confidence: 0.7 });
    assert.equal((await c.api<unknown[]>('GET', '/api/recordings')).body.length, 1);
    await c.api('POST', '/api/test/clock', { minutes: 30 * 24 * 60 + 1 });
    assert.equal((await c.api<{ status: string }>('GET', '/api/billing')).body.status, 'active');
    const mine = p.stubs.journal.entries().filter((e) => [c.phone, c.email, c.camera.serial].some((key) => e.rawBody.includes(key)));
    assert.deepEqual(new Set(mine.map((e) => e.service)), new Set(['ai', 'sms', 'mail', 'payment']));
    assert.deepEqual(mine.filter((e) => e.headers['x-synthetic-traffic'] !== 'run-42').map((e) => e.path), [], 'every call of a synthetic account carries X-Synthetic-Traffic');
  });
});
