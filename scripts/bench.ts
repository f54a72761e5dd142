/**
 * `npm run bench`: runs every module in scripts/bench/*.bench.ts and writes docs/BENCHMARKS.md and
 * docs/benchmarks.json. Figures are min/median/max over the repetitions; where a raw baseline was
 * measured in the same run, the ratio of the medians is the number to compare across machines.
 * `npm run bench -- sync` runs only the modules whose file name contains "sync".
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BenchMeasurement, BenchModule } from './bench/types';

const root = resolve(import.meta.dirname, '..');
const filter = process.argv[2];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function round(value: number): number {
  return Math.abs(value) >= 100 ? Math.round(value) : Math.round(value * 1000) / 1000;
}

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
  const json: Record<string, { value: number; unit: string; baseline?: number; ratio?: number; min: number; max: number; runs: number; target?: string }> = {};
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
    };
  }
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.platform}`;
  const lines = [
    '# Benchmarks',
    '',
    `Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}. Machine: ${machine}.`,
    '',
    'Each figure is the median of repeated runs (min–max beside it). A ratio compares it with a raw baseline measured in the same run on the same machine, which is the figure to compare between machines.',
    '',
    '| metric | median | min – max | unit | baseline | ratio | target | note |',
    '|---|---|---|---|---|---|---|---|',
    ...rows.map((r) => `| \`${r.m.metric}\` | ${round(r.value)} | ${round(r.min)} – ${round(r.max)} | ${r.m.unit} | ${r.baseline === undefined ? '' : round(r.baseline)} | ${r.ratio === undefined ? '' : round(r.ratio)} | ${r.m.target ?? ''} | ${r.m.note ?? ''} |`),
    '',
  ];
  writeFileSync(join(root, 'docs/BENCHMARKS.md'), lines.join('\n'));
  writeFileSync(join(root, 'docs/benchmarks.json'), JSON.stringify(json, null, 2) + '\n');
  console.log('wrote docs/BENCHMARKS.md and docs/benchmarks.json');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
