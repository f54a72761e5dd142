/** BENCH_CPU=1: the CPU time each process of the sync bench spends, read from /proc between the device page's marks. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** The pids whose command line matches `pattern` (pgrep -f). */
export function pgrepAll(pattern: string): number[] {
  try {
    return execFileSync('pgrep', ['-f', pattern], { encoding: 'utf8' }).split('\n').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** The pids of the Chromium started with `profileDir` whose command line contains `type` (e.g. `--type=renderer`). */
export function chromiumPids(profileDir: string, type: string): number[] {
  return pgrepAll(`user-data-dir=${profileDir}`).filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(type);
    } catch {
      return false;
    }
  });
}

export interface CpuMeter {
  /** Prints each group's CPU time since the last mark, and starts the next phase. */
  mark: (phase: string) => void;
}

/** CPU time (user + system, ms) of each group of processes, printed between the page's marks. */
export function cpuMeter(groups: Record<string, () => number[]>): CpuMeter {
  const ticksOf = (pid: number) => {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      return Number(fields[11]) + Number(fields[12]);
    } catch {
      return 0;
    }
  };
  const read = () => Object.fromEntries(Object.entries(groups).map(([name, pids]) => [name, pids().reduce((sum, pid) => sum + ticksOf(pid), 0) * (1000 / 100)]));
  let last: { phase: string; at: number; cpu: Record<string, number> } | undefined;
  return {
    mark(phase) {
      const now = { phase, at: performance.now(), cpu: read() };
      if (last) console.log(`  CPU during ${last.phase} (${Math.round(now.at - last.at)} ms): ${Object.keys(groups).map((name) => `${name} ${Math.round((now.cpu[name] ?? 0) - (last?.cpu[name] ?? 0))} ms`).join(', ')}`);
      last = now;
    },
  };
}
