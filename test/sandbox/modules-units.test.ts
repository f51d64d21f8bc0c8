// The modules' rules that need no process: local URLs, quota months, home-care due, recording kinds, alert texts, masked instruments.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { alertText } from '../../sandbox/modules/alerts.ts';
import { parisMonth } from '../../sandbox/modules/clock.ts';
import { inactivityDue, inactivityText } from '../../sandbox/modules/home-care.ts';
import { escalationText } from '../../sandbox/modules/monitoring.ts';
import { isLocalUrl, isRetryable } from '../../sandbox/modules/outbound.ts';
import { recordingKind, retentionCutoff } from '../../sandbox/modules/recordings.ts';
import { maskInstrument } from '../../sandbox/payments/view.ts';

const event = { serial: 'VG-1', type: 'motion', at: '2026-07-14T14:00:00+02:00' };
const homeCare = { windowMinutes: 720, familyPhone: '+33600000000', familyEmail: null };
const state = (watchSince: string | null, alertedAt: string | null = null) => ({
  clockOffsetMs: 0, aiClasses: [], homeCare, watchSince: watchSince === null ? null : new Date(watchSince), inactivityAlertedAt: alertedAt === null ? null : new Date(alertedAt),
});

describe('the modules\' rules', () => {
  it('lets synthetic traffic go only to this machine', () => {
    assert.deepEqual(['http://127.0.0.1:4000/sms', 'http://localhost/sms', 'http://[::1]:80/x', 'http://127.3.2.1/'].map(isLocalUrl), [true, true, true, true]);
    assert.deepEqual(['https://api.sms-provider.example/v1', 'http://192.0.2.2:4000/sms', 'http://127.0.0.1.nip.io/', 'not a url'].map(isLocalUrl), [false, false, false, false]);
  });

  it('retries a provider that failed or did not answer, never one that answered', () => {
    assert.deepEqual([{ kind: 'unavailable', reason: 'x' }, { kind: 'timeout' }, { kind: 'garbled', status: 202 }, { kind: 'rejected', status: 400, text: '' }]
      .map((o) => isRetryable(o as never)), [true, true, false, false]);
  });

  it('counts quotas per calendar month in Paris, not in UTC', () => {
    assert.equal(parisMonth(new Date('2026-10-31T23:30:00Z')), '2026-11');
    assert.equal(parisMonth(new Date('2026-11-30T22:59:59Z')), '2026-11');
  });

  it('finds a home-care inactivity due at the end of the window, once per inactivity', () => {
    assert.equal(inactivityDue(state('2026-11-26T08:00:00Z'), new Date('2026-11-26T19:59:59Z')), false);
    assert.equal(inactivityDue(state('2026-11-26T08:00:00Z'), new Date('2026-11-26T20:00:00Z')), true);
    assert.equal(inactivityDue(state('2026-11-26T08:00:00Z', '2026-11-26T20:00:00Z'), new Date('2026-11-27T08:00:00Z')), false);
    assert.equal(inactivityDue(state(null), new Date('2030-01-01T00:00:00Z')), false);
    assert.equal(inactivityText({ brand: 'Présence Veilleurs', name: 'Jeanne' }, homeCare, new Date('2026-11-26T08:00:00Z')),
      'Présence Veilleurs : aucun mouvement détecté chez Jeanne depuis 12 h (dernier signe le 26/11/2026 à 09:00:00).');
  });

  it('records HTTP-push detections as snapshots and the others as clips, kept the offer\'s days', () => {
    assert.deepEqual(['http-push', 'https-json', 'mqtt3', 'mqtt5', null].map(recordingKind), ['snapshot', 'clip', 'clip', 'clip', 'clip']);
    assert.equal(retentionCutoff({ retentionDays: 7 }, new Date('2026-11-26T00:00:00Z')).toISOString(), '2026-11-19T00:00:00.000Z');
  });

  it('words alerts with the AI\'s label, says when the AI was unavailable, and escalates in capitals', () => {
    assert.equal(alertText('Veilis', event, { status: 'labelled', label: 'vehicle', confidence: 0.8 }), 'Veilis : Véhicule détecté par votre caméra VG-1 le 14/07/2026 à 14:00:00.');
    assert.equal(alertText('Veilis', event, { status: 'unavailable', reason: 'HTTP 503' }), 'Veilis : Mouvement détecté par votre caméra VG-1 le 14/07/2026 à 14:00:00 (analyse IA indisponible).');
    assert.match(escalationText('Veilis', event, 'tamper'), /^Veilis : ALERTE Tentative de sabotage sur votre caméra VG-1 le 14\/07\/2026 à 14:00:00\. Le centre/);
  });

  it('shows only the end of a card number or an IBAN', () => {
    assert.deepEqual([maskInstrument('4242424242424242'), maskInstrument('FR7630006000011234567890189'), maskInstrument(null)], ['•••• 4242', 'FR76 •••• 0189', null]);
  });
});
