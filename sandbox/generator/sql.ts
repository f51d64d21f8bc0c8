// Deterministic pseudo-random SQL expressions: the same seed and row number give the same value on every run and server.

/** SQL for a non-negative integer below `mod`, drawn from row number `n` (an SQL expression), `seed` and a per-use `salt`. */
export function draw(n: string, seed: number, salt: number, mod: number | string): string {
  return `abs(hashint8extended((${n})::bigint, ${seed * 1000 + salt}) % (${mod})::bigint)`;
}

/**
 * SQL for the instant (timestamptz) of activity number `n`: spread over 2015-2025, except that every 997th falls
 * in the hour Paris repeats in October (either occurrence) and the next one around the hour Paris skips in March,
 * so every data set carries the daylight-saving edge cases.
 */
export function activityInstant(n: string, seed: number): string {
  const year = `(2015 + ${draw(n, seed, 11, 10)})::int`;
  const lastSunday = (month: number): string =>
    `((make_date(${year}, ${month}, 31) - extract(dow FROM make_date(${year}, ${month}, 31))::int)::timestamp AT TIME ZONE 'UTC')`;
  return `(CASE (${n}) % 997
    WHEN 0 THEN ${lastSunday(10)} + ${draw(n, seed, 12, 7200)} * interval '1 second'
    WHEN 1 THEN ${lastSunday(3)} + (1800 + ${draw(n, seed, 12, 3600)}) * interval '1 second'
    ELSE timestamptz '2015-01-01 00:00:00+00' + ${draw(n, seed, 13, 341_000_000)} * interval '1 second' END)`;
}

/** SQL for the Paris wall-clock time (timestamp) of an instant, as V9 stores it. */
export function parisWallClock(instant: string): string {
  return `((${instant}) AT TIME ZONE 'Europe/Paris')`;
}

/** SQL for the serial of camera number `j`: the model's prefix and the number in hex (cameras cycle through `models`). */
export function cameraSerial(j: string, prefixesParam: string): string {
  return `(${prefixesParam}[1 + ((${j}) - 1) % cardinality(${prefixesParam})] || '-' || lpad(upper(to_hex(${j})), 7, '0'))`;
}

/** SQL for the device-side id of event number `g`. */
export function eventId(g: string): string {
  return `lpad(to_hex(${g}), 8, '0')`;
}
