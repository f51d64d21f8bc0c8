// Reference data damaged by the migration (offers, modules, white labels, partners) and a column left behind: each found and named.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { expectCertified } from '../../drivers/certifier/index.ts';
import type { Finding, MigrationCertificate, MigrationRehearsal } from '../../drivers/certifier/index.ts';
import { defaultCatalogDir, loadCatalog } from '../../catalog/index.ts';
import { backedUpRehearsal, certifyWithFault } from './support/rehearsal.ts';

const catalog = loadCatalog(defaultCatalogDir);

/** Every finding as `entity field key: expected -> actual`, sorted. */
const lines = (findings: Finding[]): string[] =>
  findings.map((f) => `${f.entity} ${f.field} ${Object.values(f.v9Key ?? f.v10Key ?? {}).join('/')}: ${f.expected} -> ${f.actual}`).sort();

/** The assertion message the plan's certify-data step fails with, which the detection table reads for names. */
const message = (cert: MigrationCertificate): string => {
  try {
    expectCertified(cert);
  } catch (error) {
    return (error as Error).message;
  }
  return 'certified';
};

describe('certifying the reference data a migration damaged', () => {
  let rehearsal: MigrationRehearsal;
  const certifyWith = (fault: string): Promise<MigrationCertificate> => certifyWithFault(rehearsal, fault);
  before(async () => {
    rehearsal = await backedUpRehearsal();
  });
  after(async () => {
    await rehearsal.drop();
  });

  it("finds the offer whose retention was halved, and only that value, named in the step's message", async () => {
    const cert = await certifyWith('offer-retention-halved:pro-2017');
    assert.deepEqual(lines(cert.findings), ['offers retention days pro-2017: 60 -> 30']);
    assert.match(message(cert), /offers field retention days V9 \{"code":"pro-2017"\} V10 \{"id":"pro-2017"\}: expected 60, got 30/);
  });

  it('finds the SMS quota lost by one offer', async () => {
    const cert = await certifyWith('offer-sms-quota-zeroed:vigilance-2015');
    assert.deepEqual(lines(cert.findings), ['offers SMS quota vigilance-2015: 30 -> 0']);
  });

  it('finds the module renamed, with its V9 and V10 names', async () => {
    const cert = await certifyWith('module-renamed:home-care');
    assert.deepEqual(lines(cert.findings), ['modules name home-care: Maintien à domicile -> Home Care']);
  });

  it("finds the white label that took the direct brand's SMS sender and support phone", async () => {
    const cert = await certifyWith('white-label-contact-reverts:maisoneo-cam');
    assert.deepEqual(lines(cert.findings), [
      'white labels SMS sender maisoneo-cam: MAISONEO -> VEILIS',
      'white labels support phone maisoneo-cam: +33 3 20 50 60 00 -> +33 1 84 80 10 00',
    ]);
  });

  it('finds the partner that lost the offers it sells (its V10-only offers aside)', async () => {
    const cert = await certifyWith('partner-loses-offers:securimax');
    assert.deepEqual(lines(cert.findings), ['partners offers securimax: pro-2017,pro-2020,vigilance-2015 -> ']);
  });

  it('finds every offer whose e-mail quota V10 left at the column default, and no other', async () => {
    const cert = await certifyWith('column-not-carried:offers.email_quota');
    const offers = catalog.offers.filter((o) => o.since === 'v9' && o.monthlyQuotas.email > 0);
    assert.ok(offers.length > 5);
    assert.deepEqual(lines(cert.findings), offers.map((o) => `offers e-mail quota ${o.id}: ${o.monthlyQuotas.email} -> 0`).sort());
  });

  it('finds a customer-data column left behind as well: every device whose firmware V10 lost', async () => {
    const cert = await certifyWith('column-not-carried:devices.firmware');
    const firmware = cert.findings.filter((f) => f.entity === 'devices' && f.field === 'firmware');
    assert.ok(firmware.length > 0);
    assert.deepEqual(firmware.filter((f) => f.actual !== null || f.expected === null), [], 'each finding is a firmware V9 had and V10 lost');
    assert.equal(cert.entities.find((e) => e.entity === 'devices')?.differingRows, firmware.filter((f) => f.via === 'checksums').length);
  });

  it('certifies a clean migration, listing the reference rows V10 adds', async () => {
    await rehearsal.migrate();
    const cert = await rehearsal.certifyMigration();
    assert.deepEqual(cert.findings, []);
    const added = Object.fromEntries(cert.additions.map((a) => [a.entity, a.keys.map((k) => Object.values(k).join('/'))]));
    assert.deepEqual(added, {
      modules: ['alarm-panels', 'connected-objects'],
      offers: ['habitat-total-2022', 'maison-connectee-2022'],
      'camera models': [...catalog.alarmPanels, ...catalog.objects].map((m) => m.id).sort(),
    });
    await rehearsal.rollback();
  });
});
