// Service modules end to end on a V10 instance and the real stubs: recordings, AI labels and classes, SMS and e-mail, quotas, home care.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { retryUntil } from '../../lib/wait.ts';
import { health } from './support/api.ts';
import { phone, startModulesPlatform, type ModuleCustomer, type ModulesPlatform } from './support/modules-platform.ts';

interface ApiEvent { serial: string; type: string; payload: Record<string, unknown> }
interface ApiRecording { serial: string; kind: string; startedAt: string; expiresAt: string }

const now = () => new Date().toISOString();

function eventsOf(c: ModuleCustomer, accept: (events: ApiEvent[]) => boolean, what: string): Promise<ApiEvent[]> {
  return retryUntil(async () => (await c.api<ApiEvent[]>('GET', '/api/events?limit=50')).body, accept, {
    timeoutMs: 5000, intervalMs: 50, message: (last) => `expected ${what} within 5000 ms; last /api/events: ${JSON.stringify(last)}`,
  });
}

async function recordingsOf(c: ModuleCustomer): Promise<ApiRecording[]> {
  const answer = await c.api<ApiRecording[]>('GET', '/api/recordings');
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  return answer.body;
}

describe('the service modules of a v10 instance', () => {
  let p: ModulesPlatform;
  before(async () => {
    p = await startModulesPlatform('v10');
  });
  after(() => p?.close());

  it('records a clip of an mqtt3 camera’s detection, keeps it for the offer’s retention, then deletes it', async () => {
    const c = await p.customer('serenite-2011');
    await c.camera.event('motion', now());
    const [clip] = await retryUntil(() => recordingsOf(c), (r) => r.length === 1, { timeoutMs: 5000, message: (last) => `expected one recording; got ${JSON.stringify(last)}` });
    assert.equal(clip?.kind, 'clip');
    assert.equal(Date.parse(clip!.expiresAt) - Date.parse(clip!.startedAt), 7 * 86_400_000);
    assert.equal((await c.api('POST', '/api/test/clock', { minutes: 6 * 24 * 60 })).status, 200);
    assert.equal((await recordingsOf(c)).length, 1, 'a recording younger than the retention must stay');
    await c.api('POST', '/api/test/clock', { minutes: 24 * 60 + 1 });
    assert.deepEqual(await recordingsOf(c), [], 'a recording older than the 7 days of Sérénité 2011 must be deleted');
  });

  it('deletes what is past the offer\'s retention before listing the recordings, even with no clock move or renewal to wake the account', async () => {
    const c = await p.customer('serenite-2011', { runId: null });
    const media = p.dbs.pool('media');
    const started = new Date(Date.now() - 40 * 86_400_000).toISOString();
    await media.query(
      "INSERT INTO recordings (device_serial, device_event_id, started_at, duration_ms, size_bytes, storage_key) VALUES ($1, NULL, $2, 60000, 1000, $3)",
      [c.camera.serial, started, `rec/${c.camera.serial}/old.mp4`],
    );
    assert.deepEqual(await recordingsOf(c), [], 'a continuous recording of 40 days ago is past the 7 days of Sérénité 2011');
    const { rows } = await media.query('SELECT count(*)::int AS n FROM recordings WHERE device_serial = $1', [c.camera.serial]);
    assert.equal(rows[0]?.n, 0, 'deleted, not only hidden');
  });

  it('records a snapshot for an HTTP-push camera, and nothing for an offer without recordings', async () => {
    const old = await p.customer('serenite-2011', { model: 'orion-hd-2011' });
    await old.camera.event('motion', now());
    const [snapshot] = await retryUntil(() => recordingsOf(old), (r) => r.length === 1, { timeoutMs: 5000, message: (last) => `expected a snapshot; got ${JSON.stringify(last)}` });
    assert.equal(snapshot?.kind, 'snapshot');
    const without = await p.customer('decouverte-2014', { whiteLabel: 'veilis', paymentMethod: 'card' });
    await without.camera.event('motion', now());
    await eventsOf(without, (e) => e.length === 1, 'the event of the Découverte 2014 customer');
    await p.waitFor({ service: 'mail', contains: without.email });
    assert.deepEqual(await recordingsOf(without), []);
  });

  it('labels a detection with the AI’s class and alerts only for the classes the customer chose', async () => {
    const c = await p.customer('intelligence-2019');
    assert.deepEqual((await c.api('PUT', '/api/settings/ai', { classes: ['person'] })).body, { classes: ['person'] });
    await fetch(`${p.stubs.url}/__services/ai/scenes/${c.camera.serial}`, { method: 'PUT', body: JSON.stringify({ label: 'vehicle', confidence: 0.8 }) });
    await c.camera.event('motion', now(), 'car-1');
    const [labelled] = await eventsOf(c, (e) => e[0]?.payload['classification'] !== undefined, 'a labelled event');
    assert.deepEqual(labelled?.payload['classification'], { label: 'vehicle', confidence: 0.8 });
    await fetch(`${p.stubs.url}/__services/ai/scenes/${c.camera.serial}`, { method: 'PUT', body: JSON.stringify({ label: 'person' }) });
    await c.camera.event('motion', now(), 'someone-1');
    const sms = await p.waitFor({ service: 'sms', contains: c.phone });
    assert.match((sms.body as { text: string }).text, /^Veilis : Personne détectée par votre caméra MOD-/);
    assert.equal(p.stubs.journal.entries({ service: 'sms', contains: c.phone }).length, 1, 'the vehicle (not chosen) must not have been alerted');
  });

  it('sends no AI request and no label for an offer without AI, and refuses its AI settings', async () => {
    const c = await p.customer('serenite-plus-2012');
    await c.camera.event('motion', now());
    await p.waitFor({ service: 'sms', contains: c.phone });
    const [event] = await eventsOf(c, (e) => e.length === 1, 'the event');
    assert.equal(event?.payload['classification'], undefined);
    assert.deepEqual(p.stubs.journal.entries({ service: 'ai', contains: c.camera.serial }), []);
    assert.equal((await c.api('PUT', '/api/settings/ai', { classes: ['person'] })).status, 403);
  });

  it('alerts anyway, labelled unavailable, when the AI service is down', async () => {
    const c = await p.customer('intelligence-2019');
    p.stubs.setFault('ai', { mode: 'down', match: c.camera.serial });
    await c.camera.event('motion', now());
    const sms = await p.waitFor({ service: 'sms', contains: c.phone });
    assert.match((sms.body as { text: string }).text, /\(analyse IA indisponible\)\.$/);
    const [event] = await eventsOf(c, (e) => e[0]?.payload['classification'] !== undefined, 'the classification');
    assert.deepEqual(event?.payload['classification'], { status: 'unavailable' });
    assert.equal(p.stubs.journal.entries({ service: 'ai', contains: c.camera.serial }).length, 2, 'one try and one retry');
  });

  it('sends SMS and e-mail in the white label’s name, within the offer’s monthly quota', async () => {
    const c = await p.customer('serenite-plus-2012', { whiteLabel: 'veilis' });
    await c.camera.event('motion', now());
    const mail = await p.waitFor({ service: 'mail', contains: c.email });
    assert.deepEqual((mail.body as { from: unknown }).from, { name: 'Veilis', address: 'alertes@veilis.example' });
    assert.equal(((await p.waitFor({ service: 'sms', contains: c.phone })).body as { from: string }).from, 'VEILIS');
    for (let i = 0; i < 20; i += 1) await c.camera.event('motion', now());
    await retryUntil(async () => p.stubs.journal.entries({ service: 'sms', contains: c.phone }).length, (n) => n === 20, { timeoutMs: 8000, message: (n) => `expected the 20 SMS of the quota; got ${String(n)}` });
    const state = await retryUntil(async () => (await c.api<{ quotas: { sms: { used: number; limit: number } } }>('GET', '/api/modules')).body, (s) => s.quotas.sms.used === 20, {
      timeoutMs: 3000, message: (last) => `expected 20 SMS used; got ${JSON.stringify(last)}`,
    });
    assert.equal(state.quotas.sms.limit, 20);
    // The 21st event arrives over MQTT like the others: wait for it to be handled, then it must be over quota.
    await retryUntil(async () => ((await health(p.url)).sms as unknown as { overQuota: number }).overQuota, (n) => n >= 1, {
      timeoutMs: 3000, message: (n) => `the 21st alert must be counted over quota; overQuota is ${String(n)}`,
    });
  });

  it('queues an e-mail while the mail provider is down and delivers it once it is back', async () => {
    const c = await p.customer('essentiel-2019');
    p.stubs.setFault('mail', { mode: 'down', match: c.email });
    await c.camera.event('motion', now());
    await p.waitFor({ service: 'mail', contains: c.email }, (e) => e.status === 503);
    p.stubs.setFault('mail', { mode: 'none', match: c.email });
    const delivered = await p.waitFor({ service: 'mail', contains: c.email }, (e) => e.status === 202);
    assert.ok(delivered);
  });

  it('forwards a camera’s tamper alarm to the monitoring centre and records its acknowledgement', async () => {
    const c = await p.customer('vigilance-2015', { whiteLabel: 'securimax-connect' });
    await c.camera.event('tamper', now());
    const alarm = await p.waitFor({ service: 'monitoring', contains: c.camera.serial });
    assert.deepEqual([(alarm.body as { type: string }).type, alarm.headers['x-synthetic-traffic']], ['tamper', 'run-42']);
    const [event] = await eventsOf(c, (e) => e[0]?.payload['monitoring'] !== undefined, 'the acknowledgement');
    assert.match(JSON.stringify(event?.payload['monitoring']), /^\{"status":"acknowledged","reference":"alarm-\d+"\}$/);
  });

  it('escalates to the customer when the monitoring centre does not acknowledge, after one retry', async () => {
    const c = await p.customer('vigilance-2015', { whiteLabel: 'securimax-connect' });
    p.stubs.setFault('monitoring', { mode: 'error', match: c.camera.serial });
    await c.camera.event('tamper', now());
    const sms = await p.waitFor({ service: 'sms', contains: c.phone }, (e) => e.rawBody.includes('ALERTE'));
    assert.match((sms.body as { text: string }).text, /^Sécurimax Connect : ALERTE Tentative de sabotage .*n'a pas pu la prendre en charge/);
    const [event] = await eventsOf(c, (e) => e[0]?.payload['monitoring'] !== undefined, 'the escalation');
    assert.deepEqual(event?.payload['monitoring'], { status: 'escalated' });
    assert.equal(p.stubs.journal.entries({ service: 'monitoring', contains: c.camera.serial }).length, 2);
  });

  it('forwards nothing to the monitoring centre for an offer without it', async () => {
    const c = await p.customer('serenite-2011');
    await c.camera.event('tamper', now());
    await p.waitFor({ service: 'sms', contains: c.phone });
    assert.deepEqual(p.stubs.journal.entries({ service: 'monitoring', contains: c.camera.serial }), []);
  });

  it('alerts the family when no movement is seen during the chosen window, and not before', async () => {
    const c = await p.customer('senior-2018', { whiteLabel: 'veilleurs-presence', paymentMethod: 'sepa', instrument: 'FR7630006000011234567890189' });
    const family = phone();
    assert.equal((await c.api('PUT', '/api/settings/home-care', { windowMinutes: 12 * 60, familyPhone: family })).status, 200);
    const watching = async (): Promise<string | null> => (await c.api<{ watchingSince: string | null }>('GET', '/api/settings/home-care')).body.watchingSince;
    const since = await watching();
    await c.api('POST', '/api/test/clock', { minutes: 11 * 60 });
    await c.camera.event('motion', now());
    await eventsOf(c, (e) => e.length === 1, 'the movement');
    // The event is listed once stored; the watch restarts when its notifications are decided, just after: under load,
    // moving the clock in between would restart the watch 2 h later and the alert would rightly not come.
    await retryUntil(watching, (at) => at !== since, { timeoutMs: 5000, intervalMs: 50, message: (last) => `expected the movement to restart the home-care watch (since ${since}); still ${last}` });
    await c.api('POST', '/api/test/clock', { minutes: 2 * 60 });
    // The decision is taken before the clock call answers: the counter, not the journal, proves "no alert".
    assert.equal((await health(p.url) as unknown as { modules: { homeCare: { alerts: number } } }).modules.homeCare.alerts, 0, 'a movement 2 h ago must not alert');
    await c.api('POST', '/api/test/clock', { minutes: 10 * 60 + 1 });
    const alert = await p.waitFor({ service: 'sms', contains: family });
    assert.match((alert.body as { text: string }).text, /^Présence Veilleurs : aucun mouvement détecté chez Camille Martin depuis 12 h/);
    assert.equal((alert.body as { from: string }).from, 'VEILLEURS');
  });
});
