// The sandbox's pure parts: camera message parsing, French Paris times, SMS wording and HTML escaping.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { html } from '../../sandbox/http/html.ts';
import { parseCameraMessage } from '../../sandbox/ingest/messages.ts';
import { smsText } from '../../sandbox/notify/fanout.ts';
import { formatParis } from '../../sandbox/time.ts';

const parse = (topic: string, payload: string) => parseCameraMessage(topic, Buffer.from(payload));

describe('camera messages', () => {
  it('reads an event and keeps its extra fields as the payload', () => {
    assert.deepEqual(parse('kw/cameras/VG-1/events', '{"eventId":"e1","type":"motion","at":"2026-11-26T10:31:02+01:00","zone":"a"}'), {
      message: { kind: 'event', family: 'cameras', serial: 'VG-1', eventId: 'e1', type: 'motion', at: '2026-11-26T10:31:02+01:00', clock: undefined, payload: { zone: 'a' } },
    });
  });

  it('rejects an event time without an offset, an unknown type and a payload that is not JSON', () => {
    assert.ok('malformed' in parse('kw/cameras/VG-1/events', '{"eventId":"e1","type":"motion","at":"2026-11-26T10:31:02"}'));
    assert.ok('malformed' in parse('kw/cameras/VG-1/events', '{"eventId":"e1","type":"fire","at":"2026-11-26T10:31:02Z"}'));
    assert.ok('malformed' in parse('kw/cameras/VG-1/events', 'motion!'));
    assert.ok('malformed' in parse('kw/cameras/VG-1/status', 'busy'));
  });

  it('skips an empty retained status, which only clears the broker’s copy', () => {
    assert.deepEqual(parse('kw/cameras/VG-1/status', ''), { skip: true });
  });
});

describe('French times for Europe/Paris', () => {
  it('renders winter (UTC+1) and summer (UTC+2) times as a French customer reads them', () => {
    assert.equal(formatParis(new Date('2026-11-26T09:31:02Z')), '26/11/2026 10:31:02');
    assert.equal(formatParis(new Date('2026-07-14T22:00:00Z')), '15/07/2026 00:00:00');
  });

  it('words an SMS with the brand, the event and the camera', () => {
    const event = { serial: 'VG-1', eventId: 'e1', accountId: 1, type: 'person', at: '2026-07-14T12:00:00Z', payload: {} };
    assert.equal(smsText('Veilis', event), 'Veilis : Personne détectée par votre caméra VG-1 le 14/07/2026 à 14:00:00.');
  });
});

describe('HTML templates', () => {
  it('escape every interpolated value and keep nested templates as markup', () => {
    const name = `<img src=x onerror="alert('x')">`;
    assert.equal(html`<p title="${name}">${html`<b>${name}</b>`}</p>`.value, '<p title="&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt;"><b>&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt;</b></p>');
  });
});
