// The back office's search-by-name and card checks, on hand-made pages: each problem named, row by row.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cardProblems, resultText, searchByNameProblems, type CustomerCard, type CustomerResult, type ExpectedCard } from '../../drivers/index.ts';

const helene = { name: 'Hélène Simon', email: 'helene.simon.54@boite.example', phone: '+33615607075', brand: 'Veilis' };
const other = { name: 'Hélène Simonet', email: 'helene.simonet.9@maison.test', phone: '+33600000009', brand: 'Veilis Pro' };
const row = (id: number, r: typeof helene): CustomerResult => ({ id: String(id), name: r.name, text: resultText(r) });

describe('the back office search by name', () => {
  it('passes the page that lists the customer and every designated one of that name once, by ascending number', () => {
    assert.deepEqual(searchByNameProblems([row(9, other), row(54, helene)], 'Hélène Simon', helene, [other]), []);
  });

  it('names the customer not listed, listed twice or listed with other values', () => {
    assert.deepEqual(searchByNameProblems([], 'Hélène Simon', helene), ['the customer sought "Hélène Simon – helene.simon.54@boite.example – +33615607075 – Veilis" is not listed']);
    assert.deepEqual(searchByNameProblems([row(54, helene), row(55, helene)], 'Hélène Simon', helene), ['the customer sought helene.simon.54@boite.example is listed 2 times']);
    assert.deepEqual(searchByNameProblems([row(54, { ...helene, brand: 'Veilis Pro' })], 'Hélène Simon', helene),
      ['the customer sought helene.simon.54@boite.example is listed as "Hélène Simon – helene.simon.54@boite.example – +33615607075 – Veilis Pro" instead of "Hélène Simon – helene.simon.54@boite.example – +33615607075 – Veilis"']);
    assert.deepEqual(searchByNameProblems([row(54, helene)], 'Hélène Simon', helene, [other]), ['the customer "Hélène Simonet – helene.simonet.9@maison.test – +33600000009 – Veilis Pro" is not listed']);
  });

  it('names a customer of another name, and a page out of order', () => {
    const stray = { ...other, name: 'Helene Simon' };
    assert.deepEqual(searchByNameProblems([row(54, helene), row(60, stray)], 'Hélène Simon', helene),
      ['customer 60 "Helene Simon – helene.simonet.9@maison.test – +33600000009 – Veilis Pro" is listed, whose name does not contain "Hélène Simon"']);
    assert.deepEqual(searchByNameProblems([row(54, helene), row(9, other)], 'Hélène Simon', helene, [other]),
      ['the page is not by ascending customer number: 54, 9 (customer 9 after 54)']);
  });

  it('does not ask for another customer of that name when the first page is full', () => {
    const full = Array.from({ length: 50 }, (_, i) => row(100 + i, { ...helene, email: `h${i}@x.test` }));
    assert.deepEqual(searchByNameProblems([row(54, helene), ...full], 'Hélène Simon', helene, [other]), []);
  });
});

describe('the back office card', () => {
  const card: CustomerCard = {
    name: 'Hélène Simon', fields: { 'E-mail': helene.email, 'Téléphone': helene.phone, 'Type de compte': 'Particulier' },
    partner: 'Veilis', brand: 'Veilis', offer: 'Découverte 2014', modules: ['Enregistrements cloud', 'Alertes SMS'],
    devices: [{ serial: 'ORIONHD-0000001', model: 'Orion HD', online: false, lastHeartbeat: '', firmware: 'inconnu', text: 'ORIONHD-0000001 Orion HD Hors ligne' }],
  };
  const expected: ExpectedCard = { ...helene, partner: 'Veilis', offer: 'Découverte 2014', accountType: 'Particulier', modules: ['Alertes SMS', 'Enregistrements cloud'],
    devices: [{ serial: 'ORIONHD-0000001', model: 'Orion HD', online: false }] };

  it('passes the card that shows exactly the customer', () => {
    assert.deepEqual(cardProblems(card, expected), []);
  });

  it('names every value that differs, a missing device and a device of someone else', () => {
    assert.deepEqual(cardProblems({ ...card, name: 'Helene Simon', offer: 'DECOUVERTE-2014', fields: { ...card.fields, 'Type de compte': 'individual' } }, expected),
      ['name "Helene Simon" instead of "Hélène Simon"', 'offer "DECOUVERTE-2014" instead of "Découverte 2014"', 'account type "individual" instead of "Particulier"']);
    assert.deepEqual(cardProblems(card, { ...expected, devices: [{ serial: 'JUDAS-00000FB', online: true }] }),
      ['no device JUDAS-00000FB', 'a device ORIONHD-0000001 the customer does not have ("ORIONHD-0000001 Orion HD Hors ligne")']);
    assert.deepEqual(cardProblems(card, { ...expected, devices: [{ serial: 'ORIONHD-0000001', model: 'Orion', online: true }] }),
      ['device ORIONHD-0000001: model "Orion HD" instead of "Orion"', 'device ORIONHD-0000001: offline instead of online']);
  });
});
