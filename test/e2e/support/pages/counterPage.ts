import { expect, type Page } from '@playwright/test';
import { demoClerk } from '../fixtures';

/**
 * The counter as a clerk drives it: keyboard only. Each step presses the keys a clerk presses; the
 * locators are by label and role, as a screen reader would find them.
 */

export type DocKey = 'p' | 'm' | 'w';

export interface CaseEntry {
  /** What the clerk types into the service picker (any part of a name, the tax or the id). */
  service: string;
  serviceId: string;
  /** 1 person, 2 resident, 3 company, 4 agent, 5 heir. */
  kind: 1 | 2 | 3 | 4 | 5;
  id: string;
  name: string;
  /** The second person's fields in form order (company: name, id; agent: id, name; heir: id, name, date of death). */
  related?: string[];
  phone?: string;
  /** Keys typed into the district select (type-ahead), e.g. '200'. */
  district?: string;
  address?: string;
  /** One key per checklist row, in order; 'all-provided' marks every row provided. */
  documents: DocKey[] | 'all-provided';
}

export class CounterPage {
  constructor(readonly page: Page) {}

  /** Headless Chromium never closes window.print()'s dialog; page.pdf stands in for it. */
  static async stubPrintDialog(page: Page): Promise<void> {
    await page.addInitScript(() => {
      window.print = () => undefined;
    });
  }

  async signIn(appUrl: string): Promise<void> {
    await this.page.goto(appUrl);
    await this.page.getByLabel('帳號').fill(demoClerk.username);
    await this.page.getByLabel('密碼').fill(demoClerk.password);
    await this.page.getByLabel('密碼').press('Enter');
    await expect(this.page.getByText('櫃台: KL01')).toBeVisible();
  }

  private async enter(text: string | undefined): Promise<void> {
    if (text) await this.page.keyboard.type(text);
    await this.page.keyboard.press('Enter');
  }

  /** Opens the intake form (Alt+N) and fills it from the service field on, without saving. */
  async fill(entry: CaseEntry): Promise<void> {
    await this.page.keyboard.press('Alt+N');
    await this.fillOpenForm(entry);
  }

  /** Fills the intake form on screen (the counter's, or a case the bureau opens itself) from its focused service field on, without saving. */
  async fillOpenForm(entry: CaseEntry): Promise<void> {
    const { page } = this;
    await expect(page.getByLabel('申請項目')).toBeFocused();
    await this.enter(entry.service);
    await expect(page.getByLabel('申請項目')).toHaveAttribute('data-service-id', entry.serviceId);
    await page.keyboard.press(String(entry.kind));
    await this.enter(undefined);
    await expect(page.getByLabel('申請人身分證字號／統一編號')).toBeFocused();
    await this.enter(entry.id);
    await this.enter(entry.name);
    for (const value of entry.related ?? []) await this.enter(value);
    await this.enter(entry.phone);
    await expect(page.locator('#intake-zip')).toBeFocused();
    await this.enter(entry.district);
    await this.enter(entry.address);
    const keys = entry.documents === 'all-provided' ? Array.from({ length: await this.checklistRows().count() }, () => 'p' as const) : entry.documents;
    expect(keys.length, 'one key per checklist row').toBe(await this.checklistRows().count());
    for (const key of keys) {
      await page.keyboard.press(key);
      await page.keyboard.press('Enter');
    }
    await expect(page.getByRole('button', { name: '儲存案件' })).toBeFocused();
  }

  /** Saves with Alt+S and returns the new case number. */
  async save(): Promise<string> {
    const banner = this.page.getByRole('status').filter({ hasText: '已儲存案件' });
    const before = (await banner.count()) > 0 ? ((await banner.textContent()) ?? '') : '';
    await this.page.keyboard.press('Alt+S');
    await expect(banner).toBeVisible();
    if (before) await expect(banner).not.toHaveText(before);
    const caseNo = /已儲存案件 (\d{3}-[A-Z0-9]+-\d{6}-[0-9A-Z])/.exec((await banner.textContent()) ?? '')?.[1] ?? '';
    expect(caseNo).toMatch(/^\d{3}-KL01-\d{6}-[0-9A-Z]$/);
    return caseNo;
  }

  /** Signs in, registers one case and opens it from the case list: its detail screen, documents and signature. */
  async openNewCase(appUrl: string, entry: CaseEntry): Promise<string> {
    await this.signIn(appUrl);
    await this.fill(entry);
    const caseNo = await this.save();
    await this.openCase(caseNo);
    return caseNo;
  }

  /** Reloads the window; where the device keeps its data locked at rest, the clerk's password opens it. */
  async reopen(): Promise<void> {
    const { page } = this;
    await page.reload();
    const station = page.getByText('櫃台: KL01');
    const locked = page.getByRole('heading', { name: '已鎖定' });
    await expect(station.or(locked)).toBeVisible();
    if (await locked.isVisible()) {
      await page.getByLabel('密碼').fill(demoClerk.password);
      await page.getByLabel('密碼').press('Enter');
    }
    await expect(station).toBeVisible();
  }

  checklistRows() {
    return this.page.locator('fieldset.doc-row');
  }

  async openCase(caseNo: string): Promise<void> {
    const { page } = this;
    await page.keyboard.press('Alt+L');
    await expect(page.getByLabel('案件編號、證號、電話或姓名')).toBeFocused();
    await page.keyboard.type(caseNo);
    await expect(page.getByTestId('result-count')).toHaveAttribute('data-count', '1');
    const row = page.locator(`tr[data-case-no="${caseNo}"]`);
    await row.getByRole('button', { name: /開啟/ }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: new RegExp(caseNo) })).toBeVisible();
  }
}
