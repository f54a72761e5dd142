import type { BrowserContext, Page } from '@playwright/test';
import { printCpuProfile, startCpuProfile } from '../support/cpuProfile';
import { p95 } from '../support/percentile';
import { armProbe, readProbe } from '../support/probe';
import { rawPutInPage } from '../support/rawPutInPage';

export interface SaveFigures {
  /** The p95 of each repetition's saves, Alt+S → the saved banner painted. */
  save: number[];
  /** The p95 of each repetition's raw puts of the same records. */
  raw: number[];
  /** How many cases the counter saved. */
  saved: number;
}

/** The number of the case the saved banner shows. */
async function savedCaseNo(page: Page): Promise<string> {
  const title = (await page.locator('#saved-title').textContent()) ?? '';
  const caseNo = /\d{3}-[A-Z0-9]{2,6}-\d{6}-[0-9A-Z]/.exec(title)?.[0];
  if (!caseNo) throw new Error(`no case number in the saved banner: ${title}`);
  return caseNo;
}

/** Saves through the intake form, 20 a repetition (so that its p95 is not simply its slowest save). */
export async function measureSaves(context: BrowserContext, page: Page, reps: number, idNumbers: readonly string[]): Promise<SaveFigures> {
  const profiler = await startCpuProfile(context, page);
  const figures: SaveFigures = { save: [], raw: [], saved: 0 };
  for (let r = 0; r < reps; r += 1) {
    const saves: number[] = [];
    const puts: number[] = [];
    for (let k = 0; k < 20; k += 1) {
      await page.getByLabel('申請項目').focus();
      await page.getByLabel('申請項目').fill('GEN-ADDRESS');
      await page.keyboard.press('Enter');
      await page.getByLabel('申請人身分證字號／統一編號').fill(idNumbers[k] ?? 'A123456789');
      await page.getByLabel('申請人姓名').fill('王小明');
      // Paced as at a counter: the next case is saved after the last one has synced (a clerk takes
      // far longer than that sync to take the next application), not into the middle of its push.
      await page.locator('.sync-indicator[data-state=online][data-pending="0"]').waitFor({ timeout: 60_000 });
      figures.saved += 1;
      await armProbe(page, 'keydown', { kind: 'text-matches', selector: '#saved-title', pattern: `已儲存案件 .*-${String(figures.saved).padStart(6, '0')}-` });
      await page.keyboard.press('Alt+S');
      saves.push(await readProbe(page));
      puts.push(await page.evaluate(rawPutInPage, await savedCaseNo(page)));
    }
    figures.save.push(p95(saves));
    figures.raw.push(p95(puts));
  }
  await printCpuProfile(profiler, 'the saves');
  return figures;
}
