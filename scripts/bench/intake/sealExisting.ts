import type { Page } from '@playwright/test';
import { DEMO_CLERK, signIn } from '../support/demoCounter';
import { waitUntilSealed } from '../support/sealing';
import { waitForIntakeReady } from './openUnlocked';

/**
 * The clerk's first sign-in over the plain seed, which seals it once (sealExisting) in the background;
 * the measurements start after that pass, as on any later working day. Returns the seconds it took.
 */
export async function signInAndSeal(page: Page, url: string): Promise<number> {
  const started = performance.now();
  await page.goto(url);
  await signIn(page, DEMO_CLERK);
  await waitForIntakeReady(page, 120_000);
  const seconds = await waitUntilSealed(page, started);
  console.log(`  sealed the existing data in ${seconds.toFixed(1)} s`);
  return seconds;
}
