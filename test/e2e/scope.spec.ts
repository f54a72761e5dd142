import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { join, resolve } from 'node:path';
import { DEVICE_ID_HEADER, DEVICE_SECRET_HEADER } from '../../shared/schemas/device';
import { PROTOCOL_HEADER, PROTOCOL_VERSION, bundleHeaderOf, documentReadPath } from '../../shared/sync/protocol';
import { demoDevice } from '../../server/src/db/seedDemo';
import { buildCaseRecord } from '../../server/src/testing/caseFixtures';
import { serveRenderer } from '../../scripts/rendererServer';
import { expectNoAxeViolations } from './support/axe';
import { expect, test } from './support/fixtures';
import { CounterPage } from './support/pages/counterPage';

/**
 * Scope by work (docs/decisions/0030-scope-by-work.md): a case taken in at the demo counter (KL01) is
 * not on a second counter (KL02), neither in its list, nor its search, nor its documents; its clerk
 * sees it read-only after giving the reason online, and the server recorded that lookup.
 */

const root = resolve(import.meta.dirname, '../..');
const clerkB = { username: 'clerkb', password: 'counter-two-clerk-2026', displayName: '第二櫃台人員 / Counter 2 clerk' };

interface Device {
  id: string;
  secret: string;
}

/** A JSON request to the server as `device`, signed in with `token` when given. */
async function call(serverUrl: string, device: Device, method: string, path: string, body?: unknown, token?: string): Promise<Response> {
  return fetch(`${serverUrl}${path}`, {
    method,
    headers: {
      [DEVICE_ID_HEADER]: device.id,
      [DEVICE_SECRET_HEADER]: device.secret,
      [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

async function signInApi(serverUrl: string, device: Device, username: string, password: string): Promise<string> {
  const response = await call(serverUrl, device, 'POST', '/v1/auth/sign-in', { username, password, deviceId: device.id });
  expect(response.status).toBe(200);
  return ((await response.json()) as { token: string }).token;
}

/** Station A's case, with one scanned document, as the demo counter pushes it. */
async function caseAtStationA(serverUrl: string): Promise<{ caseNo: string; caseId: string; sha256: string }> {
  const token = await signInApi(serverUrl, demoDevice, 'clerk', 'clerk-demo-2026');
  const record = buildCaseRecord(901, { applicant: { kind: 'person', idNumber: 'F131104093', name: '林小明', phone: '0912345678' } });
  const bytes = randomBytes(8_000);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const uploaded = await fetch(`${serverUrl}/v1/documents`, {
    method: 'POST',
    headers: { [DEVICE_ID_HEADER]: demoDevice.id, [DEVICE_SECRET_HEADER]: demoDevice.secret, [PROTOCOL_HEADER]: String(PROTOCOL_VERSION), authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream', 'x-counterdesk-documents': bundleHeaderOf([{ sha256, size: bytes.length }]) },
    body: bytes,
  });
  expect(uploaded.status).toBe(200);
  const at = new Date().toISOString();
  const mutations = [
    { id: 1, name: 'createCase', args: { case: record }, createdAt: at },
    { id: 2, name: 'attachDocument', args: { caseId: record.id, documentId: randomUUID(), sha256, kind: '申請書', mime: 'application/pdf', size: bytes.length }, createdAt: at },
  ];
  const pushed = await call(serverUrl, demoDevice, 'POST', '/v1/sync/push', { protocolVersion: PROTOCOL_VERSION, clientId: randomUUID(), mutations }, token);
  expect(((await pushed.json()) as { results: Array<{ status: string }> }).results.map((result) => result.status)).toEqual(['applied', 'applied']);
  return { caseNo: record.caseNo, caseId: record.id, sha256 };
}

/** A second counter, KL02, enrolled by the administrator with a one-time code, and its own clerk. */
async function secondCounter(serverUrl: string): Promise<Device> {
  const admin = await signInApi(serverUrl, demoDevice, 'admin', 'admin-demo-2026');
  const code = await call(serverUrl, demoDevice, 'POST', '/v1/admin/enrolment-codes', { stationCode: 'KL02' }, admin);
  const enrolled = await fetch(`${serverUrl}/v1/devices/enrol`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code: ((await code.json()) as { code: string }).code, name: '服務台 2 / Counter 2' }),
  });
  const device = (await enrolled.json()) as { deviceId: string; deviceSecret: string };
  const user = await call(serverUrl, demoDevice, 'POST', '/v1/admin/users', { ...clerkB, roles: ['clerk'] }, admin);
  expect(user.status).toBe(201);
  return { id: device.deviceId, secret: device.deviceSecret };
}

test('a second counter’s clerk does not hold the first counter’s case, and sees it read-only after giving the reason online', async ({ server, browser }) => {
  test.setTimeout(240_000);
  const atA = await caseAtStationA(server.url);
  const deviceB = await secondCounter(server.url);
  const renderer = await serveRenderer({ dir: join(root, 'out/renderer'), hostConfig: { serverUrl: server.url, deviceId: deviceB.id, deviceSecret: deviceB.secret } });
  try {
    const context = await browser.newContext({ locale: 'zh-TW', timezoneId: 'Asia/Taipei', viewport: { width: 1280, height: 860 } });
    const page = await context.newPage();
    await CounterPage.stubPrintDialog(page);
    await page.goto(renderer.url);
    await page.getByLabel('帳號').fill(clerkB.username);
    await page.getByLabel('密碼').fill(clerkB.password);
    await page.getByLabel('密碼').press('Enter');
    await expect(page.getByText('櫃台: KL02')).toBeVisible();

    // After a sync, neither the list nor a search by number or ID finds station A's case.
    await page.getByRole('button', { name: '立即同步' }).click();
    await expect(page.getByText('已連線')).toBeVisible();
    await page.keyboard.press('Alt+L');
    await expect(page.getByTestId('result-count')).toHaveAttribute('data-count', '0');
    const search = page.getByLabel('案件編號、證號、電話或姓名');
    await search.fill('F131104093');
    await expect(page.getByTestId('result-count')).toHaveAttribute('data-count', '0');
    await search.fill(atA.caseNo);
    await expect(page.getByTestId('result-count')).toHaveAttribute('data-count', '0');

    // Nor its document: this counter's credential and session get the answer of bytes never seen.
    const tokenB = await signInApi(server.url, deviceB, clerkB.username, clerkB.password);
    expect((await call(server.url, deviceB, 'GET', documentReadPath(atA.sha256, atA.caseId), undefined, tokenB)).status).toBe(404);

    // The list offers the online lookup; without a reason it is not sent.
    await page.getByRole('button', { name: /連線查詢其他櫃台的案件/ }).click();
    await expect(page.getByRole('heading', { name: '查詢其他櫃台的案件' })).toBeVisible();
    await expect(page.getByLabel('案件編號或申請人證號')).toHaveValue(atA.caseNo);
    await page.getByRole('button', { name: '連線查詢' }).click();
    await expect(page.getByText('請選擇查詢事由')).toBeVisible();
    await expect(page.getByText('請說明查詢事由（至少 2 個字）')).toBeVisible();
    await expectNoAxeViolations(page, 'the lookup with its errors');

    await page.getByLabel('查詢事由').selectOption({ label: '民眾臨櫃詢問' });
    await page.getByLabel('事由說明').fill('民眾林先生臨櫃詢問申請進度');
    await page.getByRole('button', { name: '連線查詢' }).click();
    const found = page.getByTestId('looked-up-case');
    await expect(found).toHaveCount(1);
    await expect(found.getByRole('heading', { name: new RegExp(atA.caseNo) })).toBeVisible();
    await expect(found).toContainText('林○明');
    await expect(found).toContainText('F13110****');
    await expect(found).toContainText('僅供檢視');
    await expect(found.getByRole('button')).toHaveCount(0);
    await expectNoAxeViolations(page, 'a looked-up case');

    // Looking did not put the case on this computer.
    await page.keyboard.press('Alt+L');
    await page.getByLabel('案件編號、證號、電話或姓名').fill(atA.caseNo);
    await expect(page.getByTestId('result-count')).toHaveAttribute('data-count', '0');
    await context.close();
  } finally {
    await renderer.close();
  }
});
