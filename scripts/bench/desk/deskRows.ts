import { cpus, loadavg } from 'node:os';
import type { BenchMeasurement } from '../support/types';

export interface DeskFigures {
  /** What was seeded, in words. */
  counts: string;
  /** Per repetition: the p95 of the filter changes and of their raw reads. */
  list: { value: number[]; raw: number[] };
  /** Per repetition: the p95 of the steps and of their raw puts. */
  step: { value: number[]; raw: number[] };
}

/** The desk bench's rows for docs/BENCHMARKS.md, each with what it measures from and to. */
export function deskRows(f: DeskFigures): BenchMeasurement[] {
  // The machine may be shared: its load during the run is part of what the figure means.
  const load = `load average ${loadavg()[0]?.toFixed(1) ?? '?'} on ${cpus().length} cores at the end of the run`;
  const note = `${f.counts}, persistent Chromium profile, encrypted at rest; ${load}`;
  return [
    {
      metric: 'desk.list.p95_ms',
      unit: 'ms',
      samples: f.list.value,
      baseline: f.list.raw,
      target: '≤ 50',
      note: `status or service filter changed → both desk lists answered and painted; baseline: raw IndexedDB getAll of the same first 50 rows of every list's range; ${note}`,
    },
    {
      metric: 'desk.action.p95_ms',
      unit: 'ms',
      samples: f.step.value,
      baseline: f.step.raw,
      target: '≤ 50',
      note: `Enter on 開始審核 or 送核 → the step stored, queued and painted in the case's panel (offline: the push is not counted); baseline: raw IndexedDB put of the same sealed record; ${note}`,
    },
  ];
}
