import type { Page } from '@playwright/test';

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
 * Waits until the first sign-in over a plain seed has sealed it (sealExisting, in the background), at
 * most 15 minutes from `started` (performance.now()); returns the seconds since `started`.
 */
export async function waitUntilSealed(page: Page, started: number): Promise<number> {
  // Polled from here: waitForFunction would take the pending Promise itself for a truthy answer.
  while (!(await page.evaluate(sealedInPage))) {
    if (performance.now() - started > 900_000) throw new Error('the existing data was not sealed within 15 minutes');
    await page.waitForTimeout(2_000);
  }
  return (performance.now() - started) / 1000;
}
