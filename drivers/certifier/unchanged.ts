// Tables the mapping declares the same in both formats: each side's SQL is the identity mapping, once both are shown to match.

import { ConfigurationError } from '../../lib/errors.ts';
import type { SideConnections } from './connect.ts';
import { describeDatabase } from './connect.ts';
import { shapeSql, tableShapes } from './identity.ts';
import type { Mapping } from './mapping/types.ts';
import type { SideSql } from './sql.ts';
import type { DatabaseName } from './types.ts';

export interface UnchangedTable {
  name: string;
  database: DatabaseName;
  fieldNames: string[];
  v9: SideSql;
  v10: SideSql;
}

/** Throws a ConfigurationError naming each declared table missing on a side, or whose columns differ between the sides. */
export async function unchangedTables(mapping: Mapping, sides: { v9: SideConnections; v10: SideConnections }): Promise<UnchangedTable[]> {
  const problems: string[] = [];
  const tables: UnchangedTable[] = [];
  for (const { database, tables: names } of mapping.unchanged ?? []) {
    const [v9, v10] = await Promise.all([tableShapes(sides.v9, database), tableShapes(sides.v10, database)]);
    for (const name of names) {
      const a = v9.find((s) => s.table === name);
      const b = v10.find((s) => s.table === name);
      if (!a || !b) {
        problems.push(`table ${name}, declared unchanged, does not exist in ${describeDatabase((a ? sides.v10 : sides.v9).side, database)}`);
        continue;
      }
      const columns = (s: typeof a): string => s.columns.map((c) => `${c.name} ${c.type}`).join(', ');
      if (columns(a) !== columns(b)) {
        problems.push(`table ${name}, declared unchanged, differs: V9 (${columns(a)}), V10 (${columns(b)})`);
        continue;
      }
      tables.push({ name, database, fieldNames: a.columns.map((c) => c.name), v9: shapeSql(`${name} (V9)`, database, a), v10: shapeSql(`${name} (V10)`, database, { ...b, key: a.key }) });
    }
  }
  if (problems.length > 0) throw new ConfigurationError(`the mapping does not fit the databases:\n  ${problems.join('\n  ')}`);
  return tables;
}
