// What a partner may read of a result: the business message, without stack frames, machine paths, internal notes or tags.

import { basename } from 'node:path';

/** Labels that describe the harness, not the partner's scenario: tags (@v9, @exclusif...), the machine, the code package. */
const internalLabels = new Set(['tag', 'host', 'thread', 'package', 'language', 'framework', 'phase']);

/** `    at fn (/home/ci/harness/steps/x.ts:12:5)` and the like. */
const stackFrame = /^\s*at\s.+$/;
/** An absolute path (or file: URL) standing alone in a text; the path of an http URL is not one (it follows its host). */
const absolutePath = /(?<=^|[\s('"=[,<>])(?:file:\/\/)?\/(?:[\w.@+~-]+\/)+([\w.@+~-]+)/g;

/** The text with each absolute path of the machine that ran it reduced to its file name. */
export const withoutPaths = (text: string): string => text.replace(absolutePath, (_path, name: string) => `…/${basename(name)}`);

/** `AssertionError [ERR_ASSERTION]: ` and the like before a message: the code's word for it, not the business's. */
const errorClass = /^\s*(?:[A-Z]\w*)?(?:Error|Exception)(?: \[\w+\])?: /;

/** The text without the error's class name, stack frames, and with each absolute path reduced to its file name. */
export function partnerText(text: string): string {
  return withoutPaths(text.replace(errorClass, '')
    .split('\n')
    .filter((line) => !stackFrame.test(line))
    .join('\n'))
    .trimEnd();
}

interface Details {
  message?: string;
  trace?: string;
}
interface Node {
  statusDetails?: Details;
  steps?: Node[];
  befores?: Node[];
  afters?: Node[];
  labels?: { name: string; value: string }[];
  description?: string;
  descriptionHtml?: string;
}

function details(statusDetails: Details | undefined): Details | undefined {
  if (!statusDetails) return statusDetails;
  const { trace: _trace, ...rest } = statusDetails;
  return rest.message === undefined ? rest : { ...rest, message: partnerText(rest.message) };
}

/** A result or container as a partner sees it: messages cleaned, no trace, no description (internal notes), no internal labels. */
export function partnerNode<T extends Node>(node: T): T {
  const { description: _d, descriptionHtml: _h, ...rest } = node;
  const copy = { ...rest } as T;
  if (node.statusDetails) copy.statusDetails = details(node.statusDetails) as Details;
  if (node.labels) copy.labels = node.labels.filter((l) => !internalLabels.has(l.name));
  for (const key of ['steps', 'befores', 'afters'] as const) {
    const children = node[key];
    if (children) (copy as Node)[key] = children.map((child) => partnerNode(child));
  }
  return copy;
}
