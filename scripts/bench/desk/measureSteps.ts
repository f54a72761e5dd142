import type { Page } from '@playwright/test';
import { armProbe, readProbe } from '../support/probe';
import { rawPutInPage } from '../support/rawPutInPage';

/** Cases an officer works through in one repetition, two steps each. */
const CASES_PER_REP = 15;

/** Presses Enter on a focused button and measures until the desk steps' status line reads `text`. */
async function timedStep(page: Page, button: string, text: string): Promise<number> {
  await page.getByRole('button', { name: button, exact: true }).focus();
  await armProbe(page, 'keydown', { kind: 'text-matches', selector: '[data-testid=desk-step-status]', pattern: `^${text}$` });
  await page.keyboard.press('Enter');
  return readProbe(page);
}

/**
 * One repetition's desk steps: the unit's next unassigned case just received is opened, its review
 * started and a proposal sent for approval, each step from Enter to stored, queued and painted; beside
 * each, a raw put of the same sealed record in the same page.
 */
export async function measureSteps(page: Page): Promise<{ samples: number[]; raw: number[] }> {
  const samples: number[] = [];
  const raw: number[] = [];
  for (let k = 0; k < CASES_PER_REP; k += 1) {
    // The unit's next unassigned case just received, the fewest days left first.
    await page.getByLabel('狀態', { exact: true }).selectOption('received');
    const row = page.getByRole('table', { name: '本單位待分案' }).getByRole('row').filter({ hasText: '已收件' }).first();
    await row.getByRole('button', { name: /^開啟/ }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('region', { name: '承辦作業' }).waitFor();
    const caseNo = (await page.locator('section.case-detail').getAttribute('data-case-no')) ?? '';
    samples.push(await timedStep(page, '開始審核', '已記錄：開始審核'));
    raw.push(await page.evaluate(rawPutInPage, caseNo));
    await page.getByRole('button', { name: '擬辦', exact: true }).click();
    await page.getByLabel('理由（民眾會看到）').fill('申請人確實設籍於該屋，符合規定。');
    samples.push(await timedStep(page, '送核', '已記錄：擬辦'));
    raw.push(await page.evaluate(rawPutInPage, caseNo));
    await page.keyboard.press('Alt+B');
    await page.getByRole('heading', { name: '承辦桌', level: 2 }).waitFor();
  }
  return { samples, raw };
}
