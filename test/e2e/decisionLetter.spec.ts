import AxeBuilder from '@axe-core/playwright';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { defaultCalendar } from '../../shared/domain/calendar';
import { remedyDeadline } from '../../shared/domain/remedy';
import { formatRocLong, taipeiDate } from '../../shared/domain/rocDate';
import type { CaseAction } from '../../shared/schemas/caseDesk';
import { DEVICE_ID_HEADER, DEVICE_SECRET_HEADER } from '../../shared/schemas/device';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../shared/sync/protocol';
import { demoDevice } from '../../server/src/db/seedDemo';
import { buildCaseRecord, createCaseMutation, pushBody } from '../../server/src/testing/caseFixtures';
import { expect, test } from './support/fixtures';
import { CounterPage } from './support/pages/counterPage';
import { decodeQrFromPdf, pdfPageSizeMm, pdfText } from './support/qr';

/**
 * The decision notice (處分書): cases decided on the officer's and the chief's desks reach the counter
 * by sync, and the counter prints the notice. What the applicant reads is checked on the PDF Chromium
 * prints: the decision, the reasons, the remedy with its last day, and a QR code that opens the case's
 * progress page.
 */

const device = { [DEVICE_ID_HEADER]: demoDevice.id, [DEVICE_SECRET_HEADER]: demoDevice.secret };
const passwords = { clerk: 'clerk-demo-2026', supervisor: 'supervisor-demo-2026' } as const;
type DemoUser = keyof typeof passwords;

/** Sends the mutations as one push from a fresh client of the demo device (ids 1, 2, …), signed in as `username`. */
async function pushAs(serverUrl: string, username: DemoUser, mutations: readonly object[]): Promise<void> {
  const signIn = await fetch(`${serverUrl}/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...device },
    body: JSON.stringify({ username, password: passwords[username], deviceId: demoDevice.id }),
  });
  expect(signIn.status, `${username} signs in`).toBe(200);
  const { token } = (await signIn.json()) as { token: string };
  const push = await fetch(`${serverUrl}/v1/sync/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, [PROTOCOL_HEADER]: String(PROTOCOL_VERSION), ...device },
    body: JSON.stringify(pushBody(randomUUID(), mutations.map((mutation, index) => ({ ...mutation, id: index + 1 })))),
  });
  const answer = (await push.json()) as { results?: { status: string; code?: string }[] };
  expect(push.status, JSON.stringify(answer)).toBe(200);
  expect(answer.results?.map((result) => result.code ?? result.status), `${username}'s steps`).toEqual(mutations.map(() => 'applied'));
}

const steps = (caseId: string, list: CaseAction[]) =>
  list.map((step) => ({ name: 'caseAction', args: { caseId, step }, createdAt: new Date().toISOString() }));

async function printLetter(page: Page, caseNo: string, pdfPath: string): Promise<string> {
  await page.getByRole('button', { name: /列印處分書/ }).press('Enter');
  const letter = page.getByTestId('decision-letter');
  await expect(letter).toHaveAttribute('data-case-no', caseNo);
  await expect(letter.locator('img.letter-qr')).toBeVisible();
  await page.pdf({ path: pdfPath, preferCSSPageSize: true, printBackground: true });
  const size = pdfPageSizeMm(pdfPath);
  expect([Math.round(size.width), Math.round(size.height)]).toEqual([210, 297]);
  return pdfText(pdfPath);
}

const allProvided = [{ document: '申請書 / application form', state: 'provided' as const }];

test('a decided case prints its decision notice at the counter: decision, reasons, remedy with its last day, and the QR code', async ({ page, server, appUrl }, testInfo) => {
  const approved = buildCaseRecord(21, { checklist: allProvided, applicant: { kind: 'person', idNumber: 'A123456789', name: '王大明', phone: '0912345678' } });
  const rejected = buildCaseRecord(22, { checklist: allProvided, applicant: { kind: 'resident', idNumber: 'A800000014', name: 'John Smith', phone: '0922333444', preferredLanguage: 'en' } });
  await pushAs(server.url, 'clerk', [createCaseMutation(1, approved), createCaseMutation(2, rejected)]);
  // The section chief reviews and decides (LVT-SELF-USE is decided at the chief's level, 分層負責; a
  // chief may do the officer's steps, and a chief's proposal is the decision).
  await pushAs(server.url, 'supervisor', [
    ...steps(approved.id, [
      { action: 'start-review' },
      { action: 'propose', outcome: 'approve', reasons: '經查符合自用住宅用地要件，准予按自用住宅用地稅率課徵地價稅。', facts: { granted: '自用住宅用地稅率', fromPeriod: '115年期' } },
    ]),
    ...steps(rejected.id, [{ action: 'start-review' }, { action: 'propose', outcome: 'reject', reasons: '查該地上房屋無本人或配偶、直系親屬設籍。' }]),
  ]);
  // The applicant collects the approval at the counter today: the 30 days of 復查 run from tomorrow.
  await pushAs(server.url, 'clerk', steps(approved.id, [{ action: 'hand-over', method: 'pickup' }]));
  const today = taipeiDate(new Date());
  const deadline = remedyDeadline({ method: 'pickup', on: today }, defaultCalendar);
  if (deadline.kind !== 'known') throw new Error(`no last day for a hand-over on ${today}: the office calendar lacks the year`);

  await CounterPage.stubPrintDialog(page);
  const counter = new CounterPage(page);
  await counter.signIn(appUrl);

  // Chinese only, approved, handed over: the last day to apply for re-examination is printed.
  await counter.openCase(approved.caseNo);
  await expect(page.getByRole('button', { name: /列印處分書/ })).toBeVisible();
  const results = await new AxeBuilder({ page }).exclude('#print-area').analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  const approvedPdf = join(testInfo.outputDir, 'decision-approved.pdf');
  const text = (await printLetter(page, approved.caseNo, approvedPdf)).replace(/\s+/g, '');
  expect(text).toContain(approved.caseNo);
  expect(text).toContain('處分書');
  expect(text).toContain('核准');
  expect(text).toContain('經查符合自用住宅用地要件，准予按自用住宅用地稅率課徵地價稅。');
  expect(text).toContain('自用住宅用地稅率');
  expect(text).toContain('稅捐稽徵法第35條');
  expect(text).toContain('自本處分書送達之次日起30日內');
  expect(text).toContain(`本處分書於${formatRocLong(today)}交付，申請復查期限至${formatRocLong(deadline.lastDay)}止。`);
  expect(text).toContain('王○明');
  expect(text).not.toContain('王大明');
  expect(text).not.toContain('A123456789');
  expect(text).not.toMatch(/Decision notice|Approved/);
  expect(decodeQrFromPdf(approvedPdf)).toBe(`${server.url}/q/${approved.caseNo}?v=${approved.verifier}`);
  // The print is in the case's history, like a receipt's.
  await expect(page.locator('table.history tbody tr').filter({ hasText: '列印處分書' })).toHaveCount(1);

  // The applicant chose English; the rejection is not handed over yet, so the notice says when the 30 days start.
  await counter.openCase(rejected.caseNo);
  const rejectedPdf = join(testInfo.outputDir, 'decision-rejected.pdf');
  const bilingual = (await printLetter(page, rejected.caseNo, rejectedPdf)).replace(/\s+/g, ' ');
  expect(bilingual).toContain('Decision notice');
  expect(bilingual).toMatch(/駁回\s*Rejected/);
  expect(bilingual.replace(/ /g, '')).toContain('查該地上房屋無本人或配偶、直系親屬設籍。');
  expect(bilingual).toContain('Tax Collection Act, Article 35');
  expect(bilingual).toContain('The 30 days run from the day after you receive this notice');
  expect(bilingual.replace(/ /g, '')).toContain('上述30日自收受本處分書之次日起算');
  expect(bilingual).not.toContain('last day to apply');
  expect(bilingual).not.toContain('John Smith');
  expect(decodeQrFromPdf(rejectedPdf)).toBe(`${server.url}/q/${rejected.caseNo}?v=${rejected.verifier}`);
});
