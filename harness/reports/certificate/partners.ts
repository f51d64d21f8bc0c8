// Splits the run's Allure results per partner: each partner's report holds only its own scenarios and their evidence (its verdict comes from Cucumber's messages).

import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalog } from '../../../catalog/index.ts';
import { categoriesFor } from './categories.ts';
import { readZip, writeZip } from '../../../lib/zip.ts';
import { partnerNode, partnerText, withoutPaths } from './partner-text.ts';

interface Attachment {
  name: string;
  source: string;
  type?: string;
}
interface StepLike {
  attachments?: Attachment[];
  steps?: StepLike[];
  befores?: StepLike[];
  afters?: StepLike[];
}
interface LabelledResult extends StepLike {
  uuid?: string;
  labels?: { name: string; value: string }[];
}
interface Container extends StepLike {
  children?: string[];
}

function attachments(node: StepLike): Attachment[] {
  return [...(node.attachments ?? []), ...[...(node.steps ?? []), ...(node.befores ?? []), ...(node.afters ?? [])].flatMap(attachments)];
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

function readJson<T>(dir: string, suffix: string): { file: string; value: T }[] {
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(suffix)) : [];
  return files.map((file) => ({ file, value: JSON.parse(readFileSync(join(dir, file), 'utf8')) as T }));
}

/** A Playwright trace's events and stacks, with the machine's paths reduced to file names (its screenshots and resources as they are). */
function traceWithoutPaths(bytes: Buffer): Buffer {
  try {
    return writeZip(readZip(bytes).map((e) => (/\.(trace|network|stacks|json)$/.test(e.name) ? { name: e.name, data: Buffer.from(withoutPaths(e.data.toString('utf8'))) } : e)));
  } catch {
    return bytes; // Not a zip this reader knows: copied as it is.
  }
}

/** Copies an attachment; a text one is cleaned of stack frames and machine paths like the messages, a trace of machine paths. */
function copyAttachment(from: string, to: string, attachment: Attachment): void {
  if (!existsSync(from)) return;
  if (attachment.type?.startsWith('text/') && attachment.type !== 'text/csv') writeFileSync(to, partnerText(readFileSync(from, 'utf8')));
  else if (attachment.type === 'application/zip') writeFileSync(to, traceWithoutPaths(readFileSync(from)));
  else copyFileSync(from, to);
}

/**
 * Copies each partner's results into `<outDir>/<partner>/allure-results`, as a partner may read them
 * (partner-text.ts): the results, the containers of their hooks (where the failure's screenshot, console
 * errors, trace and stub journal are attached), every attachment, French categories, the partner's name.
 */
export function splitResultsByPartner(resultsDir: string, outDir: string, catalog: Catalog, runId?: string): PartnerResults[] {
  const results = readJson<LabelledResult>(resultsDir, '-result.json');
  const containers = readJson<Container>(resultsDir, '-container.json');
  return catalog.partners.map((partner) => {
    const dir = join(outDir, partner.id, 'allure-results');
    mkdirSync(dir, { recursive: true });
    const own = new Set<string>();
    const copy = (file: string, node: StepLike) => {
      writeFileSync(join(dir, file), JSON.stringify(node));
      for (const attachment of attachments(node)) copyAttachment(join(resultsDir, attachment.source), join(dir, attachment.source), attachment);
    };
    for (const { file, value: result } of results) {
      if (!(result.labels ?? []).some((l) => l.name === 'partner' && l.value === partner.id)) continue;
      if (result.uuid) own.add(result.uuid);
      const named = { ...result, labels: (result.labels ?? []).map((l) => (l.name === 'parentSuite' && l.value === partner.id ? { name: l.name, value: partner.name } : l)) };
      copy(file, partnerNode(withoutExamplesTables(named)));
    }
    for (const { file, value: container } of containers) {
      const children = (container.children ?? []).filter((uuid) => own.has(uuid));
      if (children.length > 0) copy(file, partnerNode({ ...container, children }));
    }
    writeFileSync(join(dir, 'categories.json'), JSON.stringify(categoriesFor('fr'), null, 2));
    writeFileSync(join(dir, 'environment.properties'), `Partenaire=${partner.name}\n`);
    writeFileSync(join(dir, 'executor.json'), JSON.stringify({ type: 'harness', name: 'Banc de certification V10', ...(runId ? { buildName: runId } : {}), reportName: partnerReportTitle(partner.name) }, null, 2));
    return { partner: partner.id, name: partner.name, resultsDir: dir };
  });
}

/** The title of a partner's report (its page title and its Overview's name). */
export const partnerReportTitle = (name: string): string => `Certification V10 — ${name}`;

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
