// Splits the run's Allure results per partner: each partner's report holds only its own scenarios (its verdict comes from Cucumber's messages).

import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalog } from '../../catalog/index.ts';

interface Attachment {
  name: string;
  source: string;
  type?: string;
}
interface StepLike {
  attachments?: Attachment[];
  steps?: StepLike[];
}
interface LabelledResult extends StepLike {
  labels?: { name: string; value: string }[];
}

function attachmentSources(node: StepLike): string[] {
  return [...(node.attachments ?? []).map((a) => a.source), ...(node.steps ?? []).flatMap(attachmentSources)];
}

/**
 * allure-cucumberjs attaches a Scenario Outline's whole Examples table to each of its results: every
 * brand's row, other partners' included. A partner's copy keeps its own row (the result's parameters) only.
 */
function withoutExamplesTables<T extends StepLike>(node: T): T {
  return {
    ...node,
    ...(node.attachments ? { attachments: node.attachments.filter((a) => !(a.type === 'text/csv' && /^Examples(:|$)/.test(a.name))) } : {}),
    ...(node.steps ? { steps: node.steps.map(withoutExamplesTables) } : {}),
  };
}

export interface PartnerResults {
  partner: string;
  name: string;
  resultsDir: string;
}

/** Copies each partner's results (and their attachments) into `<outDir>/<partner>/allure-results`. */
export function splitResultsByPartner(resultsDir: string, outDir: string, catalog: Catalog): PartnerResults[] {
  const files = existsSync(resultsDir) ? readdirSync(resultsDir).filter((f) => f.endsWith('-result.json')) : [];
  const results = files.map((file) => ({ file, result: JSON.parse(readFileSync(join(resultsDir, file), 'utf8')) as LabelledResult }));
  return catalog.partners.map((partner) => {
    const dir = join(outDir, partner.id, 'allure-results');
    mkdirSync(dir, { recursive: true });
    for (const { file, result } of results) {
      if (!(result.labels ?? []).some((l) => l.name === 'partner' && l.value === partner.id)) continue;
      const own = withoutExamplesTables(result);
      writeFileSync(join(dir, file), JSON.stringify(own));
      for (const source of attachmentSources(own)) if (existsSync(join(resultsDir, source))) copyFileSync(join(resultsDir, source), join(dir, source));
    }
    writeFileSync(join(dir, 'environment.properties'), `partner=${partner.name}\n`);
    return { partner: partner.id, name: partner.name, resultsDir: dir };
  });
}

/** The words that identify a partner in a report: its name and its brands' names, SMS senders and support phones. */
export function partnerMarks(catalog: Catalog, partnerId: string): string[] {
  const partner = catalog.partners.find((p) => p.id === partnerId);
  const labels = catalog.whiteLabels.filter((w) => w.partner === partnerId);
  return [partner?.name ?? partnerId, ...labels.flatMap((w) => [w.brand, w.smsSender, w.supportPhone])];
}

/** Other partners' marks found in a partner's report files (folders are searched whole): each is a leak. */
export function findLeaks(files: string[], catalog: Catalog, partnerId: string): { file: string; mark: string; owner: string }[] {
  const leaks: { file: string; mark: string; owner: string }[] = [];
  const others = catalog.partners.filter((p) => p.id !== partnerId);
  for (const file of files) {
    if (statSync(file).isDirectory()) {
      leaks.push(...findLeaks(readdirSync(file).map((name) => join(file, name)), catalog, partnerId));
      continue;
    }
    const text = readFileSync(file, 'utf8');
    for (const other of others) for (const mark of partnerMarks(catalog, other.id)) if (text.includes(mark)) leaks.push({ file, mark, owner: other.id });
  }
  return leaks;
}
