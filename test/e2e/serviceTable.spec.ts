import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './support/fixtures';

/** The public service table the bureau's website links to, on a phone, read by a screen reader. */

test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });

test('the service table reads on a phone, offers the blank forms, and passes axe', async ({ page, server }) => {
  const response = await page.goto(`${server.url}/services`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('服務項目及處理期限');
  const selfUse = page.getByRole('region', { name: /地價稅自用住宅用地優惠稅率申請/ });
  await expect(selfUse.getByText('12 個工作天')).toBeVisible();
  await expect(selfUse.getByRole('listitem').filter({ hasText: '建物所有權狀、使用執照或測量成果圖影本' })).toBeVisible();

  const link = selfUse.getByRole('link', { name: /地價稅自用住宅用地申請書/ });
  const pdf = await page.request.get(`${server.url}${(await link.getAttribute('href')) ?? ''}`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');

  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
});
