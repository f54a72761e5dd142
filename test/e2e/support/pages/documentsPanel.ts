import { expect, type Page } from '@playwright/test';
import { join, resolve } from 'node:path';

/** The test documents: real JPEG, PNG and PDF files, bad ones, and the fake camera's y4m test card. */
export const documentFixture = (name: string): string => join(resolve(import.meta.dirname, '../../../..'), 'test/fixtures/documents', name);

/** A case's documents panel and signature pad, on the case detail screen, as a clerk works them. */
export class DocumentsPanel {
  constructor(readonly page: Page) {}

  fileInput() {
    return this.page.getByLabel('選擇檔案 Choose files');
  }

  saved() {
    return this.page.getByTestId('saved-document');
  }

  pending() {
    return this.page.getByTestId('pending-page');
  }

  /** Imports one fixture file, links it to a checklist item and saves it as a document. */
  async importAndSave(file: string, item: string): Promise<void> {
    await this.fileInput().setInputFiles(documentFixture(file));
    await expect(this.pending()).toHaveCount(1);
    await this.page.getByLabel('證明項目 Proves checklist item').selectOption(item);
    await this.page.getByRole('button', { name: '保存文件 Save document' }).click();
    await expect(this.pending()).toHaveCount(0);
  }

  /** Draws a zigzag across the signature pad, in proportion to its size on screen, and accepts it. */
  async sign(): Promise<void> {
    const { page } = this;
    const pad = page.getByLabel('簽名板 Signature pad');
    await pad.scrollIntoViewIfNeeded();
    const box = await pad.boundingBox();
    if (!box) throw new Error('the signature pad is not on screen');
    const at = (x: number, y: number) => [box.x + box.width * x, box.y + box.height * y] as const;
    await page.mouse.move(...at(0.07, 0.6));
    await page.mouse.down();
    for (let step = 1; step <= 10; step += 1) await page.mouse.move(...at(0.07 + step * 0.05, 0.6 - (step % 2) * 0.25), { steps: 3 });
    await page.mouse.up();
    await page.getByRole('button', { name: '確認簽名 Accept signature' }).click();
    await expect(page.getByText('簽名涵蓋目前案件內容')).toBeVisible();
  }
}
