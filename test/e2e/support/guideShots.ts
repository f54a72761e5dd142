import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';

/**
 * The user guide's pictures, taken on the walks the end-to-end tests make anyway. With
 * UPDATE_GUIDE_SCREENSHOTS=1 they replace those in docs/guide/; otherwise they go to the test's output
 * folder, so a normal `npm test` walks the screens without touching the repository.
 */
const guideDir = process.env.UPDATE_GUIDE_SCREENSHOTS === '1' ? resolve(import.meta.dirname, '../../../docs/guide') : undefined;

export async function guideShot(page: Page, name: string, outputDir: string): Promise<void> {
  const dir = guideDir ?? outputDir;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}
