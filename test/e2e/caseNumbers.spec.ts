import { CASE_NUMBERS_PATH } from '../../shared/sync/caseNumberReservation';
import { expect, test } from './support/fixtures';
import { CounterPage, type CaseEntry } from './support/pages/counterPage';

/** Decision 0016: every install of the demo counter numbers cases from blocks of its own. */
const entry: CaseEntry = { service: 'HT-REGISTER', serviceId: 'HT-REGISTER', kind: 1, id: 'A123456789', name: '王小明', phone: '0912345678', documents: 'all-provided' };

test('a second browser of the same counter saves cases after pulling the first one, under numbers of its own', async ({ browser, appUrl }) => {
  const first = await browser.newContext();
  const second = await browser.newContext();
  try {
    const a = new CounterPage(await first.newPage());
    await CounterPage.stubPrintDialog(a.page);
    await a.signIn(appUrl);
    await a.fill(entry);
    const fromA = await a.save();

    const b = new CounterPage(await second.newPage());
    await CounterPage.stubPrintDialog(b.page);
    await b.signIn(appUrl);
    // B holds A's case (pulled) before it numbers its own: the case that used to fail with ConstraintError.
    await b.page.keyboard.press('Alt+L');
    await expect(b.page.locator(`tr[data-case-no="${fromA}"]`)).toBeVisible({ timeout: 30_000 });
    await b.fill(entry);
    const fromB = await b.save();
    expect(fromB).not.toBe(fromA);
    await b.fill(entry);
    expect(await b.save()).not.toBe(fromB);
    await expect(b.page.getByText(/ConstraintError/)).toHaveCount(0);
  } finally {
    await first.close();
    await second.close();
  }
});

test('a browser that could get no case numbers says so beside the save button and keeps what was typed', async ({ page, appUrl }) => {
  await CounterPage.stubPrintDialog(page);
  // The reservation never reaches the server: at sign-in nor at any sync.
  await page.route(`**${CASE_NUMBERS_PATH}`, (route) => route.abort('internetdisconnected'));
  const counter = new CounterPage(page);
  await counter.signIn(appUrl);
  await counter.fill(entry);
  await page.keyboard.press('Alt+S');
  await expect(page.getByRole('alert').filter({ hasText: '本機已無可用的案件編號' })).toBeVisible();
  await expect(page.getByText(/ConstraintError|CaseNumbersUsedUp/)).toHaveCount(0);
  await expect(page.getByLabel('申請人身分證字號／統一編號')).toHaveValue('A123456789');
  await expect(page.getByLabel('申請人姓名')).toHaveValue('王小明');

  // Back online, a sync brings numbers and the same form saves.
  await page.unroute(`**${CASE_NUMBERS_PATH}`);
  await page.getByRole('button', { name: '立即同步' }).click();
  await expect(async () => {
    await page.getByRole('button', { name: '儲存案件' }).click();
    await expect(page.getByRole('status').filter({ hasText: '已儲存案件' })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
});
