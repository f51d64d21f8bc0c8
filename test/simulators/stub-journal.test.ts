// The stub server's request journal: a `since` reads only the later entries, the same ones a whole read would find.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RequestJournal } from '../../simulators/stubs/journal.ts';

const request = (n: number, service: string) => ({
  service, method: 'POST', path: `/send/${n}`, query: '', headers: {}, body: null, rawBody: `message ${n}`, at: new Date(0).toISOString(),
  handled: n % 5 !== 0, fault: 'none' as const, status: 200,
});

describe('the request journal', () => {
  it('gives the entries after a mark, in order, filtered as a read of the whole journal would, and after a clear too', () => {
    const journal = new RequestJournal();
    for (let n = 1; n <= 40; n += 1) journal.record(request(n, n % 2 === 0 ? 'sms' : 'email'));
    const whole = (filter: { since: number; service?: string; handled?: boolean }) => journal.matching({}).filter((e) => e.id > filter.since
      && (filter.service === undefined || e.service === filter.service) && (filter.handled === undefined || e.handled === filter.handled)).map((e) => e.id);
    for (const since of [-1, 0, 1, 2, 19, 20, 39, 40, 41, 1000]) {
      for (const filter of [{ since }, { since, service: 'sms' }, { since, handled: false }]) {
        assert.deepEqual(journal.matching(filter).map((e) => e.id), whole(filter), JSON.stringify(filter));
      }
    }
    assert.deepEqual(journal.matching({ since: 37 }).map((e) => e.id), [38, 39, 40]);
    assert.deepEqual(journal.entries({ since: 38, service: 'sms' }).map((e) => e.rawBody), ['message 40']);

    journal.clear();
    journal.record(request(41, 'sms'));
    journal.record(request(42, 'sms'));
    assert.deepEqual(journal.matching({ since: 0 }).map((e) => e.id), [41, 42], 'ids go on growing after a clear');
    assert.deepEqual(journal.matching({ since: 41 }).map((e) => e.id), [42]);
  });

  it('gives copies to in-process readers: changing one leaves the journal as it was', () => {
    const journal = new RequestJournal();
    journal.record(request(1, 'sms'));
    const [copy] = journal.entries({ since: 0 });
    copy!.rawBody = 'changed';
    assert.equal(journal.entries()[0]!.rawBody, 'message 1');
  });
});
