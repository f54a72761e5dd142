/**
 * `npm run bench -- intake`: the counter at full size. The built renderer runs in Debian's Chromium
 * with a persistent profile (support/counterProfile.ts), seeded with 200,000 cases and 400,000 document
 * records. Measured through the UI, as a clerk feels it (support/probe.ts):
 * - keystroke to paint (keydown → the frame after React rendered the input);
 * - save (Alt+S → the saved banner painted), with a raw IndexedDB put of the same record in the
 *   same page as the baseline; each save waits until the last one has synced, as at a counter;
 * - search (input → first rows painted) for case number, id, phone, full name and status filters, and
 *   separately the time until a broad filter's exact count is shown;
 * - time to interactive (navigation start → the intake form restored its draft);
 * - the renderer's JS heap after all that, after a forced GC.
 * A p95 figure is the p95 of one repetition; the harness reports the median over repetitions.
 */
import { openCounterProfile } from './support/counterProfile';
import { intakeRows } from './intake/intakeRows';
import { measureHeap } from './intake/measureHeap';
import { measureKeystrokes } from './intake/measureKeystrokes';
import { measureSaves } from './intake/measureSaves';
import { measureSearches } from './intake/measureSearches';
import { measureTti } from './intake/measureTti';
import { signInAndSeal } from './intake/sealExisting';
import { seedCases } from './intake/seedCases';
import { seededPeople } from './intake/seededPeople';
import { startCounterApp } from './support/demoCounter';
import type { BenchMeasurement } from './support/types';

const CASES = Number(process.env.BENCH_CASES ?? 200_000);
const REPS = 3;

export async function run(): Promise<BenchMeasurement[]> {
  // A real central server: the clerk signs in online, which makes the device's data key (the data at
  // rest is encrypted, so the figures include sealing and opening every record).
  const app = await startCounterApp('counterdesk-bench-intake-');
  const { context, page, close } = await openCounterProfile();
  try {
    await page.goto(app.url);
    await page.getByLabel('帳號').waitFor();
    const people = seededPeople();
    await seedCases(page, CASES, people);
    const sealSeconds = await signInAndSeal(page, app.url);
    const tti = await measureTti(page, app.url, 5);
    const keystroke = await measureKeystrokes(page, REPS);
    const saves = await measureSaves(context, page, REPS, people.map((person) => person.idNumber));
    const searches = await measureSearches(context, page, REPS, { cases: CASES, listed: CASES + saves.saved, people });
    const heapMb = await measureHeap(context, page);
    return intakeRows({ cases: CASES, sealSeconds, tti, keystroke, saves, searches, heapMb });
  } finally {
    await close();
    await app.stop();
  }
}
