// The stand-in's password hashes: its own low-cost form, the older form still read, and costs it refuses.

import assert from 'node:assert/strict';
import { randomBytes, scryptSync } from 'node:crypto';
import { describe, it } from 'node:test';
import { hashPassword, verifyPassword } from '../../sandbox/auth.ts';

describe('the stand-in platform\'s password hashes', () => {
  it('writes scrypt with its parameters, a new salt each time, and verifies only the right password', async () => {
    const one = await hashPassword('Qa-correct horse');
    const two = await hashPassword('Qa-correct horse');
    assert.match(one, /^scrypt\$1024\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    assert.notEqual(one, two);
    assert.equal(await verifyPassword('Qa-correct horse', one), true);
    assert.equal(await verifyPassword('Qa-correct horsE', one), false);
    assert.equal(await verifyPassword('', one), false);
  });

  it('still reads the older "scrypt$salt$key" form as N = 16384', async () => {
    const salt = randomBytes(16);
    const older = `scrypt$${salt.toString('base64url')}$${scryptSync('old-pw', salt, 32, { N: 16384, r: 8, p: 1 }).toString('base64url')}`;
    assert.equal(await verifyPassword('old-pw', older), true);
    assert.equal(await verifyPassword('other', older), false);
  });

  it('refuses a hash naming a cost it does not know, or malformed, without deriving anything', async () => {
    const salt = randomBytes(16);
    const huge = `scrypt$1048576$8$1$${salt.toString('base64url')}$${'A'.repeat(43)}`;
    assert.equal(await verifyPassword('pw', huge), false);
    for (const bad of ['', 'scrypt', 'scrypt$$', 'bcrypt$1024$8$1$abc$def', 'scrypt$1024$8$1$abc$', 'scrypt$1024$8$abc$def']) {
      assert.equal(await verifyPassword('pw', bad), false, bad);
    }
  });
});
