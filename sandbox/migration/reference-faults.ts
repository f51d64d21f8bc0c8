// Migration faults that damage V10's reference data or leave a column behind: self-tests of the certification's completeness.

import type pg from 'pg';
import type { Catalog } from '../../catalog/index.ts';
import type { DatabaseName } from '../db.ts';
import { schemas } from '../schema/index.ts';
import { StartupError } from '../startup-error.ts';

export const referenceFaults = {
  'offer-retention-halved': 'offer <offer> keeps recordings half as many days in V10 (offer-retention-halved:<offer>)',
  'offer-sms-quota-zeroed': 'offer <offer> has no SMS alerts left in V10: its monthly SMS quota is 0 (offer-sms-quota-zeroed:<offer>)',
  'module-renamed': "module <module> gets its id as name in V10, e.g. 'Home Care' (module-renamed:<module>)",
  'white-label-contact-reverts': "white label <brand> gets the direct brand's SMS sender and support phone (white-label-contact-reverts:<brand>)",
  'partner-loses-offers': 'partner <partner> sells no offer in V10: its list of offers comes over empty (partner-loses-offers:<partner>)',
  'column-not-carried': 'V10 column <table>.<column> is left at its default (NULL or the DDL default) instead of the V9 value (column-not-carried:<table>.<column>)',
} as const;

export type ReferenceFaultName = keyof typeof referenceFaults;

export interface ReferenceFault {
  name: ReferenceFaultName;
  target: string;
}

/** Refuses, before any database changes, a target the catalog or the V10 schema does not have, or that would change nothing. */
export function checkReferenceTargets(faults: ReferenceFault[], catalog: Catalog): void {
  for (const { name, target } of faults) {
    const problem = targetProblem(name, target, catalog);
    if (problem) throw new StartupError(`--fault ${name}:${target}: ${problem}`);
  }
}

function targetProblem(name: ReferenceFaultName, target: string, catalog: Catalog): string | undefined {
  const v9Offers = catalog.offers.filter((o) => o.since === 'v9');
  if (name === 'offer-retention-halved' || name === 'offer-sms-quota-zeroed') {
    const offer = v9Offers.find((o) => o.id === target);
    if (!offer) return `not an offer V9 sells; V9 offers: ${v9Offers.map((o) => o.id).join(', ')}`;
    if (name === 'offer-retention-halved' ? offer.retentionDays < 2 : offer.monthlyQuotas.sms === 0) return 'the fault would change nothing for that offer; pick another';
    return undefined;
  }
  if (name === 'module-renamed') return catalog.modules.some((m) => m.id === target && m.since === 'v9') ? undefined : `not a module V9 has; V9 modules: ${catalog.modules.filter((m) => m.since === 'v9').map((m) => m.id).join(', ')}`;
  if (name === 'white-label-contact-reverts') {
    const direct = directBrand(catalog);
    return catalog.whiteLabels.some((w) => w.id === target && w.id !== direct) ? undefined : `not a white label other than the direct brand ${direct}; white labels: ${catalog.whiteLabels.map((w) => w.id).join(', ')}`;
  }
  if (name === 'partner-loses-offers') return catalog.partners.some((p) => p.id === target) ? undefined : `not a partner; partners: ${catalog.partners.map((p) => p.id).join(', ')}`;
  const column = columnOf(target);
  if (!column) return 'the target must be <V10 table>.<column>, e.g. offers.email_quota';
  if (column.line === undefined) return `the V10 schema has no column ${target}`;
  if (/NOT NULL|PRIMARY KEY/.test(column.line) && !/DEFAULT/.test(column.line)) return `V10 column ${target} has no default and takes no NULL: the migration would fail loudly, not silently`;
  return undefined;
}

/** The direct brand: the white label of the partner of kind direct (the brand faults revert to). */
function directBrand(catalog: Catalog): string {
  const partner = catalog.partners.find((p) => p.kind === 'direct')?.id;
  return catalog.whiteLabels.find((w) => w.partner === partner)?.id ?? '';
}

/** The table's database and its column's DDL line, read from the V10 schema. */
function columnOf(target: string): { database: DatabaseName; table: string; column: string; line: string | undefined } | undefined {
  const [table, column, ...rest] = target.split('.');
  if (!table || !column || rest.length > 0) return undefined;
  for (const [database, ddl] of Object.entries(schemas.v10.ddl) as [DatabaseName, string][]) {
    const body = new RegExp(`CREATE TABLE ${table} \\(\\n([\\s\\S]*?)\\n\\);`).exec(ddl)?.[1];
    if (body !== undefined) return { database, table, column, line: body.split('\n').find((l) => l.trim().startsWith(`${column} `)) };
  }
  return { database: 'accounts', table, column, line: undefined };
}

/** Applies the faults that concern `database`, inside its migration's transaction, once its V10 tables are filled. */
export async function applyReferenceFaults(client: pg.ClientBase, database: DatabaseName, faults: ReferenceFault[], catalog: Catalog): Promise<void> {
  for (const { name, target } of faults) {
    if (name === 'column-not-carried') {
      const column = columnOf(target);
      if (column?.database === database) await client.query(`UPDATE ${column.table} SET ${column.column} = DEFAULT`);
    } else if (database === 'accounts') {
      await client.query(referenceUpdates[name], name === 'white-label-contact-reverts' ? [target, directBrand(catalog)] : [target]);
    }
  }
}

const referenceUpdates: Record<Exclude<ReferenceFaultName, 'column-not-carried'>, string> = {
  'offer-retention-halved': 'UPDATE offers SET retention_days = retention_days / 2 WHERE id = $1',
  'offer-sms-quota-zeroed': 'UPDATE offers SET sms_quota = 0 WHERE id = $1',
  'module-renamed': "UPDATE modules SET name = initcap(replace(id, '-', ' ')) WHERE id = $1",
  'white-label-contact-reverts': 'UPDATE white_labels w SET sms_sender = d.sms_sender, support_phone = d.support_phone FROM white_labels d WHERE w.id = $1 AND d.id = $2',
  'partner-loses-offers': "UPDATE partners SET offers = '{}' WHERE id = $1",
};
