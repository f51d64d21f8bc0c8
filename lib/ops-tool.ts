// The one runner of the platform's ops tool (init, generate, backup, migrate, rollback, maintenance): a process, as an ops team runs it, never imported.

import { spawn } from 'node:child_process';

/**
 * The command that runs the platform's ops tool, as the environment descriptor gives it (`opsTool`): the stand-in
 * platform's admin CLI where the harness starts the platform (environments/local.ts). A real platform adapts this.
 */
export interface OpsTool {
  command: string;
  args: string[];
  cwd: string;
}

export interface OpsResult {
  /** The JSON line the tool printed last. */
  answer: Record<string, unknown>;
  durationMs: number;
}

/** Raised when the tool exits non-zero or says nothing parsable: the platform's operation failed. */
export class OpsFailure extends Error {
  override name = 'OpsFailure';
}

/** Runs `tool args...` to its end, within `timeoutMs` (then SIGKILL and an error naming the command). */
export function runOps(tool: OpsTool, args: string[], timeoutMs: number): Promise<OpsResult> {
  const started = performance.now();
  const shown = `${[tool.command, ...tool.args].map((a) => a.split('/').at(-1)).join(' ')} ${args.filter((a) => !a.includes('://')).join(' ')}`;
  return new Promise((resolve, reject) => {
    const child = spawn(tool.command, [...tool.args, ...args], { cwd: tool.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new OpsFailure(`${shown} did not finish within ${timeoutMs} ms; its output: ${stderr.trim() || stdout.trim() || 'none'}`));
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new OpsFailure(`cannot start ${shown}: ${error.message}`));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      const line = stdout.trim().split('\n').at(-1) ?? '';
      if (code !== 0) return reject(new OpsFailure(`${shown} exited with code ${code}: ${stderr.trim() || stdout.trim()}`));
      try {
        resolve({ answer: JSON.parse(line) as Record<string, unknown>, durationMs: Math.round(performance.now() - started) });
      } catch {
        reject(new OpsFailure(`${shown} printed no JSON line: ${JSON.stringify(stdout.slice(-500))}`));
      }
    });
  });
}

/** The flags naming the three databases, as the tooling takes them. */
export function urlFlags(urls: { accounts: string; events: string; media: string }): string[] {
  return ['--accounts-url', urls.accounts, '--events-url', urls.events, '--media-url', urls.media];
}
