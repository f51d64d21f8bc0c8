// The one masking function: every kind of secret the harness may meet is hidden, and nothing else is touched.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { environmentSecrets, knownSecrets, maskSecrets, registerSecret } from '../../lib/mask.ts';

describe('masking secrets', () => {
  it('hides the password of any URL, keeping the user and the host', () => {
    assert.equal(maskSecrets('i01=https://ops:T0p-s3cret@host-1.example/api', []), 'i01=https://ops:***@host-1.example/api');
    assert.equal(maskSecrets('mqtt://device:p4ss@127.0.0.1:1883 and amqp://u:v@h', []), 'mqtt://device:***@127.0.0.1:1883 and amqp://u:***@h');
  });

  it('hides password and token query parameters, in URLs and connection strings', () => {
    assert.equal(maskSecrets('postgres://ro@db:5432/events?sslmode=require&password=Hunter22', []), 'postgres://ro@db:5432/events?sslmode=require&password=***');
    assert.equal(maskSecrets('https://api.example/v1?access_token=abc.def&page=2', []), 'https://api.example/v1?access_token=***&page=2');
  });

  it('hides bearer tokens and the passwords the steps give to customers', () => {
    assert.equal(maskSecrets('authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig', []), 'authorization: Bearer ***');
    assert.equal(maskSecrets('login with Qa-AbCdEfGhIjKl failed', []), 'login with *** failed');
  });

  it('hides a registered test account password wherever it appears, escaped in JSON or encoded in a URL too', () => {
    registerSecret('pa"ss wörd');
    assert.equal(maskSecrets(`typed pa"ss wörd; json ${JSON.stringify('pa"ss wörd')}; url ${encodeURIComponent('pa"ss wörd')}`), 'typed ***; json "***"; url ***');
  });

  it('hides many secrets in one pass: characters a pattern would read as its own, one secret inside a longer one masked whole', () => {
    const many = Array.from({ length: 300 }, (_, i) => `acct-${String(i).padStart(4, '0')}-pw`);
    const odd = ['a.b*c+d?(e)[f]{g}|h^$\\/x', 'inner-pw1', 'inner-pw1-and-more'];
    const secrets = [...many, ...odd];
    assert.equal(maskSecrets(`${many[0]} ${many[299]} ${odd[0]} ${odd[2]} ${odd[1]} axb-c`, secrets), '*** *** *** *** *** axb-c');
    assert.equal(maskSecrets(`json ${JSON.stringify(odd[0])} url ${encodeURIComponent(odd[0]!)}`, secrets), 'json "***" url ***');
    assert.equal(maskSecrets('acct-0300-pw is no secret', secrets), 'acct-0300-pw is no secret');
    assert.equal(maskSecrets('nothing here', []), 'nothing here');
  });

  it('learns the secrets of the environment: variables named like a secret and the password of a URL in any variable', () => {
    const secrets = environmentSecrets({ PREPROD_INSTANCES: 'i01=https://ops:Inst4nce-pw@h1,i02=https://h2', PREPROD_API_TOKEN: 'tok-123456', HOME: '/root' });
    assert.deepEqual(secrets.sort(), ['Inst4nce-pw', 'Inst4nce-pw', 'tok-123456'].sort());
    assert.equal(maskSecrets('seen tok-123456 and Inst4nce-pw', secrets), 'seen *** and ***');
  });

  it('masks a short password where its place says so, not the same word elsewhere (the harness keeps its name)', () => {
    const secrets = knownSecrets({ DATABASE_URL: 'postgres://postgres:harness@127.0.0.1/db' });
    assert.ok(!secrets.includes('harness'));
    assert.equal(maskSecrets('[harness] run r1 on postgres://postgres:harness@127.0.0.1/db', secrets), '[harness] run r1 on postgres://postgres:***@127.0.0.1/db');
  });

  it('leaves text without secrets as it is, masked text included', () => {
    const text = 'postgres://postgres:***@127.0.0.1/x?password=*** Bearer *** http://127.0.0.1:4000/api/events?page=2';
    assert.equal(maskSecrets(text, []), text);
  });
});
