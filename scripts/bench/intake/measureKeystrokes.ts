import type { Page } from '@playwright/test';
import { p95 } from '../support/percentile';
import { armProbe, readProbe } from '../support/probe';

/** Keystroke to paint in the applicant name field: the p95 of 20 keys, per repetition. */
export async function measureKeystrokes(page: Page, reps: number): Promise<number[]> {
  const keystroke: number[] = [];
  const name = page.getByLabel('申請人姓名');
  for (let r = 0; r < reps; r += 1) {
    await name.fill('');
    const samples: number[] = [];
    for (const ch of 'abcdefghijklmnopqrstuvwxyz'.slice(0, 20)) {
      await armProbe(page, 'keydown', { kind: 'value-ends', id: 'intake-name', text: ch });
      await page.keyboard.press(ch);
      samples.push(await readProbe(page));
    }
    keystroke.push(p95(samples));
  }
  return keystroke;
}
