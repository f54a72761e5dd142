import type { BenchMeasurement } from '../support/types';
import type { SaveFigures } from './measureSaves';
import type { SearchFigures } from './measureSearches';
import { DOCS_PER_CASE } from './seedCases';

export interface IntakeFigures {
  cases: number;
  sealSeconds: number;
  tti: number[];
  keystroke: number[];
  saves: SaveFigures;
  searches: SearchFigures;
  heapMb: number;
}

/** The intake bench's rows for docs/BENCHMARKS.md, each with what it measures from and to. */
export function intakeRows(f: IntakeFigures): BenchMeasurement[] {
  const { save, raw } = f.saves;
  const note = `${f.cases} cases, ${f.cases * DOCS_PER_CASE} document records, persistent Chromium profile`;
  return [
    { metric: 'intake.save.p95_ms', unit: 'ms', samples: save, baseline: raw, target: '≤ 50', note: `Alt+S → saved banner painted; baseline: raw IndexedDB put of the same record; ${note}` },
    { metric: 'intake.save.ratio', unit: '×', samples: save.map((s, i) => s / (raw[i] ?? s)), note: 'save p95 ÷ raw put p95, per repetition' },
    { metric: 'intake.keystroke.p95_ms', unit: 'ms', samples: f.keystroke, note: 'keydown → frame after the input rendered' },
    { metric: 'intake.search.p95_ms', unit: 'ms', samples: f.searches.search, target: '≤ 50', note: 'input → first rows painted (a broad filter is counted after, see intake.search.count_ms): case no., ID, phone, full name, status filters' },
    { metric: 'intake.search.count_ms', unit: 'ms', samples: f.searches.counted, note: 'input → exact count shown for a broad filter (received, closed, all statuses), after its first rows' },
    {
      metric: 'intake.tti_ms',
      unit: 'ms',
      samples: f.tti,
      target: '≤ 1500',
      note: 'navigation start → intake form ready (session, draft, usage loaded), including the unlock with the password the browser host asks for after a reload (typed by the bench at once; in Electron with an OS key store there is no lock screen)',
    },
    { metric: 'intake.seal_existing_s', unit: 's', samples: [f.sealSeconds], note: `sign-in → every one of the ${f.cases} plain cases written before encryption sealed (once per device, in the background)` },
    { metric: 'intake.heap_mb', unit: 'MB', samples: [f.heapMb], target: '≤ 300', note: 'renderer JS heap after the run and a forced GC' },
  ];
}
