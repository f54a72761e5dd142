/**
 * `npm run bench`: runs every module in scripts/bench/*.bench.ts and writes docs/BENCHMARKS.md and
 * docs/benchmarks.json. Figures are min/median/max over the repetitions; where a raw baseline was
 * measured in the same run, the ratio of the medians is the number to compare across machines.
 * `npm run bench -- sync` runs only the modules whose file name contains "sync".
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BenchMeasurement, BenchModule } from './bench/support/types';
import { median } from './bench/support/median';

const root = resolve(import.meta.dirname, '..');
const filter = process.argv[2];

function round(value: number): number {
  return Math.abs(value) >= 100 ? Math.round(value) : Math.round(value * 1000) / 1000;
}

const benchEntrySchema = z.object({
  value: z.number(),
  unit: z.string(),
  baseline: z.number().optional(),
  ratio: z.number().optional(),
  min: z.number(),
  max: z.number(),
  runs: z.number(),
  target: z.string().optional(),
  note: z.string().optional(),
  measuredOn: z.string().optional(),
  machine: z.string().optional(),
});
const benchFileSchema = z.record(z.string(), benchEntrySchema);
type BenchFile = z.infer<typeof benchFileSchema>;

interface Row {
  module: string;
  m: BenchMeasurement;
  value: number;
  min: number;
  max: number;
  baseline?: number;
  ratio?: number;
}

async function main(): Promise<void> {
  const dir = join(root, 'scripts/bench');
  const files = readdirSync(dir).filter((f) => f.endsWith('.bench.ts') && (!filter || f.includes(filter))).sort();
  const rows: Row[] = [];
  for (const file of files) {
    console.log(`bench: ${file}`);
    const mod = (await import(pathToFileURL(join(dir, file)).href)) as BenchModule;
    for (const m of await mod.run()) {
      const value = median(m.samples);
      const baseline = m.baseline && m.baseline.length > 0 ? median(m.baseline) : undefined;
      const ratio = baseline === undefined || baseline === 0 || value === 0 ? undefined : m.ratio === 'baseline/value' ? baseline / value : value / baseline;
      rows.push({ module: file, m, value, min: Math.min(...m.samples), max: Math.max(...m.samples), baseline, ratio });
      console.log(`  ${m.metric} = ${round(value)} ${m.unit}${ratio === undefined ? '' : ` (ratio ${round(ratio)})`}`);
    }
  }
  // A run of some modules updates their metrics and keeps the others' last figures (each with the
  // date and machine it was measured on), so one slow module need not be rerun to refresh another.
  const jsonPath = join(root, 'docs/benchmarks.json');
  const previous = benchFileSchema.safeParse(existsSync(jsonPath) ? JSON.parse(readFileSync(jsonPath, 'utf8')) : {});
  const json: BenchFile = previous.success ? previous.data : {};
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.platform}`;
  const today = new Date().toISOString().slice(0, 10);
  for (const r of rows) {
    json[r.m.metric] = {
      value: round(r.value),
      unit: r.m.unit,
      ...(r.baseline === undefined ? {} : { baseline: round(r.baseline) }),
      ...(r.ratio === undefined ? {} : { ratio: round(r.ratio) }),
      min: round(r.min),
      max: round(r.max),
      runs: r.m.samples.length,
      ...(r.m.target ? { target: r.m.target } : {}),
      ...(r.m.note ? { note: r.m.note } : {}),
      measuredOn: today,
      machine,
    };
  }
  const show = (value: number | undefined) => (value === undefined ? '' : String(value));
  const lines = [
    '# Benchmarks',
    '',
    `Written by \`npm run bench\` (last run ${today}). Each figure is the median of repeated runs (min–max beside it). A ratio compares it with a raw baseline measured in the same run on the same machine, which is the figure to compare between machines. Each row says when and on what machine it was measured.`,
    '',
    '| metric | median | min – max | unit | baseline | ratio | target | measured | note |',
    '|---|---|---|---|---|---|---|---|---|',
    ...Object.entries(json)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([metric, e]) => `| \`${metric}\` | ${e.value} | ${e.min} – ${e.max} | ${e.unit} | ${show(e.baseline)} | ${show(e.ratio)} | ${e.target ?? ''} | ${e.measuredOn ?? ''}${e.machine ? `, ${e.machine}` : ''} | ${e.note ?? ''} |`),
    '',
  ];
  // The table is rewritten; the notes people wrote under it (how to read a figure) are kept.
  const mdPath = join(root, 'docs/BENCHMARKS.md');
  const previousMd = existsSync(mdPath) ? readFileSync(mdPath, 'utf8') : '';
  const notesAt = previousMd.indexOf('\n## Notes');
  if (notesAt >= 0) lines.push(previousMd.slice(notesAt + 1).trimEnd(), '');
  writeFileSync(mdPath, lines.join('\n'));
  writeFileSync(jsonPath, JSON.stringify(json, null, 2) + '\n');
  console.log('wrote docs/BENCHMARKS.md and docs/benchmarks.json');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
