import type { Page } from '@playwright/test';
import { signInAsClerk } from '../support/demoCounter';
import { waitForIntakeReady } from './openUnlocked';

/** Runs in the page: true once the one-time sealing of data written before encryption has finished. */
async function sealedInPage(): Promise<boolean> {
  const db = await new Promise<IDBDatabase>((res, rej) => {
    const req = indexedDB.open('counterdesk');
    req.onsuccess = () => res(req.result);
    req.onerror = () => rej(req.error);
  });
  try {
    const flag = await new Promise<unknown>((res, rej) => {
      const req = db.transaction('meta').objectStore('meta').get('existingDataSealed');
      req.onsuccess = () => res(req.result);
      req.onerror = () => rej(req.error);
    });
    return (flag as { value?: unknown } | undefined)?.value === true;
  } finally {
    db.close();
  }
}

/**
 * The clerk's first sign-in over the plain seed, which seals it once (sealExisting) in the background;
 * the measurements start after that pass, as on any later working day. Returns the seconds it took.
 */
export async function signInAndSeal(page: Page, url: string): Promise<number> {
  const started = performance.now();
  await page.goto(url);
  await signInAsClerk(page);
  await waitForIntakeReady(page, 120_000);
  // Polled from here: waitForFunction would take the pending Promise itself for a truthy answer.
  while (!(await page.evaluate(sealedInPage))) {
    if (performance.now() - started > 900_000) throw new Error('the existing data was not sealed within 15 minutes');
    await page.waitForTimeout(2_000);
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(`  sealed the existing data in ${seconds.toFixed(1)} s`);
  return seconds;
}
