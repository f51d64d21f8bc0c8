// The test accounts file of pre-production and production: the original format still reads, devices, reference data and the support agent are validated, each problem named.

import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadRemoteConfig, parseTestAccounts } from '../../environments/index.ts';
import { escapeRegExp } from '../../lib/text.ts';

const account = { email: 'qa@veilis.example', password: 'secret-pw', whiteLabel: 'veilis' };
const reference = { offer: 'serenite-2011', events: [{ serial: 'VIGIE-QA1', type: 'motion', at: '2019-10-27T02:30:00+02:00' }], recordings: [{ serial: 'VIGIE-QA1', startedAt: '2026-11-20T10:00:00+01:00', durationMs: 15000 }] };

function problemsOf(json: unknown): string[] {
  const parsed = parseTestAccounts(json);
  assert.ok('problems' in parsed, `expected problems, got ${JSON.stringify(parsed)}`);
  return parsed.problems;
}

describe('the test accounts file', () => {
  it('still reads the original array of accounts, a note included', () => {
    assert.deepEqual(parseTestAccounts([{ ...account, note: 'kept since 2024' }]), { accounts: [account] });
  });

  it('refuses an unknown key and an unknown white label, by their place in the file', () => {
    const problems = problemsOf({ accounts: [account, { ...account, email: 'b@x.example', devics: [] }, { ...account, email: 'c@x.example', whiteLabel: 'veilys' }], supportAgent: { email: 's@x.example', password: 'p', role: 'x' } });
    assert.ok(problems.some((p) => /accounts\[1\] has an unknown key "devics"/.test(p)), problems.join('\n'));
    assert.ok(problems.some((p) => /accounts\[2\]\.whiteLabel "veilys" is no catalog white label id .*veilis/.test(p)), problems.join('\n'));
    assert.ok(problems.some((p) => /supportAgent has an unknown key "role"/.test(p)), problems.join('\n'));
    assert.equal(problems.length, 3, problems.join('\n'));
  });

  it('reads devices, reference data and a support agent', () => {
    const parsed = parseTestAccounts({ accounts: [{ ...account, devices: [{ serial: 'ORIONHD-QA1', model: 'orion-hd-2011' }], reference }], supportAgent: { email: 'support@qa.example', password: 'pw' } });
    assert.ok(!('problems' in parsed));
    assert.deepEqual(parsed.accounts[0]?.devices, [{ serial: 'ORIONHD-QA1', model: 'orion-hd-2011' }]);
    assert.deepEqual(parsed.accounts[0]?.reference, reference);
    assert.deepEqual(parsed.supportAgent, { email: 'support@qa.example', password: 'pw' });
  });

  it('names every bad device, by its place in the file', () => {
    const problems = problemsOf([{ ...account, devices: [{ serial: 'bad serial!', model: 'orion-hd-2011' }, { serial: 'X1', model: 'orion-9000' }, { serial: 'X1', model: 'lynx-2014', password: 'p' }] }]);
    assert.ok(problems.some((p) => /accounts\[0\]\.devices\[0\]\.serial "bad serial!" must be 1 to 64/.test(p)), problems.join('\n'));
    assert.ok(problems.some((p) => /accounts\[0\]\.devices\[1\]\.model "orion-9000" is no catalog model id/.test(p)), problems.join('\n'));
    assert.ok(problems.some((p) => /accounts\[0\]\.devices\[2\]\.serial "X1" is already designated at accounts\[0\]\.devices\[1\]/.test(p)), problems.join('\n'));
    assert.ok(problems.some((p) => /accounts\[0\]\.devices\[2\] has an unknown key "password"/.test(p)), problems.join('\n'));
  });

  it('refuses reference times without their offset, unknown offers, and an empty history', () => {
    const problems = problemsOf([
      { ...account, reference: { ...reference, offer: 'serenite-1999', events: [{ serial: 'S', type: 'motion', at: '2019-10-27 02:30:00' }] } },
      { ...account, reference: { offer: 'serenite-2011', events: [], recordings: [] } },
      { ...account, reference: { ...reference, recordings: [{ serial: 'S', startedAt: '2026-11-20T10:00:00Z', durationMs: -1 }] } },
    ]);
    assert.ok(problems.some((p) => /accounts\[0\]\.reference\.offer "serenite-1999" is no catalog offer id/.test(p)), problems.join('\n'));
    assert.ok(problems.some((p) => /accounts\[0\]\.reference\.events\[0\]\.at "2019-10-27 02:30:00" must be an ISO-8601 time with its offset/.test(p)), problems.join('\n'));
    assert.ok(problems.some((p) => /accounts\[1\]\.reference lists no event and no recording/.test(p)), problems.join('\n'));
    assert.ok(problems.some((p) => /accounts\[2\]\.reference\.recordings\[0\]\.durationMs must be a whole number/.test(p)), problems.join('\n'));
  });

  it('reads the settings a customer had before the migration, and names an account type or payment method the catalog does not know', () => {
    const contract = { name: 'Hélène Dupont', phone: '+33612345678', accountType: 'individual', paymentMethod: 'card' };
    const parsed = parseTestAccounts({ accounts: [{ ...account, reference: { ...reference, account: contract } }] });
    assert.ok(!('problems' in parsed), JSON.stringify(parsed));
    assert.deepEqual(parsed.accounts[0]?.reference?.account, contract);
    assert.deepEqual(problemsOf({ accounts: [{ ...account, reference: { ...reference, account: { ...contract, paymentMethod: 'cheque', accountType: 'vip', iban: 'x' } } }] }), [
      'accounts[0].reference.account has an unknown key "iban" (known: name, phone, accountType, paymentMethod)',
      'accounts[0].reference.account.accountType "vip" is no catalog account type id (catalog/data/account-types.yaml)',
      'accounts[0].reference.account.paymentMethod "cheque" is no catalog payment method id (catalog/data/payment-methods.yaml)',
    ]);
  });

  it('refuses a file that is neither a list nor {accounts}, and a support agent without a password', () => {
    assert.match(problemsOf({ users: [] })[0] ?? '', /expected \[\{"email","password","whiteLabel"\}, \.\.\.\] or \{"accounts"/);
    assert.ok(problemsOf({ accounts: [account], supportAgent: { email: 'support@qa.example' } }).includes('supportAgent.password must be a non-empty string'));
  });

  it('reaches the environment: a production configuration carries the devices, the reference data and the support agent', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'accounts-')), 'accounts.json');
    writeFileSync(file, JSON.stringify({ accounts: [{ ...account, devices: [{ serial: 'LYNX-QA1', model: 'lynx-2014' }], reference }], supportAgent: { email: 'support@qa.example', password: 'pw' } }));
    const config = loadRemoteConfig('production', {
      PRODUCTION_INSTANCES: 'i01=https://a.example', PRODUCTION_INSTANCE_COUNT: '1', PRODUCTION_MQTT_URL: 'mqtts://broker.example:8883',
      PRODUCTION_ACCOUNTS_DB_URL: 'postgres://ro@db/a', PRODUCTION_EVENTS_DB_URL: 'postgres://ro@db/e', PRODUCTION_MEDIA_DB_URL: 'postgres://ro@db/m', PRODUCTION_TEST_ACCOUNTS_FILE: file,
    });
    assert.equal(config.testAccounts[0]?.devices?.[0]?.serial, 'LYNX-QA1');
    assert.equal(config.testAccounts[0]?.reference?.offer, 'serenite-2011');
    assert.equal(config.supportAgent?.email, 'support@qa.example');
  });

  it('names the variable and the file when the content is bad', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'accounts-')), 'accounts.json');
    writeFileSync(file, JSON.stringify([{ ...account, devices: [{ serial: 'X', model: 'nope' }] }]));
    assert.throws(() => loadRemoteConfig('preprod', {
      PREPROD_INSTANCES: 'i01=https://a.example', PREPROD_INSTANCE_COUNT: '1', PREPROD_MQTT_URL: 'mqtt://b', PREPROD_ACCOUNTS_DB_URL: 'postgres://ro@db/a',
      PREPROD_EVENTS_DB_URL: 'postgres://ro@db/e', PREPROD_MEDIA_DB_URL: 'postgres://ro@db/m', PREPROD_TEST_ACCOUNTS_FILE: file,
    }), new RegExp(`PREPROD_TEST_ACCOUNTS_FILE ${escapeRegExp(file)}: accounts\\[0\\]\\.devices\\[0\\]\\.model "nope" is no catalog model id`));
  });
});
