/**
 * `npm run bench -- desk`: the officer's desk at full size. The built renderer runs in Debian's
 * Chromium with a persistent profile (support/counterProfile.ts; an in-memory IndexedDB would flatter
 * every figure), seeded with 20,000 open cases of the officer's unit and closed ones beside them
 * (desk/seedDesk.ts, BENCH_DESK_CASES for another size), encrypted at rest as on any device. Measured
 * through the UI, as the officer feels it (support/probe.ts):
 * - a filter change (status, service) → both desk lists answered and painted, against raw IndexedDB
 *   reads of the same first rows from the same indexes in the same page (desk/measureFilters.ts);
 * - a desk step (start review, then send the proposal for approval) → stored, queued and painted in
 *   the case's panel, against a raw IndexedDB put of the same sealed record (desk/measureSteps.ts).
 * The officer works offline once signed in: a step is stored and queued on the device, and its push is
 * not part of the figure (the sync bench measures pushes). A p95 is the p95 of one repetition; the
 * harness reports the median over repetitions.
 */
import { deskRows, type DeskFigures } from './desk/deskRows';
import { measureFilters } from './desk/measureFilters';
import { measureSteps } from './desk/measureSteps';
import { seedDesk } from './desk/seedDesk';
import { signInOfficerAndSeal } from './desk/signInOfficer';
import { openCounterProfile } from './support/counterProfile';
import { printCpuProfile, startCpuProfile } from './support/cpuProfile';
import { startCounterApp } from './support/demoCounter';
import { median } from './support/median';
import { p95 } from './support/percentile';
import type { BenchMeasurement } from './support/types';

const OPEN = Number(process.env.BENCH_DESK_CASES ?? 20_000);
const CLOSED = Math.round(OPEN / 4);
const REPS = 3;

export async function run(): Promise<BenchMeasurement[]> {
  const app = await startCounterApp('counterdesk-bench-desk-');
  const { context, page, close } = await openCounterProfile();
  try {
    await page.goto(app.url);
    await page.getByLabel('帳號').waitFor();
    const counts = await seedDesk(page, OPEN, CLOSED);
    await signInOfficerAndSeal(page, app.url);
    await app.goOffline();
    const figures: DeskFigures = { counts, list: { value: [], raw: [] }, step: { value: [], raw: [] } };
    for (let r = 0; r < REPS; r += 1) {
      const filterProfile = await startCpuProfile(context, page);
      const filters = await measureFilters(page);
      await printCpuProfile(filterProfile, 'the filter changes');
      figures.list.value.push(p95(filters.samples));
      figures.list.raw.push(p95(filters.raw));
      const stepProfile = await startCpuProfile(context, page);
      const steps = await measureSteps(page);
      await printCpuProfile(stepProfile, 'the steps');
      figures.step.value.push(p95(steps.samples));
      figures.step.raw.push(p95(steps.raw));
      // The middle of each repetition beside its p95, so a slow figure shows whether it is the tail or the whole.
      console.log(`  repetition ${r + 1}: filter p50 ${Math.round(median(filters.samples))} ms, p95 ${Math.round(p95(filters.samples))} ms; step p50 ${Math.round(median(steps.samples))} ms, p95 ${Math.round(p95(steps.samples))} ms`);
    }
    return deskRows(figures);
  } finally {
    await close();
    await app.stop();
  }
}
