import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicCaseSchema } from '../../../shared/schemas/publicCase';
import type { CaseRecord } from '../../../shared/schemas/case';
import { maskName } from '../../../shared/domain/masking';
import { escapeHtml } from '../public/progressPage';
import { buildCaseRecord, createCaseMutation, pushBody } from '../testing/caseFixtures';
import { startTestServer, syncHeaders } from '../testing/testServer';
import type { TestServer } from '../testing/testServer';

describe('public progress', () => {
  let server: TestServer;
  let record: CaseRecord;
  let latinRecord: CaseRecord;

  beforeAll(async () => {
    server = await startTestServer();
    const token = await server.signIn();
    record = buildCaseRecord(1, { applicant: { kind: 'person', idNumber: 'A123456789', name: '王大明', phone: '0912345678' } });
    latinRecord = buildCaseRecord(2, {
      status: 'awaiting-documents',
      // Awaiting documents since the receipt day: due as if they arrived that day, as the device computes it.
      clockPauses: [{ from: '2026-03-02' }],
      applicant: { kind: 'resident', idNumber: 'A800000014', name: '<script>alert(1)</script> Smith', phone: '' },
    });
    const response = await server.app.inject({
      method: 'POST',
      url: '/v1/sync/push',
      headers: syncHeaders(token),
      payload: pushBody(randomUUID(), [createCaseMutation(1, record), createCaseMutation(2, latinRecord)]),
    });
    expect(response.json()).toMatchObject({ results: [{ status: 'applied' }, { status: 'applied' }] });
  });
  afterAll(() => server.close());

  const get = (url: string) => server.app.inject({ method: 'GET', url });

  it('shows the case with its masked applicant to the right verifier', async () => {
    const response = await get(`/v1/public/cases/${record.caseNo}?v=${record.verifier}`);
    expect(response.statusCode).toBe(200);
    const body = publicCaseSchema.parse(response.json());
    expect(body).toEqual({
      caseNo: record.caseNo,
      status: 'received',
      service: { id: 'LVT-SELF-USE', nameZh: '地價稅自用住宅用地優惠稅率申請', nameEn: 'Land value tax: self-use residential rate' },
      receivedOn: '2026-03-02',
      dueDate: '2026-03-18',
      applicantMasked: '王○明',
    });
    expect(response.body).not.toContain('王大明');
    expect(response.body).not.toContain('A123456789');
    expect(response.body).not.toContain(record.verifier);
  });

  it('accepts the case number as a person would type it', async () => {
    const typed = record.caseNo.toLowerCase().replace(/-/g, ' ');
    const response = await get(`/v1/public/cases/${encodeURIComponent(typed)}?v=${record.verifier}`);
    expect(response.statusCode).toBe(200);
  });

  it('gives one identical 404 for a wrong, missing or malformed verifier and for an unknown case', async () => {
    const unknownCase = buildCaseRecord(999);
    const urls = [
      `/v1/public/cases/${record.caseNo}?v=${latinRecord.verifier}`,
      `/v1/public/cases/${record.caseNo}?v=${record.verifier}x`,
      `/v1/public/cases/${record.caseNo}`,
      `/v1/public/cases/${record.caseNo}?v=`,
      `/v1/public/cases/${record.caseNo}?v=a&v=b`,
      `/v1/public/cases/${record.caseNo}?v=${'x'.repeat(500)}`,
      `/v1/public/cases/${unknownCase.caseNo}?v=${unknownCase.verifier}`,
      `/v1/public/cases/not-a-case-number?v=${record.verifier}`,
      `/v1/public/cases/${'9'.repeat(200)}?v=${record.verifier}`,
      `/v1/public/cases/%E0%A4%A?v=${record.verifier}`,
    ];
    const responses = await Promise.all(urls.map(get));
    for (const response of responses) {
      expect(response.statusCode).toBe(404);
      expect(response.json()).toEqual({ error: { code: 'not_found', message: 'Case not found' } });
    }
  });

  it('serves a bilingual, escaped progress page with strict security headers', async () => {
    const response = await get(`/q/${latinRecord.caseNo}?v=${latinRecord.verifier}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; frame-ancestors 'none'/);
    expect(csp).not.toContain('unsafe');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.headers['referrer-policy']).toBe('no-referrer');

    const html = response.body;
    expect(html).toContain('<html lang="zh-Hant-TW">');
    expect(html).toContain('待補正');
    expect(html).toContain('Awaiting documents');
    expect(html).toContain(latinRecord.caseNo);
    expect(html).toContain('中華民國115年3月2日');
    expect(html).toContain('2026-03-02');
    expect(html).toContain('中華民國115年3月18日');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('Smith');
    expect(html).toContain(escapeHtml(maskName(latinRecord.applicant.name)));
    expect(maskName(latinRecord.applicant.name)).toMatch(/^<\*+ S\*{4}$/);
    expect(html).not.toContain(latinRecord.verifier);
  });

  it('answers anything wrong on the page with the same bilingual 404 page', async () => {
    const pages = await Promise.all(
      [`/q/${record.caseNo}?v=wrong-verifier-000000`, `/q/${record.caseNo}`, '/q/nonsense?v=x', '/q/', '/q/a/b', `/q/${'9'.repeat(200)}`, '/q/%E0%A4%A'].map(get),
    );
    for (const response of pages) {
      expect(response.statusCode).toBe(404);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.body).toContain('找不到案件');
      expect(response.body).toContain('Case not found');
      expect(response.body).toBe(pages[0]?.body);
      expect(response.headers['x-frame-options']).toBe('DENY');
      expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    }
  });

  it('puts the security headers on JSON, errors and unknown routes too', async () => {
    for (const url of ['/healthz', '/v1/nothing-here', `/v1/public/cases/${record.caseNo}`]) {
      const response = await get(url);
      expect(response.headers['content-security-policy']).toContain("default-src 'none'");
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-frame-options']).toBe('DENY');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
    }
    const unknown = await get('/v1/nothing-here');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
  });

  it('escapes every character HTML treats specially', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});
