import type { Page } from '@playwright/test';
import { DEMO_OFFICER, signIn } from '../support/demoCounter';
import { waitUntilSealed } from '../support/sealing';

/**
 * The officer's first sign-in over the plain seed: lands on the desk, and the seed is sealed once
 * (sealExisting) in the background; the measurements start after that pass.
 */
export async function signInOfficerAndSeal(page: Page, url: string): Promise<void> {
  const started = performance.now();
  await page.goto(url);
  await signIn(page, DEMO_OFFICER);
  await page.getByRole('heading', { name: '承辦桌', level: 2 }).waitFor({ timeout: 120_000 });
  const seconds = await waitUntilSealed(page, started);
  console.log(`  signed in and sealed the seed in ${seconds.toFixed(1)} s`);
}
