import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { demoDevice } from '../../server/src/db/seedDemo';
import { startFakeSmsGateway, type FakeSmsGateway } from '../../server/src/notifications/fakeGateway';
import { serveRenderer } from '../../scripts/rendererServer';
import { expectNoAxeViolations } from './support/axe';
import { CentralServer, freePort } from './support/centralServer';
import { demoDeviceSecret, expect, test } from './support/fixtures';
import { guideShot } from './support/guideShots';
import { CounterPage } from './support/pages/counterPage';
import { signInOn } from './support/signInOn';
import { serverCopy } from './support/serverCopy';

/**
 * A case's whole life, each person on a computer of their own, by role and label only: the clerk takes
 * it in with a document missing; the officer takes it and asks for the rest (補正通知); the clerk records
 * them supplied; the officer proposes approval; the supervisor approves; the officer records the
 * pickup. The citizen's progress page then shows each stage with its day, and the SMS gateway received
 * exactly one message per event the citizen hears of.
 */

const root = resolve(import.meta.dirname, '../..');
const REASONS = '經查申請人確實設籍並自住，符合規定，擬准。';

interface Office {
  server: CentralServer;
  gateway: FakeSmsGateway;
  appUrl: string;
  close: () => Promise<void>;
}

/** A central server whose SMS go to a fake gateway every second, and the app served against it. */
async function openOffice(): Promise<Office> {
  const gateway = await startFakeSmsGateway();
  const dataDir = mkdtempSync(join(tmpdir(), 'counterdesk-journey-'));
  const server = new CentralServer(await freePort(), dataDir, { SMS_GATEWAY_URL: gateway.url, SMS_GATEWAY_TOKEN: 'fake-sms-token', SMS_SEND_INTERVAL_MS: '1000' });
  await server.start();
  const renderer = await serveRenderer({ dir: join(root, 'out/renderer'), hostConfig: { serverUrl: server.url, deviceId: demoDevice.id, deviceSecret: demoDeviceSecret } });
  return {
    server,
    gateway,
    appUrl: renderer.url,
    close: async () => {
      await renderer.close();
      await server.stop();
      await gateway.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Syncs now, and again until the case shows `text` in its place (another computer's step arrives by pull). */
async function syncUntil(page: Page, check: () => Promise<void>): Promise<void> {
  await expect(async () => {
    await page.getByRole('button', { name: '立即同步' }).click();
    await check();
  }).toPass({ timeout: 60_000, intervals: [1_000, 2_000, 3_000] });
}


async function openFromDesk(page: Page, list: '我的案件' | '本單位待分案', caseNo: string, beforeOpening?: () => Promise<void>): Promise<void> {
  await page.keyboard.press('Alt+C');
  const table = page.getByRole('table', { name: list });
  await syncUntil(page, () => expect(table.getByRole('row', { name: new RegExp(caseNo) })).toBeVisible({ timeout: 2_000 }));
  await beforeOpening?.();
  await table.getByRole('button', { name: `開啟 ${caseNo}` }).click();
  await expect(page.getByRole('heading', { name: new RegExp(caseNo) })).toBeVisible();
}

test('a case from the counter to its hand-over: each person on their own screen, the citizen told once per event', async ({ browser }, testInfo) => {
  test.setTimeout(420_000);
  const office = await openOffice();
  try {
    // The clerk takes the application in; one document is missing, so the deficiency notice is given at once.
    const clerkPage = await signInOn(browser, office.appUrl, 'clerk', 'clerk-demo-2026');
    const clerk = new CounterPage(clerkPage);
    await clerk.fill({ service: 'HT-REGISTER', serviceId: 'HT-REGISTER', kind: 1, id: 'A123456789', name: '王小明', phone: '0912-345-678', district: '200', address: '愛一路1號', documents: ['m', 'p', 'p', 'p', 'p', 'p', 'p'] });
    const caseNo = await clerk.save();

    // The officer lands on the desk, takes the case and asks for everything still missing in one notice.
    const officer = await signInOn(browser, office.appUrl, 'officer', 'officer-demo-2026');
    await expect(officer.getByRole('heading', { name: '承辦桌', level: 2 })).toBeVisible();
    await openFromDesk(officer, '本單位待分案', caseNo, () => guideShot(officer, '10-desk', testInfo.outputDir));
    const steps = officer.getByRole('region', { name: '承辦作業' });
    await steps.getByRole('button', { name: '承辦此案' }).click();
    await expect(steps.getByRole('status')).toHaveText('已記錄：承辦此案');
    await steps.getByRole('button', { name: '通知補正' }).click();
    const request = steps.getByRole('form', { name: '通知補正' });
    await request.getByLabel('其他應補正文件（一行一項）').fill('戶籍謄本 / household record');
    await guideShot(officer, '11-desk-request-documents', testInfo.outputDir);
    await request.getByRole('button', { name: '通知補正並列印補正通知' }).click();
    await expect(steps.getByRole('status')).toHaveText('已記錄：通知補正');
    await expectNoAxeViolations(officer, 'the desk steps of a case awaiting documents');

    // The applicant brings the documents to the counter; the clerk records them supplied.
    await syncUntil(clerkPage, async () => {
      await clerk.openCase(caseNo);
      await expect(clerkPage.getByText('戶籍謄本 / household record').first()).toBeVisible({ timeout: 2_000 });
    });
    const supply = clerkPage.getByRole('group', { name: '登記補正文件' });
    for (const box of await supply.getByRole('checkbox').all()) await box.check();
    await supply.getByRole('button', { name: '補正所選文件' }).click();
    await expect(clerkPage.getByRole('definition').filter({ hasText: '審核中' })).toBeVisible();

    // The officer finds the case back in review on the desk and proposes approval: the chief decides this service.
    await openFromDesk(officer, '我的案件', caseNo);
    await syncUntil(officer, () => expect(officer.getByRole('definition').filter({ hasText: '審核中' })).toBeVisible({ timeout: 2_000 }));
    await steps.getByRole('button', { name: '擬辦' }).click();
    const proposal = steps.getByRole('form', { name: '擬辦' });
    await proposal.getByLabel('理由（民眾會看到）').fill(REASONS);
    await guideShot(officer, '12-desk-propose', testInfo.outputDir);
    await proposal.getByRole('button', { name: '送核' }).click();
    await expect(officer.getByRole('definition').filter({ hasText: '待核准' })).toBeVisible();
    await officer.getByRole('button', { name: '立即同步' }).click();
    await expect.poll(async () => (await serverCopy(office.server.url, caseNo))?.status, { timeout: 45_000 }).toBe('pending-approval');

    // The supervisor lands on the approval queue, sees the officer's proposal and approves.
    const supervisor = await signInOn(browser, office.appUrl, 'supervisor', 'supervisor-demo-2026');
    const pending = supervisor.getByRole('table', { name: '待核定案件' });
    await syncUntil(supervisor, async () => {
      await supervisor.getByRole('button', { name: '重新整理' }).click();
      await expect(pending.getByRole('row', { name: new RegExp(caseNo) })).toBeVisible({ timeout: 2_000 });
    });
    await expect(pending.getByRole('row', { name: new RegExp(caseNo) })).toContainText(REASONS);
    await guideShot(supervisor, '13-supervisor-queue', testInfo.outputDir);
    await expectNoAxeViolations(supervisor, 'the approval queue');
    await pending.getByRole('row', { name: new RegExp(caseNo) }).getByRole('button', { name: '核准' }).click();
    await expect(supervisor.getByRole('status').filter({ hasText: `${caseNo}：已記錄` })).toBeVisible();
    await supervisor.getByRole('button', { name: '立即同步' }).click();
    await expect.poll(async () => (await serverCopy(office.server.url, caseNo))?.status, { timeout: 45_000 }).toBe('approved');

    // The applicant picks the result up; the officer records the hand-over, which closes the case.
    await openFromDesk(officer, '我的案件', caseNo);
    await syncUntil(officer, () => expect(officer.getByRole('definition').filter({ hasText: '已核准' })).toBeVisible({ timeout: 2_000 }));
    await steps.getByRole('button', { name: '交付結果' }).click();
    const handOver = steps.getByRole('form', { name: '交付結果' });
    await handOver.getByRole('radio', { name: '臨櫃領件' }).check();
    await handOver.getByRole('button', { name: '記錄交付' }).click();
    await expect(officer.getByRole('definition').filter({ hasText: '已結案' })).toBeVisible();
    await officer.getByRole('button', { name: '立即同步' }).click();
    await expect.poll(async () => (await serverCopy(office.server.url, caseNo))?.status, { timeout: 45_000 }).toBe('closed');

    // The citizen's page: every stage with its day.
    const stored = await serverCopy(office.server.url, caseNo);
    const citizen = await (await browser.newContext()).newPage();
    await citizen.goto(`${office.server.url}/q/${caseNo}?v=${stored?.verifier ?? ''}`);
    const stages = citizen.getByRole('list', { name: /辦理進度/ }).getByRole('listitem');
    for (const stage of ['收件', '通知補正', '補正完成', '審核', '核准', '交付']) {
      await expect(stages.filter({ hasText: stage }).first()).toContainText(/已完成.*\d{3}\/\d{2}\/\d{2}/);
    }

    // One SMS per event: received, the intake's deficiency, the officer's request, approved, closed (the
    // demo data's own renewal reminder goes to another citizen).
    const ours = () => office.gateway.messages().filter((message) => message.body.includes(caseNo));
    await expect.poll(() => ours().length, { timeout: 45_000 }).toBe(5);
    const bodies = ours().map((message) => message.body);
    expect(ours().every((message) => message.to === '0912345678')).toBe(true);
    expect(bodies.map((body) => (/已收件|尚缺文件|已核准|已結案/.exec(body) ?? ['?'])[0])).toEqual(['已收件', '尚缺文件', '尚缺文件', '已核准', '已結案']);
    // Nothing more arrives: no message for sending for approval, none twice.
    await citizen.waitForTimeout(3_000);
    expect(ours()).toHaveLength(5);
  } finally {
    await office.close();
  }
});
