// Connected objects and MQTT-native panels on an in-process broker: what each kind reports, buffering while offline, bad models.

import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import type { AlarmPanelModel, ObjectModel } from '../../catalog/index.ts';
import { ConfigurationError } from '../../lib/errors.ts';
import { ConnectedObject, MqttPanel, startPanel } from '../../simulators/index.ts';
import { observe, startAedes } from './mqtt-observer.ts';

const kinds: [ObjectModel['kind'], string][] = [
  ['door-contact', 'door-open'], ['motion-detector', 'motion'], ['smoke-detector', 'smoke'], ['temperature-sensor', 'temperature-alert'], ['panic-button', 'panic'],
];

describe('connected objects', () => {
  for (const [kind, expected] of kinds) {
    it(`a ${kind} reports "${expected}" when triggered`, async () => {
      await using broker = await startAedes();
      const serial = `OBJ-${randomUUID().slice(0, 8)}`;
      await using object = await new ConnectedObject({ serial, model: { id: `m-${kind}`, name: kind, kind }, brokerUrl: broker.url }).start();
      await using events = await observe(broker.url, `kw/objects/${serial}/events`);
      const event = await object.trigger();
      const seen = await events.waitFor(() => true, `the ${expected} event`);
      assert.deepEqual([event.type, (JSON.parse(seen.payload) as { type: string; kind: string }).kind], [expected, kind]);
    });
  }

  it('tells a comfortable temperature from an alert, and lets the home-care sensor report inactivity', async () => {
    await using broker = await startAedes();
    await using sensor = await new ConnectedObject({ serial: 'T-1', model: { id: 't', name: 'Thermo', kind: 'temperature-sensor' }, brokerUrl: broker.url }).start();
    assert.equal((await sensor.reading(21)).type, 'temperature');
    assert.equal((await sensor.reading(2)).type, 'temperature-alert');
    await using care = await new ConnectedObject({ serial: 'P-1', model: { id: 'p', name: 'Bouton', kind: 'panic-button' }, brokerUrl: broker.url }).start();
    assert.equal((await care.report('inactivity')).type, 'inactivity');
    assert.throws(() => care.report('smoke'), /cannot report "smoke"/);
  });

  it('keeps its triggers while offline and delivers them when back', async () => {
    await using broker = await startAedes();
    await using object = await new ConnectedObject({ serial: 'D-1', model: { id: 'd', name: 'Porte', kind: 'door-contact' }, brokerUrl: broker.url }).start();
    await using events = await observe(broker.url, 'kw/objects/D-1/events');
    await object.goOffline();
    const missed = [await object.trigger(), await object.trigger()];
    assert.deepEqual(missed.map((e) => e.delivered), [false, false]);
    await object.comeBack();
    await events.waitFor((m) => m.payload.includes(missed[1]!.eventId), 'the second trigger');
    assert.equal(events.messages.length, 2);
  });

  it('refuses a kind no simulator plays, naming the catalog file', () => {
    assert.throws(() => new ConnectedObject({ serial: 'X', model: { id: 'x', name: 'Sirène', kind: 'siren' }, brokerUrl: 'mqtt://x' }),
      (error: Error) => error instanceof ConfigurationError && error.message.includes('catalog/data/objects.yaml'));
  });
});

describe('MQTT-native alarm panels', () => {
  const model: AlarmPanelModel = { id: 'hub-domo-h1', name: 'Hub Domo H1', protocol: 'mqtt', encryption: false };

  it('publishes alarms with their SIA code and zone, at QoS 1', async () => {
    await using broker = await startAedes();
    await using panel = await new MqttPanel({ serial: 'ABCDEF01', model, brokerUrl: broker.url }).start();
    await using events = await observe(broker.url, 'kw/panels/ABCDEF01/events');
    assert.deepEqual(await panel.report('intrusion', 3), { type: 'intrusion', outcome: 'ack', attempts: 1, naks: 0 });
    const seen = await events.waitFor(() => true, 'the intrusion');
    assert.deepEqual([JSON.parse(seen.payload).code, JSON.parse(seen.payload).zone, seen.qos], ['BA', 3, 1]);
  });

  it('refuses a DC-09 panel when the platform has no receiver, and a protocol no simulator speaks', async () => {
    const dc09: AlarmPanelModel = { id: 'centrale-c1', name: 'Centrale C1', protocol: 'dc09', encryption: false };
    await assert.rejects(startPanel(dc09, 'ABC', { dc09: null, brokerUrl: 'mqtt://x' }), /no DC-09 receiver/);
    const odd = { ...dc09, protocol: 'zigbee' } as unknown as AlarmPanelModel;
    await assert.rejects(startPanel(odd, 'ABC', { dc09: null, brokerUrl: 'mqtt://x' }), /catalog\/data\/alarm-panels\.yaml/);
  });
});
