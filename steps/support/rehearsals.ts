// The migration rehearsal of a @migration or @rollback scenario: its own databases, its certificates, and what the
// scenario leaves in the report when it ends (the certificate section), then its databases dropped.

import type { MigrationCertificate, MigrationRehearsal, RollbackCertificate } from '../../drivers/certifier/index.ts';
import { certificateSection } from '../../drivers/certifier/index.ts';
import type { HarnessWorld } from './world.ts';

/** One rehearsal per scenario, on its own databases; certificates are computed once, when a step first needs them. */
interface Rehearsal {
  platform: MigrationRehearsal;
  migration?: Promise<MigrationCertificate>;
  rollback?: Promise<RollbackCertificate>;
}

export const rehearsals = new WeakMap<HarnessWorld, Rehearsal>();

export function rehearsal(world: HarnessWorld): Rehearsal {
  const found = rehearsals.get(world);
  if (!found) throw new Error('the scenario has no V9 platform yet: start it with "Étant donné la base V9 sauvegardée"');
  return found;
}

export const migration = (world: HarnessWorld): Promise<MigrationCertificate> => {
  const r = rehearsal(world);
  return (r.migration ??= r.platform.certifyMigration());
};
export const rollback = (world: HarnessWorld): Promise<RollbackCertificate> => {
  const r = rehearsal(world);
  return (r.rollback ??= r.platform.certifyRollback());
};

/** Attaches the scenario's certificate section (HTML and JSON) and drops its databases; nothing when it made none. */
export async function closeRehearsal(world: HarnessWorld): Promise<void> {
  const r = rehearsals.get(world);
  if (!r) return;
  rehearsals.delete(world);
  try {
    const [m, b] = await Promise.all([r.migration?.catch(() => undefined), r.rollback?.catch(() => undefined)]);
    const section = certificateSection({ migration: m, rollback: b, timeline: r.platform.timeline() });
    world.attach(section.html, 'text/html');
    world.attach(JSON.stringify(section.json), 'application/json');
  } finally {
    await r.platform.drop();
  }
}
