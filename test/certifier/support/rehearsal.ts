// A migration rehearsal for the certifier tests: generated V9 data on the local server, certifier tuned to locate everything.

import { MigrationRehearsal } from '../../../drivers/certifier/index.ts';
import type { CertifierOptions, MigrationCertificate } from '../../../drivers/certifier/index.ts';
import { localOpsTool } from '../../../environments/index.ts';

export const serverUrl = process.env.SANDBOX_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Enough room to list every differing row of the small scale, so tests can compare sets of keys. */
export const thorough: CertifierOptions = { maxFindings: 100_000, maxLocatedSegments: 1_000, sampleRows: 100 };

/** Small-scale V9 data, backed up (with checksums taken before), ready to migrate. */
export async function backedUpRehearsal(): Promise<MigrationRehearsal> {
  const rehearsal = await MigrationRehearsal.prepare(serverUrl, { scale: 'small', seed: 3, certifier: thorough, tool: localOpsTool });
  await rehearsal.backUp();
  return rehearsal;
}

/** Migrates with `fault`, certifies, then rolls back, so the next case starts from the same V9 again. */
export async function certifyWithFault(rehearsal: MigrationRehearsal, fault: string): Promise<MigrationCertificate> {
  await rehearsal.migrate([fault]);
  try {
    return await rehearsal.certifyMigration();
  } finally {
    await rehearsal.rollback();
  }
}
