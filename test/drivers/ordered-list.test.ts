// Ordered lists (timeline, recordings): exact sequences newest first, with diffs naming what is missing, extra or out of place.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expectOrderedList, newestFirstProblems, sequenceDiff, type ListedItem } from '../../drivers/index.ts';

const item = (id: number, minute: number, value: string): ListedItem => ({ id, at: `2026-11-26T08:${String(minute).padStart(2, '0')}:00.000Z`, value });
const everything = { mine: () => true, timeoutMs: 300, settleMs: 200 };

describe('the ordered-list comparison', () => {
  it('finds no difference between equal sequences', () => {
    assert.deepEqual(sequenceDiff(['a', 'b', 'c'], ['a', 'b', 'c']), []);
  });

  it('names the item missing, with its place, and the extra one', () => {
    assert.deepEqual(sequenceDiff(['a', 'b', 'c'], ['a', 'c']), ['item 2 "b" is missing']);
    assert.deepEqual(sequenceDiff(['a', 'b'], ['a', 'b', 'b']), ['item 3 "b" is extra']);
    assert.deepEqual(sequenceDiff([], ['x']), ['item 1 "x" is extra']);
  });

  it('names an item out of place, not as missing and extra', () => {
    assert.deepEqual(sequenceDiff(['c', 'b', 'a'], ['a', 'b', 'c']), ['item 1 is "a" where "c" was expected (out of place)', 'item 3 is "c" where "a" was expected (out of place)']);
    assert.deepEqual(sequenceDiff(['c', 'b', 'a', 'd'], ['b', 'c', 'a']), ['"b" is item 1 instead of 2 (out of place)', 'item 4 "d" is missing']);
  });

  it('requires newest first by the platform\'s time, allowing equal times in any order', () => {
    assert.deepEqual(newestFirstProblems([item(3, 5, 'c'), item(2, 4, 'b'), item(1, 4, 'a')]), []);
    assert.match(newestFirstProblems([item(1, 3, 'a'), item(2, 4, 'b')])[0] ?? '', /item 2 "b" .* comes after item 1 "a" .* which is older/);
  });
});

describe('expecting an ordered list', () => {
  it('passes the exact sequence, newest first', async () => {
    const page = [item(3, 5, 'motion of CAM-1'), item(2, 4, 'motion of CAM-1'), item(1, 3, 'online of CAM-1')];
    const mine = await expectOrderedList('the timeline of Camille', async () => page, ['motion of CAM-1', 'motion of CAM-1', 'online of CAM-1'], everything);
    assert.equal(mine.length, 3);
  });

  it('fails a list oldest first, naming the pair', async () => {
    const page = [item(1, 3, 'motion of CAM-1'), item(2, 4, 'motion of CAM-1')];
    await assert.rejects(expectOrderedList('the timeline of Camille', async () => page, ['motion of CAM-1', 'motion of CAM-1'], everything),
      /the timeline of Camille should list, newest first on its first page, exactly 2 item\(s\).*item 2 "motion of CAM-1" \(2026-11-26T08:04:00.000Z\) comes after item 1/);
  });

  it('fails a list truncated by one, naming the missing item', async () => {
    const page = [item(3, 5, 'clip of CAM-1'), item(2, 4, 'clip of CAM-1')];
    await assert.rejects(expectOrderedList('the recordings list of Camille', async () => page, ['clip of CAM-1', 'clip of CAM-1', 'clip of CAM-1'], everything), /item 3 "clip of CAM-1" is missing/);
  });

  it('fails an extra item that comes after the expected ones showed', async () => {
    let reads = 0;
    const page = async (): Promise<ListedItem[]> => ((reads += 1) > 1 ? [item(2, 5, 'motion of CAM-1'), item(1, 4, 'motion of CAM-1')] : [item(1, 4, 'motion of CAM-1')]);
    await assert.rejects(expectOrderedList('the timeline of Camille', page, ['motion of CAM-1'], everything), /item 2 "motion of CAM-1" is extra/);
  });

  it('compares only the scenario\'s items, but the order of the whole page', async () => {
    const page = [item(4, 6, 'motion of OLD-9'), item(3, 5, 'motion of CAM-1'), item(1, 2, 'motion of OLD-9')];
    await expectOrderedList('the timeline of Claude', async () => page, ['motion of CAM-1'], { ...everything, mine: (i) => i.value.endsWith('CAM-1') });
  });
});
