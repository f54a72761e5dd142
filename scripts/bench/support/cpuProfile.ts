/**
 * `BENCH_PROFILE=1`: a CPU profile of the page over one part of a benchmark, printed as the functions
 * with the most self time and the heaviest call stacks. Build the renderer unminified
 * (`npx vite build --minify false`) for readable names.
 */
import type { BrowserContext, CDPSession, Page } from '@playwright/test';

interface Profile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

/** The 20 functions with the most self time and the 10 heaviest stacks, in ms. */
function printHeaviest(title: string, self: ReadonlyMap<string, number>, stacks: ReadonlyMap<string, number>): void {
  console.log(`  ${title}:`);
  for (const [key, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`    self ${Math.round(ms)} ms ${key}`);
  for (const [key, ms] of [...stacks].sort((a, b) => b[1] - a[1]).slice(0, 10)) console.log(`    stack ${Math.round(ms)} ms ${key}`);
}

export async function startCpuProfile(context: BrowserContext, page: Page): Promise<CDPSession | undefined> {
  if (!process.env.BENCH_PROFILE) return undefined;
  const session = await context.newCDPSession(page);
  await session.send('Profiler.enable');
  await session.send('Profiler.start');
  return session;
}

export async function printCpuProfile(session: CDPSession | undefined, label: string): Promise<void> {
  if (!session) return;
  const { profile } = (await session.send('Profiler.stop')) as unknown as { profile: Profile };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const stacks = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const frame = byId.get(id)?.callFrame;
    const key = `${frame?.functionName || '(anonymous)'} ${frame?.url.split('/').pop() ?? ''}:${frame?.lineNumber ?? 0}`;
    self.set(key, (self.get(key) ?? 0) + ms);
    const names: string[] = [];
    for (let cur: number | undefined = id; cur !== undefined && names.length < 14; cur = parent.get(cur)) {
      const f = byId.get(cur)?.callFrame;
      if (f?.functionName) names.push(f.url ? `${f.functionName}:${f.lineNumber}` : f.functionName);
    }
    if (names[0] === '(idle)' || names[0] === '(program)') return;
    const path = names.join(' < ');
    stacks.set(path, (stacks.get(path) ?? 0) + ms);
  });
  printHeaviest(`CPU profile of ${label}`, self, stacks);
}

/** A trace of the JS Self-Profiling API (https://wicg.github.io/js-self-profiling/#the-profilertrace-dictionary). */
export interface SelfProfileTrace {
  frames: { name: string; line?: number }[];
  stacks: { frameId: number; parentId?: number }[];
  samples: { timestamp: number; stackId?: number }[];
}

/** printCpuProfile for a trace the page took of itself: the functions with the most self time and the heaviest stacks. */
export function printSelfProfile(trace: SelfProfileTrace, label: string): void {
  const self = new Map<string, number>();
  const stacks = new Map<string, number>();
  let idle = 0;
  const frameName = (stackId: number) => {
    const frame = trace.frames[trace.stacks[stackId]?.frameId ?? -1];
    return `${frame?.name || '(anonymous)'}:${frame?.line ?? 0}`;
  };
  trace.samples.forEach((sample, index) => {
    const ms = (trace.samples[index + 1]?.timestamp ?? sample.timestamp) - sample.timestamp;
    if (sample.stackId === undefined) {
      idle += ms;
      return;
    }
    const names: string[] = [];
    for (let id: number | undefined = sample.stackId; id !== undefined && names.length < 10; id = trace.stacks[id]?.parentId) names.push(frameName(id));
    const top = names[0] ?? '';
    self.set(top, (self.get(top) ?? 0) + ms);
    const path = names.join(' < ');
    stacks.set(path, (stacks.get(path) ?? 0) + ms);
  });
  printHeaviest(`CPU profile of ${label} (idle ${Math.round(idle)} ms)`, self, stacks);
}
