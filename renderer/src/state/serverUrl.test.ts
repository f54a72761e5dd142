import { describe, expect, it } from 'vitest';
import { InsecureServerUrlError, checkServerUrl } from './serverUrl';

describe('checkServerUrl', () => {
  it('accepts HTTPS anywhere and plain HTTP only to this machine', () => {
    for (const url of ['https://counterdesk.tax.keelung.gov.tw', 'https://10.0.0.5:8443', 'http://127.0.0.1:8787', 'http://127.1.2.3', 'http://localhost:5173', 'http://[::1]:8787']) {
      expect(checkServerUrl(url)).toBe(url);
    }
  });

  it('refuses plain HTTP to any other host, other schemes and non-URLs', () => {
    for (const url of ['http://counterdesk.tax.keelung.gov.tw', 'http://10.0.0.5:8787', 'http://127.0.0.1.evil.example', 'http://localhost.evil.example', 'ftp://127.0.0.1', 'not a url']) {
      expect(() => checkServerUrl(url), url).toThrow(InsecureServerUrlError);
    }
  });
});
