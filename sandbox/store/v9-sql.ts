// V9 keeps Europe/Paris wall-clock time in `timestamp` columns: every value crosses the SQL boundary through these conversions.

// The hour repeated when clocks go back (October) is ambiguous in V9: a known flaw the V10 migration must account for.

export const toLocal = (param: string): string => `(${param}::timestamptz AT TIME ZONE 'Europe/Paris')`;
export const fromLocal = (column: string): string => `(${column} AT TIME ZONE 'Europe/Paris')`;
export const nowLocal = "(now() AT TIME ZONE 'Europe/Paris')";

/** The modules of customer `c`'s offer: V9 has no subscription, the offer is on the customer. */
export const offerModules = 'ARRAY(SELECT module_code FROM offer_modules om WHERE om.offer_code = c.offer_code ORDER BY module_code)';
