import AxeBuilder from '@axe-core/playwright';
import { randomUUID } from 'node:crypto';
import { DEVICE_ID_HEADER, DEVICE_SECRET_HEADER } from '../../shared/schemas/device';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../shared/sync/protocol';
import { demoDevice } from '../../server/src/db/seedDemo';
import { buildCaseRecord, createCaseMutation, pushBody } from '../../server/src/testing/caseFixtures';
import { expect, test } from './support/fixtures';

/** The citizen's side: the page the receipt's QR code opens, on a phone, read by a screen reader. */

const device = { [DEVICE_ID_HEADER]: demoDevice.id, [DEVICE_SECRET_HEADER]: demoDevice.secret };

async function pushCase(serverUrl: string, record: ReturnType<typeof buildCaseRecord>): Promise<void> {
  const signIn = await fetch(`${serverUrl}/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...device },
    body: JSON.stringify({ username: 'clerk', password: 'clerk-demo-2026', deviceId: demoDevice.id }),
  });
  const { token } = (await signIn.json()) as { token: string };
  const push = await fetch(`${serverUrl}/v1/sync/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, [PROTOCOL_HEADER]: String(PROTOCOL_VERSION), ...device },
    body: JSON.stringify(pushBody(randomUUID(), [createCaseMutation(1, record)])),
  });
  expect(await push.json()).toMatchObject({ results: [{ status: 'applied' }] });
}

test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });

test('the progress page reads on a phone, in both languages, with what is missing, and passes axe', async ({ page, server }) => {
  const record = buildCaseRecord(7, {
    status: 'awaiting-documents',
    deficiency: { noticedOn: '2026-03-02', supplementBy: '2026-03-16' },
    applicant: { kind: 'person', idNumber: 'A123456789', name: '王大明', phone: '0912345678' },
  });
  await pushCase(server.url, record);

  const response = await page.goto(`${server.url}/q/${record.caseNo}?v=${record.verifier}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('案件進度查詢');
  await expect(page.getByText('待補正')).toBeVisible();
  await expect(page.getByRole('heading', { name: /請補正下列文件/ })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: '建物登記謄本' })).toBeVisible();
  await expect(page.getByText('中華民國115年3月16日', { exact: false })).toBeVisible();
  await expect(page.locator('[aria-current="step"]')).toContainText('通知補正文件');
  await expect(page.getByRole('link', { name: '(02) 2433-1888' })).toHaveAttribute('href', 'tel:0224331888');
  await expect(page.getByText('王○明')).toBeVisible();
  const body = await page.content();
  expect(body).not.toContain('王大明');
  expect(body).not.toContain('A123456789');
  expect(body).not.toContain('0912345678');

  // Nothing wider than the phone: no sideways scrolling.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
});

test('a wrong verifier gets the same accessible not-found page', async ({ page, server }) => {
  const record = buildCaseRecord(8);
  await pushCase(server.url, record);
  const response = await page.goto(`${server.url}/q/${record.caseNo}?v=not-the-verifier-000`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('找不到案件');
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(results.violations).toEqual([]);
});
