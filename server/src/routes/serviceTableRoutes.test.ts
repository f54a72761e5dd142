import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../testing/testServer';
import type { TestServer } from '../testing/testServer';

/** The PDF's text as poppler reads it, from stdin. */
function pdfText(pdf: Buffer): string {
  return execFileSync('pdftotext', ['-', '-'], { input: pdf, encoding: 'utf8' });
}

describe('public service table', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  const get = (url: string, ip = '203.0.113.7') => server.app.inject({ method: 'GET', url, remoteAddress: ip });

  it('lists every service with its documents, limit and blank form, without signing in', async () => {
    const response = await get('/services');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.headers['content-security-policy']).toContain("default-src 'none'");
    expect(response.body).toContain('地價稅自用住宅用地優惠稅率申請');
    expect(response.body).toContain('12 個工作天');
    expect(response.body).toContain('建物所有權狀、使用執照或測量成果圖影本');
    expect(response.body).toContain('href="/services/forms/lvt-self-use.pdf"');
  });

  it('serves the blank form as a PDF with its title and no applicant', async () => {
    const response = await get('/services/forms/gen-cert.pdf');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const text = pdfText(response.rawPayload).replace(/\s+/g, '');
    expect(text).toContain('申請核發證明書');
    expect(text).toContain('申請人姓名');
    expect(text).not.toContain('中華民國');
  });

  it('answers 404 for a form that does not exist or a name out of shape', async () => {
    expect((await get('/services/forms/no-such.pdf')).statusCode).toBe(404);
    expect((await get('/services/forms/..%2Fsecret.pdf')).statusCode).toBe(404);
  });

  it('limits one address to 60 pages a minute, leaving others served', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 61; i++) statuses.push((await get('/services', '198.51.100.9')).statusCode);
    expect(statuses.slice(0, 60).every((status) => status === 200)).toBe(true);
    expect(statuses[60]).toBe(429);
    expect((await get('/services', '198.51.100.10')).statusCode).toBe(200);
  });
});
