// The platform's SMS client: every attempt of one message carries the same idempotency key, each message its own.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Logger } from '../../sandbox/log.ts';
import type { Outbound, Outcome } from '../../sandbox/modules/outbound.ts';
import { createSmsClient } from '../../sandbox/notify/sms.ts';

const quiet: Logger = { info() {}, warn() {}, error() {} };

// An outbound that answers the scripted outcomes in turn and records the key of each attempt.
function scripted(outcomes: Outcome[]): Outbound & { keys: (string | undefined)[] } {
  const keys: (string | undefined)[] = [];
  return {
    keys,
    stats: { refusedSynthetic: 0 },
    async post(_provider, _url, _body, _synthetic, _timeoutMs, idempotencyKey) {
      keys.push(idempotencyKey);
      return outcomes.shift() ?? { kind: 'answered', status: 202, body: { id: 'x' } };
    },
  };
}

describe('the platform SMS client', () => {
  it('sends every attempt of one message with the same idempotency key, so a late-answered attempt is not sent twice', async () => {
    const outbound = scripted([{ kind: 'timeout' }, { kind: 'timeout' }]);
    const sms = createSmsClient('http://127.0.0.1:9/sms', quiet, outbound);
    assert.equal(await sms.send({ from: 'VEILIS', to: '+33600000001', text: 'mouvement' }, null), true);
    assert.equal(outbound.keys.length, 3);
    assert.ok(typeof outbound.keys[0] === 'string' && outbound.keys[0].length > 0);
    assert.deepEqual(new Set(outbound.keys).size, 1);
  });

  it('gives each message its own key', async () => {
    const outbound = scripted([]);
    const sms = createSmsClient('http://127.0.0.1:9/sms', quiet, outbound);
    await sms.send({ from: 'VEILIS', to: '+33600000001', text: 'un' }, null);
    await sms.send({ from: 'VEILIS', to: '+33600000001', text: 'deux' }, null);
    assert.equal(outbound.keys.length, 2);
    assert.notEqual(outbound.keys[0], outbound.keys[1]);
  });
});
