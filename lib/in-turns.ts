// A bounded pool: work over items, at most `limit` at once, results in the items' order.

/** Runs `work` over `items`, at most `limit` at once (at least one), taking them in order; resolves to the results in the items' order. */
export async function inTurns<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await work(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}

/**
 * `inTurns`, starting the costliest items first: a long one taken last would end the batch alone while the others are
 * done. Equal costs keep the items' order; the results are still in the items' order.
 */
export async function inTurnsCostliestFirst<T, R>(items: readonly T[], limit: number, cost: (item: T) => number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const costs = items.map(cost);
  const order = items.map((_, index) => index).sort((a, b) => costs[b]! - costs[a]! || a - b);
  const done = await inTurns(order, limit, (index) => work(items[index]!, index));
  const results = new Array<R>(items.length);
  order.forEach((index, k) => (results[index] = done[k]!));
  return results;
}
