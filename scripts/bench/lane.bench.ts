/**
 * `npm run bench -- lane`: how much the drive-through lane saves the clerk, counted rather than timed.
 * The built renderer runs in Debian's Chromium against a real central server (demo data), and the
 * same case — one first-time applicant, every document handed over, one scanned page, the signature,
 * the printed receipt — is taken twice per service: through the counter (intake form, case list, case
 * detail) and through the lane. For each flow, from the car's arrival (or the counter's Alt+N) to the
 * receipt in the print area:
 * - actions: every key pressed (each character typed, Tab, Enter and shortcuts included), every click
 *   or tap, each file chosen and each signature stroke count one;
 * - screens: the distinct views the clerk passes through (the element the workspace shows in <main>).
 * The baseline of each lane figure is the counter's figure for the same service, so the ratio is
 * lane ÷ counter. Both flows type the service the way the other tests do (the counter its service id
 * into the picker; the lane taps the service's tile) and the same-length id and name.
 *
 * The three services: of the four seed rows decision 0002 marks for the lane, the three a citizen asks
 * for on the way past — a reissued tax bill (GEN-REISSUE-BILL), a house tax certificate (GEN-CERT) and
 * an arrears check (GEN-ARREARS); all same-day. The fourth, GEN-ADDRESS, has GEN-CERT's single
 * document and the same flow, so it would repeat GEN-CERT's figure.
 */
import { join, resolve } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { openCounterPage } from './support/chromium';
import { openSignedIn, startCounterApp } from './support/demoCounter';
import { withCheckDigit } from './support/nationalId';
import type { BenchMeasurement } from './support/types';

const root = resolve(import.meta.dirname, '../..');
const SERVICES = ['GEN-REISSUE-BILL', 'GEN-CERT', 'GEN-ARREARS'] as const;
const PAGE_PNG = join(root, 'test/fixtures/documents/page.png');
const NAME = '王小明';
const PLATE = 'ABC-1234';

/** Distinct valid national ids, so that no applicant is a returning one (which would save the lane its name). */
function freshIds(count: number): string[] {
  return Array.from({ length: count }, (_, n) => withCheckDigit(`B1${String(3_000_000 + n * 7_919).padStart(7, '0')}`));
}

/** Counts the clerk's actions and the views they pass through; every action goes through it. */
class FlowCounter {
  actions = 0;
  readonly screens = new Set<string>();
  constructor(readonly page: Page) {}

  private async look(): Promise<void> {
    const view = await this.page.evaluate(() => document.querySelector('main')?.querySelector(':scope > :is(section, div, form)')?.className.split(' ')[0] ?? '');
    if (view) this.screens.add(view);
  }

  async press(key: string): Promise<void> {
    this.actions += 1;
    await this.page.keyboard.press(key);
    await this.look();
  }

  async type(text: string): Promise<void> {
    this.actions += [...text].length;
    await this.page.keyboard.type(text);
    await this.look();
  }

  async tap(target: Locator): Promise<void> {
    this.actions += 1;
    await target.click();
    await this.look();
  }

  async chooseFile(input: Locator, file: string): Promise<void> {
    this.actions += 1;
    await input.setInputFiles(file);
    await this.look();
  }

  async signStroke(pad: Locator): Promise<void> {
    this.actions += 1;
    await pad.scrollIntoViewIfNeeded();
    const box = await pad.boundingBox();
    if (!box) throw new Error('the signature pad is not on screen');
    await this.page.mouse.move(box.x + 40, box.y + 120);
    await this.page.mouse.down();
    for (let step = 1; step <= 8; step += 1) await this.page.mouse.move(box.x + 40 + step * 30, box.y + 120 - (step % 2) * 50, { steps: 2 });
    await this.page.mouse.up();
    await this.look();
  }
}

async function scanSignPrint(flow: FlowCounter, page: Page, caseNo: string): Promise<void> {
  await flow.chooseFile(page.getByLabel('選擇檔案 Choose files'), PAGE_PNG);
  await flow.tap(page.getByRole('button', { name: '保存文件 Save document' }));
  await page.getByTestId('saved-document').first().waitFor();
  await flow.signStroke(page.getByLabel('簽名板 Signature pad'));
  await flow.tap(page.getByRole('button', { name: '確認簽名 Accept signature' }));
  await page.getByText('簽名涵蓋目前案件內容').waitFor();
  await flow.press('Alt+P');
  await page.locator(`[data-testid=receipt][data-case-no="${caseNo}"]`).waitFor({ state: 'attached' });
}

/** The counter: the intake form by keyboard, then the case's detail for the scan and the signature. */
async function counterFlow(page: Page, serviceId: string, id: string): Promise<FlowCounter> {
  const flow = new FlowCounter(page);
  await flow.press('Alt+N');
  await page.getByLabel('申請項目').and(page.locator(':focus')).waitFor();
  await flow.type(serviceId);
  await flow.press('Enter');
  await page.locator(`#intake-serviceId[data-service-id="${serviceId}"]`).waitFor();
  await flow.press('Enter'); // the applicant kind stays "person"
  await flow.type(id);
  await flow.press('Enter');
  await flow.type(NAME);
  await flow.press('Enter');
  for (let skipped = 0; skipped < 3; skipped += 1) await flow.press('Enter'); // phone, district, address: optional
  const rows = await page.locator('fieldset.doc-row').count();
  for (let row = 0; row < rows; row += 1) {
    await flow.press('p');
    await flow.press('Enter');
  }
  await flow.press('Alt+S');
  const banner = page.locator('#saved-title');
  await banner.waitFor();
  const caseNo = /已儲存案件 (\S+)/.exec((await banner.textContent()) ?? '')?.[1] ?? '';
  await flow.press('Alt+L');
  await flow.tap(page.getByRole('button', { name: new RegExp(caseNo) }));
  await page.getByRole('heading', { name: new RegExp(caseNo) }).waitFor();
  await scanSignPrint(flow, page, caseNo);
  return flow;
}

/**
 * The lane: the car arrives and its plate is typed (the queue numbers and calls the lane's cars by
 * plate, decision 0036), the ID is scanned, one tap per step, all on one screen.
 */
async function laneFlow(page: Page, serviceId: string, id: string): Promise<FlowCounter> {
  const flow = new FlowCounter(page);
  await flow.tap(page.getByLabel('車牌', { exact: true }));
  await flow.type(PLATE);
  await flow.press('Enter');
  await page.locator('#lane-idNumber:focus').waitFor();
  await flow.type(id);
  await flow.press('Enter');
  await page.locator('#lane-name:focus').waitFor();
  await flow.type(NAME);
  await flow.press('Enter');
  await page.locator('#lane-service-filter:focus').waitFor();
  await flow.tap(page.locator(`.lane-tiles button[data-service-id="${serviceId}"]`));
  await page.locator('fieldset.lane-doc').first().waitFor();
  await flow.press('Enter'); // focus is on "Register case"
  const registered = page.getByText(/已登錄案件 \S+/);
  await registered.waitFor();
  const caseNo = /已登錄案件 (\S+)/.exec((await registered.textContent()) ?? '')?.[1] ?? '';
  await scanSignPrint(flow, page, caseNo);
  await page.getByText(`已列印收執聯 ${caseNo}`).waitFor();
  return flow;
}

export async function run(): Promise<BenchMeasurement[]> {
  const app = await startCounterApp('counterdesk-lane-bench-');
  const { page, close } = await openCounterPage('window.print = () => undefined;');
  try {
    await openSignedIn(page, app.url);

    const ids = freshIds(SERVICES.length * 2);
    const results: BenchMeasurement[] = [];
    for (const [index, serviceId] of SERVICES.entries()) {
      const counter = await counterFlow(page, serviceId, ids[index * 2] ?? '');
      await page.keyboard.press('Alt+W');
      await page.getByRole('heading', { name: '免下車服務' }).waitFor();
      const lane = await laneFlow(page, serviceId, ids[index * 2 + 1] ?? '');
      console.log(`  ${serviceId}: counter ${counter.actions} actions over ${[...counter.screens].join(' → ')}; lane ${lane.actions} over ${[...lane.screens].join(' → ')}`);
      results.push(
        {
          metric: `lane.keystrokes.${serviceId}`,
          unit: 'actions',
          samples: [lane.actions],
          baseline: [counter.actions],
          note: `keys (each character, Enter, shortcuts), taps, file choices and signature strokes from arrival to printed receipt; baseline: the counter flow for the same case (${counter.actions}); one of the three commonest same-day lane services`,
        },
        {
          metric: `lane.screens.${serviceId}`,
          unit: 'screens',
          samples: [lane.screens.size],
          baseline: [counter.screens.size],
          note: `distinct views passed through; counter: ${[...counter.screens].join(', ')}; lane: ${[...lane.screens].join(', ')}`,
        },
      );
    }
    return results;
  } finally {
    await close();
    await app.stop();
  }
}
