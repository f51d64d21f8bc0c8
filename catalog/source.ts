// Reads one catalog file into a YAML document that remembers the line of every node.

import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument } from 'yaml';
import type { Node } from 'yaml';
import type { CatalogIssue } from './errors.ts';

export interface Source {
  file: string;
  // The document's root node; null for an empty file.
  root: unknown;
  // 1-based line where a node starts; `fallback` when the node has no position.
  lineOf(node: unknown, fallback?: number): number;
}

// Parses `file`; on unreadable file or YAML syntax errors, adds issues and returns undefined.
export function readSource(file: string, issues: CatalogIssue[]): Source | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    issues.push({ file, message: `cannot read the file (${code}); every catalog file must exist, even as an empty list "[]"` });
    return undefined;
  }
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: true });
  for (const error of doc.errors) {
    const line = error.linePos?.[0].line ?? counter.linePos(error.pos[0]).line;
    issues.push({ file, line, message: `YAML syntax error: ${firstSentence(error.message)} (${error.code})` });
  }
  if (doc.errors.length > 0) return undefined;
  return {
    file,
    root: doc.contents,
    lineOf: (node, fallback = 1) => {
      const offset = (node as Node | null | undefined)?.range?.[0];
      return offset === undefined ? fallback : counter.linePos(offset).line;
    },
  };
}

// The parser appends " at line L, column C:" and a code excerpt; the issue carries the line already.
function firstSentence(message: string): string {
  return message.replace(/ at line \d+, column \d+:[\s\S]*$/, '').trim();
}
