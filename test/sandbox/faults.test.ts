// Fault switches of the stand-in platform: parsed per instance, unknown names and unknown catalog ids refused, V10 regressions kept off V9.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type pg from 'pg';
import { answerFrame, type ReceiverDeps } from '../../sandbox/dc09/decide.ts';
import { faultCatalog, parseFaults, type KnownIds } from '../../sandbox/faults.ts';
import { backOfficeMaintenance } from '../../sandbox/http/backoffice-maintenance.ts';
import { smsSenderOf } from '../../sandbox/modules/alerts.ts';
import type { ModuleContext } from '../../sandbox/modules/index.ts';
import { frenchDateTime } from '../../sandbox/notice/french.ts';
import type { ModuleAccount } from '../../sandbox/store/index.ts';
import { encodeMessage, siaData } from '../../simulators/index.ts';

const known: KnownIds = { whiteLabels: ['veilis', 'maisoneo-cam', 'assur-plus-protect'], offers: ['intelligence-2019'], partners: ['securimax'], panelModels: ['centrale-c1'] };

describe('fault switches', () => {
  it('turns a fault on for every instance when no instance is named', () => {
    assert.deepEqual(parseFaults(['sms-silent'], 'i01').active, ['sms-silent']);
  });

  it('turns a fault on only for the instance it names', () => {
    assert.equal(parseFaults(['instance-crash-on-event:i02'], 'i01').has('instance-crash-on-event'), false);
    assert.equal(parseFaults(['instance-crash-on-event:i02'], 'i02').has('instance-crash-on-event'), true);
  });

  it('refuses an unknown fault and lists the known ones', () => {
    assert.throws(() => parseFaults(['disk-full'], 'i01'), /--fault "disk-full" is unknown; known faults: sms-silent, instance-crash-on-event/);
  });

  it('does not take a property of every object for a fault name', () => {
    assert.throws(() => parseFaults(['constructor'], 'i01'), /--fault "constructor" is unknown/);
  });

  it('reads the catalog id a fault targets, before the optional instance', () => {
    const faults = parseFaults(['sms-sender-reverts:maisoneo-cam', 'ai-off-for-offer:intelligence-2019:i01', 'dc09-nak-model:centrale-c1:i02'], 'i01', known);
    assert.deepEqual(faults.active, ['sms-sender-reverts', 'ai-off-for-offer']);
    assert.equal(faults.argument('sms-sender-reverts'), 'maisoneo-cam');
    assert.equal(faults.argument('ai-off-for-offer'), 'intelligence-2019');
    assert.equal(faults.argument('dc09-nak-model'), undefined);
  });

  it('gives the target of a V10 regression to a V10 instance only', () => {
    const faults = parseFaults(['monitoring-drops-partner:securimax', 'http-push-keepalive-rejected', 'backoffice-stuck-in-maintenance'], 'i01', known);
    assert.equal(faults.target('monitoring-drops-partner', 'v10'), 'securimax');
    assert.equal(faults.target('monitoring-drops-partner', 'v9'), undefined);
    assert.equal(faults.on('http-push-keepalive-rejected', 'v10'), true);
    assert.equal(faults.on('http-push-keepalive-rejected', 'v9'), false);
    assert.equal(faults.on('backoffice-stuck-in-maintenance', 'v9'), false);
  });

  it('shows the notice in UTC on V9 too, where customers see it before the migration', () => {
    const faults = parseFaults(['notice-utc'], 'i01', known);
    assert.equal(faults.on('notice-utc', 'v9'), true);
    assert.equal(faults.on('notice-utc', 'v10'), true);
    assert.equal(faults.on('sms-silent', 'v10'), false);
  });

  it('refuses a targeted fault without its target, saying what to give', () => {
    assert.throws(() => parseFaults(['ai-off-for-offer'], 'i01', known), /--fault "ai-off-for-offer" needs an argument: .*ai-off-for-offer:<offer id>/);
    assert.throws(() => parseFaults(['dc09-nak-model::i01'], 'i01', known), /needs an argument/);
  });

  it('refuses a target the catalog does not know, listing the known ids', () => {
    assert.throws(() => parseFaults(['sms-sender-reverts:maisoneo'], 'i01', known), /--fault "sms-sender-reverts:maisoneo": the catalog has no white label "maisoneo"; known: veilis, maisoneo-cam/);
    assert.throws(() => parseFaults(['monitoring-drops-partner:securimax-connect'], 'i01', known), /no partner "securimax-connect"; known: securimax/);
    assert.throws(() => parseFaults(['dc09-nak-model:centrale-c9'], 'i01', known), /no alarm panel model "centrale-c9"/);
    assert.throws(() => parseFaults(['ai-off-for-offer:pro-2020'], 'i01', known), /no offer "pro-2020"/);
  });

  it('refuses an unknown target even when the fault is meant for another instance', () => {
    assert.throws(() => parseFaults(['sms-sender-reverts:nobody:i02'], 'i01', known), /no white label "nobody"/);
  });

  it('wants two known white labels for swap-logo', () => {
    assert.equal(parseFaults(['swap-logo:veilis,assur-plus-protect'], 'i01', known).argument('swap-logo'), 'veilis,assur-plus-protect');
    assert.throws(() => parseFaults(['swap-logo:veilis'], 'i01', known), /name two white labels/);
    assert.throws(() => parseFaults(['swap-logo:veilis,nobody'], 'i01', known), /no white label "nobody"/);
  });

  it('checks targets against the product catalog when given no list', () => {
    assert.equal(parseFaults(['dc09-nak-model:centrale-c1'], 'i01').target('dc09-nak-model', 'v10'), 'centrale-c1');
    assert.equal(parseFaults(['monitoring-drops-partner:securimax'], 'i01').argument('monitoring-drops-partner'), 'securimax');
    assert.throws(() => parseFaults(['ai-off-for-offer:offre-inconnue'], 'i01'), /no offer "offre-inconnue"; known: serenite-2011/);
  });

  it('describes every fault in its catalog, with the form of its argument', () => {
    for (const name of ['sms-sender-reverts', 'ai-off-for-offer', 'monitoring-drops-partner', 'dc09-nak-model'] as const) assert.match(faultCatalog[name], new RegExp(`${name}:<`));
  });
});

describe('what the faults break', () => {
  it('reads the cut in UTC under notice-utc, one hour off Paris in winter', () => {
    const cut = new Date('2026-12-01T08:30:00Z');
    assert.deepEqual(frenchDateTime(cut), { date: 'mardi 1 décembre 2026', time: '09:30' });
    assert.deepEqual(frenchDateTime(cut, 'UTC'), { date: 'mardi 1 décembre 2026', time: '08:30' });
  });

  it('sends the targeted white label\'s SMS as VEILIS on V10, and every other brand\'s under its own name', () => {
    const faults = parseFaults(['sms-sender-reverts:maisoneo-cam'], 'i01', known);
    const account = (whiteLabel: string, smsSender: string) => ({ whiteLabel, smsSender }) as ModuleAccount;
    const ctx = (version: 'v9' | 'v10') => ({ faults, version }) as ModuleContext;
    assert.equal(smsSenderOf(ctx('v10'), account('maisoneo-cam', 'MAISONEO')), 'VEILIS');
    assert.equal(smsSenderOf(ctx('v10'), account('assur-plus-protect', 'ASSURPLUS')), 'ASSURPLUS');
    assert.equal(smsSenderOf(ctx('v9'), account('maisoneo-cam', 'MAISONEO')), 'MAISONEO');
  });

  it('NAKs every timestamped message of the faulted panel model, however right its clock, and ACKs the others', async () => {
    const ingest = { status: async () => 'ok', heartbeat: async () => 'ok', event: async () => 'stored' } as ReceiverDeps['ingest'];
    const deps: ReceiverDeps = {
      ingest, log: { info() {}, warn() {}, error() {} }, knows: async () => true, now: () => new Date(), window: { pastS: 40, futureS: 20 },
      stats: { processed: 0, stored: 0, duplicates: 0, ignored: 0, failed: 0 }, alwaysNak: async (account) => account === '1234',
    };
    const frame = (account: string) => encodeMessage({ token: 'SIA-DCS', seq: 7, receiver: '1', line: '2', account, data: siaData(account, 'intrusion', 1, 3), timestamp: new Date(), key: undefined });
    assert.match((await answerFrame(frame('1234'), deps)) ?? '', /"NAK"0000/);
    assert.match((await answerFrame(frame('ABC9'), deps)) ?? '', /"ACK"0007/);
  });

  it('keeps the back office in maintenance once it has seen it, and lets it go without the fault', async () => {
    const switches = { on: true };
    const client = {
      query: async (sql: string) => (sql.includes('to_regclass') ? { rows: [{ found: 'kw_ops.maintenance' }] }
        : sql.includes('kw_ops.maintenance') ? { rows: [{ active: switches.on, since: new Date(), message: 'Maintenance en cours' }] } : { rows: [] }),
      release() {},
    };
    const pool = { connect: async () => client } as unknown as pg.Pool;
    const stuck = await backOfficeMaintenance(pool, true);
    const healthy = await backOfficeMaintenance(pool, false);
    switches.on = false;
    assert.equal((await stuck())?.message, 'Maintenance en cours');
    assert.equal(await healthy(), undefined);
  });
});
