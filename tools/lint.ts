// The project's own lint: import boundaries between layers, no import cycles, index files that export only what other folders use, purpose comments, no sleeps, no focused tests.

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
  // Benchmarks drive the harness like a user would; like it, they never reach into the stand-in platform or the steps.
  bench: ['catalog', 'lib', 'environments', 'drivers', 'simulators', 'harness'],
  // Developer tooling (lint, baselines, Examples sync) drives the harness's parts like a benchmark does.
  tools: ['catalog', 'lib', 'environments', 'drivers', 'simulators', 'harness'],
};

/** Layers whose imports of other folders go through any file (tools, not parts of the product's layering). */
const anySurface = new Set(['bench', 'tools']);

/**
 * Per-folder rules inside a layer, as Playwright's DEPS.list: besides its own folder (and the folders below it), what
 * of its own layer a folder's files may import, as folders or files; the deepest folder listed decides; one not listed is free.
 */
export const folderDeps: Record<string, string[]> = {
  // Report plumbing (results, certificate, coverage, history, the printed outcome) renders what a plan produced and keeps
  // the scenario durations it measured: it never runs a plan, a command or the preflight.
  'harness/reports': ['harness/coverage', 'harness/plan/gates.ts', 'harness/plan/runner.ts', 'harness/plan/shards.ts', 'harness/plan/types.ts', 'harness/verdict.ts'],
  'harness/detection': ['harness/reports'],
  'harness/mutation': ['harness/reports'],
  'harness/coverage': [],
  'harness/examples': [],
  'harness/preflight': ['harness/args.ts', 'harness/certify-args.ts', 'harness/guard.ts', 'harness/plan', 'harness/scenarios.ts', 'harness/suite-paths.ts'],
  // An environment kind uses the environments' shared modules, never another kind or the registry.
  'environments/kinds': ['environments/containers.ts', 'environments/local.ts', 'environments/remote.ts', 'environments/rules.ts', 'environments/types.ts'],
};

/** Folders only the listed files may import: the environment kinds are reached through the registry alone. */
export const reachedOnlyFrom: Record<string, string[]> = {
  'environments/kinds': ['environments/registry.ts'],
  // A command is reached through the CLI's table, never imported by another part of the harness.
  'harness/commands': ['harness/cli.ts'],
};

const within = (path: string, folder: string): boolean => path === folder || path.startsWith(`${folder}/`);

/** The per-folder problem of `file` importing `target` (both relative to the root, with /), or undefined. */
export function folderProblem(file: string, target: string): string | undefined {
  const folder = file.split('/').slice(0, -1).join('/');
  const guarded = Object.keys(reachedOnlyFrom).find((f) => within(target, f) && !within(file, f));
  if (guarded && !(reachedOnlyFrom[guarded] ?? []).includes(file)) return `${guarded}/ is imported only by ${(reachedOnlyFrom[guarded] ?? []).join(', ')}`;
  const rule = Object.keys(folderDeps).filter((f) => within(folder, f)).sort((a, b) => b.length - a.length)[0];
  if (rule === undefined || within(target, rule) || target.split('/')[0] !== rule.split('/')[0]) return undefined;
  const deps = folderDeps[rule] ?? [];
  if (deps.some((dep) => within(target, dep))) return undefined;
  return `${rule}/ may not import ${target} (its rule in tools/lint.ts folderDeps allows ${deps.join(', ') || 'nothing else of its layer'})`;
}

/** Relative module specifiers of a file's static and dynamic imports and re-exports, type-only ones included. */
export function importsOf(text: string): string[] {
  return [...text.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => m[1]!);
}

/**
 * The import cycles among `files` (paths relative to the root, with their text): each strongly connected component
 * of more than one file, or a file importing itself, as its files sorted. A cycle is a type or a function in the
 * wrong file: a module that two others need belongs below both.
 */
export function importCycles(files: Map<string, string>): string[][] {
  const edges = new Map<string, string[]>();
  for (const [file, text] of files) {
    edges.set(file, importsOf(text).map((spec) => relative(root, resolve(root, dirname(file), spec)).split(sep).join('/')).filter((t) => files.has(t)));
  }
  // Tarjan's strongly connected components, iteratively (no recursion limit on long chains).
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  let next = 0;
  for (const start of edges.keys()) {
    if (index.has(start)) continue;
    const work: { node: string; i: number }[] = [{ node: start, i: 0 }];
    index.set(start, next); low.set(start, next); next += 1; stack.push(start); onStack.add(start);
    while (work.length > 0) {
      const frame = work.at(-1)!;
      const targets = edges.get(frame.node) ?? [];
      if (frame.i < targets.length) {
        const target = targets[frame.i]!;
        frame.i += 1;
        if (!index.has(target)) {
          index.set(target, next); low.set(target, next); next += 1; stack.push(target); onStack.add(target);
          work.push({ node: target, i: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(target)!));
        }
        continue;
      }
      work.pop();
      const parent = work.at(-1);
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        if (component.length > 1 || (edges.get(frame.node) ?? []).includes(frame.node)) cycles.push(component.sort());
      }
    }
  }
  return cycles.sort((a, b) => a[0]!.localeCompare(b[0]!));
}

/** The names an index.ts exports by name (re-exports and declarations; `export *` names nothing checkable). */
export function exportedNames(text: string): { name: string; line: number }[] {
  const names: { name: string; line: number }[] = [];
  const lineAt = (offset: number): number => text.slice(0, offset).split('\n').length;
  for (const m of text.matchAll(/export\s+(?:type\s+)?\{([^}]*)\}/g)) {
    for (const part of m[1]!.split(',')) {
      const name = part.trim().replace(/^type\s+/, '').split(/\s+as\s+/).at(-1)?.trim();
      if (name) names.push({ name, line: lineAt(m.index! + m[0].indexOf(part.trim())) });
    }
  }
  for (const m of text.matchAll(/export\s+(?:declare\s+)?(?:async\s+)?(?:function\*?|const|let|class|interface|type|abstract\s+class)\s+([A-Za-z_$][\w$]*)/g)) {
    names.push({ name: m[1]!, line: lineAt(m.index!) });
  }
  return names;
}

/**
 * A folder's index.ts is its surface for the other folders: each name it exports must be imported by some file
 * outside the folder (tests, benchmarks and tools count), else it widens the surface for nobody. Imports of the whole
 * module (`import * as`, a dynamic `import()`) count as using every name.
 */
export function unusedIndexExports(files: Map<string, string>): LintProblem[] {
  const problems: LintProblem[] = [];
  const indexes = [...files.keys()].filter((f) => /^[^/]+\/index\.ts$/.test(f));
  for (const index of indexes) {
    const folder = index.split('/')[0]!;
    const used = new Set<string>();
    let wholeModule = false;
    for (const [file, text] of files) {
      if (within(file, folder) || !file.endsWith('.ts')) continue;
      const target = (spec: string): string => relative(root, resolve(root, dirname(file), spec)).split(sep).join('/');
      for (const m of text.matchAll(/(?:import|export)\s+(?:type\s+)?\{([^}]*)\}\s*from\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
        if (target(m[2]!) !== index) continue;
        for (const part of m[1]!.split(',')) {
          const name = part.trim().replace(/^type\s+/, '').split(/\s+as\s+/)[0]?.trim();
          if (name) used.add(name);
        }
      }
      for (const m of text.matchAll(/(?:import\s*\*\s*as\s+\w+\s+from|export\s*\*\s*from|import\s*\()\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
        if (target(m[1]!) === index) wholeModule = true;
      }
    }
    if (wholeModule) continue;
    for (const { name, line } of exportedNames(files.get(index)!)) {
      if (!used.has(name)) problems.push({ file: index, line, rule: 'index-surface', message: `${name} is exported for other folders but none imports it: drop it from ${index} (files of ${folder}/ import it from its own file)` });
    }
  }
  return problems;
}

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
      } else if (targetLayer !== layer && target.length > 1 && target.at(-1) !== 'index.ts' && targetLayer !== 'lib' && !anySurface.has(layer)) {
        problems.push({ file, line, rule: 'folder-surface', message: `import ${targetLayer}/ through its index.ts, not ${target.join('/')}` });
      } else {
        const problem = folderProblem(file.split(sep).join('/'), target.join('/'));
        if (problem) problems.push({ file, line, rule: 'folder-deps', message: problem });
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
  const texts = new Map(files.filter((f) => /\.(ts|feature)$/.test(f)).map((f) => [relative(root, f).split(sep).join('/'), readFileSync(f, 'utf8')]));
  const problems = [...texts].flatMap(([file, text]) => lintSource(file, text));
  const sources = new Map([...texts].filter(([file]) => file.endsWith('.ts')));
  problems.push(...unusedIndexExports(sources));
  for (const cycle of importCycles(sources)) {
    problems.push({ file: cycle[0]!, line: 1, rule: 'import-cycle', message: `these files import one another in a cycle: ${cycle.join(', ')}; move what they share into a module below them` });
  }
  return problems;
}

if (import.meta.main) {
  const problems = lintProject();
  for (const p of problems) console.error(`${p.file}:${p.line}: ${p.rule}: ${p.message}`);
  console.log(problems.length === 0 ? 'lint: no problems' : `lint: ${problems.length} problem(s)`);
  process.exitCode = problems.length === 0 ? 0 : 1;
}
