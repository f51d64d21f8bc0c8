// Where a benchmark's CPU goes: every process on the machine sampled from /proc while the benchmark runs, its CPU time
// (user + system) summed by what it is (the browser, the platform's instances, PostgreSQL, Cucumber's workers, the
// harness, the rest). Linux only: elsewhere the split is empty and says so.

import { readdirSync, readFileSync } from 'node:fs';

export type ProcessClass = 'browser' | 'platform' | 'postgres' | 'cucumber' | 'harness' | 'other';

/** What a process is, from its command line (arguments joined by spaces). */
export function classify(commandLine: string): ProcessClass {
  if (/chrom(e|ium)/i.test(commandLine)) return 'browser';
  if (/sandbox\/server\.ts/.test(commandLine)) return 'platform';
  if (/(^|\/)postgres(:| |$)/.test(commandLine)) return 'postgres';
  if (/cucumber/.test(commandLine)) return 'cucumber';
  if (/harness\/cli\.ts|bench\/\w+\.ts/.test(commandLine)) return 'harness';
  return 'other';
}

/** Clock ticks per second of /proc/<pid>/stat's times (USER_HZ: 100 on every Linux this runs on). */
const ticksPerSecond = 100;

interface Seen { cls: ProcessClass; first: number; last: number }

/** utime + stime of a process in ticks, or undefined when it is gone or unreadable. */
function cpuTicks(pid: string): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces: the fields after it start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return undefined;
  }
}

function commandLine(pid: string): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
  } catch {
    return undefined;
  }
}

export interface CpuSplit {
  /** CPU seconds by process class over the measure (processes seen by at least one sample). */
  seconds: Record<ProcessClass, number>;
  totalSeconds: number;
  wallSeconds: number;
  /** Each class's share of the CPU used, in percent. */
  percent: Record<ProcessClass, number>;
  samples: number;
}

/**
 * Starts sampling every `everyMs`; `stop()` ends it and returns the split. CPU a process spent between its last sample
 * and its exit is not seen, so short-lived processes are under-counted by up to one interval each.
 */
export function sampleCpu(everyMs = 250): { stop: () => CpuSplit } {
  const seen = new Map<string, Seen>();
  let samples = 0;
  const started = performance.now();
  const sample = () => {
    samples += 1;
    let pids: string[];
    try {
      pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
    } catch {
      return;
    }
    for (const pid of pids) {
      const ticks = cpuTicks(pid);
      if (ticks === undefined) continue;
      const known = seen.get(pid);
      if (known) {
        known.last = ticks;
        continue;
      }
      const cmd = commandLine(pid);
      if (cmd === undefined || cmd === '') continue;
      // A process already running at the first sample counts from there; one born later counts from its start.
      seen.set(pid, { cls: classify(cmd), first: samples === 1 ? ticks : 0, last: ticks });
    }
  };
  sample();
  const timer = setInterval(sample, everyMs);
  timer.unref();
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      const seconds: Record<ProcessClass, number> = { browser: 0, platform: 0, postgres: 0, cucumber: 0, harness: 0, other: 0 };
      for (const s of seen.values()) seconds[s.cls] += (s.last - s.first) / ticksPerSecond;
      const totalSeconds = Object.values(seconds).reduce((a, b) => a + b, 0);
      const round = (n: number) => Math.round(n * 10) / 10;
      const percent = Object.fromEntries(Object.entries(seconds).map(([k, v]) => [k, totalSeconds > 0 ? Math.round((v / totalSeconds) * 100) : 0])) as Record<ProcessClass, number>;
      for (const key of Object.keys(seconds) as ProcessClass[]) seconds[key] = round(seconds[key]);
      return { seconds, totalSeconds: round(totalSeconds), wallSeconds: round((performance.now() - started) / 1000), percent, samples };
    },
  };
}
