// The one printer of how `run`, `certify` and `merge` ended: what went wrong, the notes, the verdict, where the reports are.

import { pathToFileURL } from 'node:url';

export interface PrintedOutcome {
  /** One line each: a problem, a gate, a partner (indented under the verdict's reasons). */
  details: string[];
  notes: string[];
  /** `[harness] <label>: <VERDICT> (<why>)<tail>`. */
  label: string;
  verdict: string;
  why: string;
  tail?: string;
  /** The files to open, as `[harness] <name>: file://...`; a link without a file prints its fallback. */
  links: { name: string; file: string | undefined; fallback?: string }[];
}

export function printOutcome(outcome: PrintedOutcome, log: (line: string) => void = console.log): void {
  log('');
  for (const line of outcome.details) log(`  ${line}`);
  for (const note of outcome.notes) log(`  note: ${note}`);
  log(`[harness] ${outcome.label}: ${outcome.verdict} (${outcome.why})${outcome.tail ?? ''}`);
  for (const link of outcome.links) {
    if (link.file !== undefined) log(`[harness] ${link.name}: ${pathToFileURL(link.file).href}`);
    else if (link.fallback !== undefined) log(`[harness] ${link.name}: ${link.fallback}`);
  }
}
