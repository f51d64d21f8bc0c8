// The project's own lint: import boundaries between layers, purpose comments, no sleeps, no focused tests.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const root = resolve(import.meta.dirname, '..');

/** Which top-level folders each layer may import (DESIGN.md). Tests may import anything. */
const allowed: Record<string, string[]> = {
  lib: [],
  catalog: ['lib'],
  sandbox: ['catalog', 'lib'],
  simulators: ['catalog', 'lib'],
  drivers: ['catalog', 'lib'],
  environments: ['catalog', 'lib', 'simulators'],
  steps: ['catalog', 'lib', 'drivers', 'simulators', 'environments'],
  harness: ['catalog', 'lib', 'environments', 'drivers', 'simulators'],
};

const sleepPatterns = [/waitForTimeout\(/, /new Promise\(\s*\(?\s*r(es(olve)?)?\s*\)?\s*=>\s*setTimeout/];

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else out.push(path);
  }
  return out;
}

export interface LintProblem {
  file: string;
  line: number;
  rule: string;
  message: string;
}

/** Lints one file's text; `file` is relative to the project root. */
export function lintSource(file: string, text: string): LintProblem[] {
  const problems: LintProblem[] = [];
  const layer = file.split(/[\\/]/)[0] ?? '';
  const lines = text.split('\n');
  if (file.endsWith('.ts') && !/^\/\/ \S/.test(lines[0] ?? '')) problems.push({ file, line: 1, rule: 'purpose-comment', message: 'start the file with a one-line purpose comment (// ...)' });
  lines.forEach((content, index) => {
    const line = index + 1;
    const spec = /(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/.exec(content)?.[1];
    if (spec !== undefined && layer in allowed) {
      const target = relative(root, resolve(root, dirname(file), spec)).split(sep);
      const targetLayer = target[0] ?? '';
      if (targetLayer !== layer && !(allowed[layer] ?? []).includes(targetLayer)) {
        problems.push({ file, line, rule: 'layer-boundary', message: `${layer}/ may not import ${targetLayer}/ (allowed: ${(allowed[layer] ?? []).join(', ') || 'nothing'})` });
      } else if (targetLayer !== layer && target.length > 1 && target.at(-1) !== 'index.ts' && targetLayer !== 'lib') {
        problems.push({ file, line, rule: 'folder-surface', message: `import ${targetLayer}/ through its index.ts, not ${target.join('/')}` });
      }
    }
    if (['steps', 'drivers', 'simulators', 'features'].includes(layer) && sleepPatterns.some((p) => p.test(content))) {
      problems.push({ file, line, rule: 'no-sleep', message: 'wait for a condition with a deadline (lib/wait.ts), never a fixed sleep' });
    }
    if (/\.only\(|(^|\s)@only\b/.test(content) && (layer === 'test' || layer === 'features' || layer === 'steps')) {
      problems.push({ file, line, rule: 'no-focus', message: 'a focused test hides the rest of the suite' });
    }
  });
  return problems;
}

export function lintProject(): LintProblem[] {
  const folders = [...Object.keys(allowed), 'test', 'features'];
  const files = folders.flatMap((folder) => {
    try {
      return walk(join(root, folder));
    } catch {
      return [];
    }
  });
  return files.filter((f) => /\.(ts|feature)$/.test(f)).flatMap((f) => lintSource(relative(root, f), readFileSync(f, 'utf8')));
}

if (import.meta.main) {
  const problems = lintProject();
  for (const p of problems) console.error(`${p.file}:${p.line}: ${p.rule}: ${p.message}`);
  console.log(problems.length === 0 ? 'lint: no problems' : `lint: ${problems.length} problem(s)`);
  process.exitCode = problems.length === 0 ? 0 : 1;
}
