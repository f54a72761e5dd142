import { expectNoAxeViolations } from './support/axe';
import { expect, test } from './support/fixtures';
import { signInOn } from './support/signInOn';

/**
 * The supervisor edits the catalogue in the app (docs/decisions/0041-catalogue-editing.md): opens it with
 * Alt+X, finds a service, is told beside the field what is wrong and loses nothing typed, saves a longer
 * limit into the draft, previews it against the published version and publishes it after confirming; a
 * file with a bad row is refused with the row's number.
 */
test('the supervisor edits a limit, previews and publishes it, and a bad import names its row', async ({ browser, appUrl }) => {
  const page = await signInOn(browser, appUrl, 'supervisor', 'supervisor-demo-2026');
  await page.keyboard.press('Alt+X');
  await expect(page.getByRole('heading', { name: /服務項目維護/ })).toBeVisible();
  await expect(page.getByTestId('catalogue-draft-line')).toContainText('尚無草稿');

  await page.getByLabel('搜尋服務項目').fill('自用住宅');
  await page.getByRole('button', { name: /LVT-SELF-USE/ }).click();
  const form = page.getByRole('form', { name: '服務項目內容' });
  await form.getByLabel('天數').fill('0');
  await form.getByLabel('名稱（中文）').fill('');
  await page.keyboard.press('Alt+S');
  await expect(form.getByText('天數為 0 至 730 的整數；隨到隨辦為 0 天，其他方式至少 1 天')).toBeVisible();
  await expect(form.getByText('Enter the Chinese name (at most 200 characters)')).toBeVisible();
  await expect(form.getByLabel('天數')).toHaveValue('0');
  await expectNoAxeViolations(page, 'the catalogue editor with errors beside the fields');

  await form.getByLabel('名稱（中文）').fill('地價稅自用住宅用地優惠稅率申請');
  await form.getByLabel('天數').fill('20');
  await form.getByLabel('期限來源').fill('本局處理期限表');
  await page.keyboard.press('Alt+S');
  await expect(page.getByTestId('catalogue-status')).toHaveText('已存入草稿');
  await expect(page.getByTestId('catalogue-draft-line')).toContainText('草稿：supervisor');

  await page.keyboard.press('Alt+P');
  const changes = page.getByTestId('catalogue-changes');
  const limitRow = changes.getByRole('table', { name: /LVT-SELF-USE/ }).getByRole('row', { name: /limit/ }).first();
  await expect(limitRow).toContainText('"days":12');
  await expect(limitRow).toContainText('"days":20');
  await expectNoAxeViolations(page, 'the draft’s changes');

  await page.getByRole('button', { name: '公告新版本…' }).click();
  await page.getByRole('button', { name: '確定公告' }).click();
  await expect(page.getByTestId('catalogue-status')).toContainText(/已公告版本 \d{4}\.\d+/);
  await expect(page.getByTestId('catalogue-draft-line')).toContainText('尚無草稿');

  await page.getByLabel('匯入 XLSX／CSV').setInputFiles({
    name: 'bureau.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('id,taxType,nameZh,nameEn,limitDays,limitBasis,channels,source\r\nKL-ONE,共通,一,One,3,working,counter,本局\r\nKL-TWO,共通,二,Two,many,working,counter,本局\r\n'),
  });
  await expect(page.getByTestId('catalogue-problems')).toContainText('第 3 列: limitDays');
  await expect(page.getByTestId('catalogue-draft-line')).toContainText('尚無草稿');
  await expectNoAxeViolations(page, 'a refused import');
});
