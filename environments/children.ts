// Child processes of a run: spawned with a readiness deadline, registered so a crashed run's orphans are reaped.

import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EnvironmentError } from '../lib/errors.ts';
import { alive } from '../lib/process-holds.ts';

/** Where each run records the processes and folders it owns. */
export const registryDir = join(tmpdir(), 'kw-harness', 'runs');

export interface RunRecord {
  ownerPid: number;
  pids: number[];
  dirs: string[];
}

export class RunRegistry {
  readonly file: string;
  readonly record: RunRecord = { ownerPid: process.pid, pids: [], dirs: [] };
  constructor(runId: string) {
    mkdirSync(registryDir, { recursive: true });
    this.file = join(registryDir, `${runId}.json`);
    this.save();
  }
  addPid(pid: number | undefined): void {
    if (pid !== undefined) this.record.pids.push(pid);
    this.save();
  }
  addDir(dir: string): void {
    this.record.dirs.push(dir);
    this.save();
  }
  private save(): void {
    writeFileSync(this.file, JSON.stringify(this.record));
  }
  remove(): void {
    rmSync(this.file, { force: true });
  }
}

/** Kills what runs whose orchestrator died (a crash, a SIGKILL) left behind. Returns how many runs it reaped. */
export function reapOrphans(): number {
  if (!existsSync(registryDir)) return 0;
  let reaped = 0;
  for (const name of readdirSync(registryDir)) {
    const file = join(registryDir, name);
    let record: RunRecord;
    try {
      record = JSON.parse(readFileSync(file, 'utf8')) as RunRecord;
    } catch {
      rmSync(file, { force: true });
      continue;
    }
    if (alive(record.ownerPid)) continue;
    for (const pid of record.pids) if (alive(pid)) process.kill(pid, 'SIGKILL');
    for (const dir of record.dirs) rmSync(dir, { recursive: true, force: true });
    rmSync(file, { force: true });
    reaped++;
  }
  return reaped;
}

export interface SpawnedChild {
  child: ChildProcess;
  /** The JSON payload of the child's ready line. */
  ready: Record<string, unknown>;
  stderrTail(): string;
}

/**
 * Spawns `node <script> ...args` and waits for a line `<marker> {json}` on stdout.
 * stdin stays an open pipe: the child exits when it closes, so the child dies with us.
 */
export async function spawnUntilReady(script: string, args: string[], options: { marker: string; timeoutMs: number; logFile: string; label: string }): Promise<SpawnedChild> {
  const child = spawn(process.execPath, [script, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  const log = createWriteStream(options.logFile, { flags: 'a' });
  let tail = '';
  child.stderr.on('data', (chunk: Buffer) => {
    log.write(chunk);
    tail = (tail + chunk.toString()).slice(-2000);
  });
  child.on('exit', () => log.end());
  const stderrTail = () => tail.trim();
  const ready = await new Promise<Record<string, unknown>>((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new EnvironmentError(`${options.label} did not report ready within ${options.timeoutMs} ms. Last output: ${stderrTail() || '(none)'} (log: ${options.logFile})`));
    }, options.timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      log.write(chunk);
      buffer += chunk.toString();
      const line = buffer.split('\n').find((l) => l.startsWith(options.marker));
      if (line === undefined) return;
      clearTimeout(timer);
      resolve(JSON.parse(line.slice(options.marker.length).trim()) as Record<string, unknown>);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new EnvironmentError(`${options.label} exited before it was ready (code ${code}, signal ${signal}): ${stderrTail() || '(no output)'} (log: ${options.logFile})`));
    });
  });
  return { child, ready, stderrTail };
}

/** Stops a child: SIGTERM, then SIGKILL after a grace period. */
export async function stopChild(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}
