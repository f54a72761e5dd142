import { describe, expect, it } from 'vitest';
import { formatCaseNo } from '../../../shared/domain/caseNumber';
import { smsLength } from './smsLength';
import { composeMessage, MAX_PUBLIC_BASE_URL_LENGTH, MAX_SEGMENTS_BILINGUAL, MAX_SEGMENTS_ZH, notificationKinds, progressUrlOf } from './smsMessages';

describe('SMS length', () => {
  it('counts GSM-7 text in septets, extension characters twice', () => {
    expect(smsLength('a'.repeat(160))).toEqual({ encoding: 'gsm7', units: 160, segments: 1 });
    expect(smsLength('a'.repeat(161))).toEqual({ encoding: 'gsm7', units: 161, segments: 2 });
    expect(smsLength('[]'.repeat(80))).toEqual({ encoding: 'gsm7', units: 320, segments: 3 });
  });

  it('makes a whole text UCS-2 for one Chinese character: 70 in one part, 67 per part after', () => {
    expect(smsLength('案'.repeat(70))).toEqual({ encoding: 'ucs2', units: 70, segments: 1 });
    expect(smsLength('案'.repeat(71))).toEqual({ encoding: 'ucs2', units: 71, segments: 2 });
    expect(smsLength('案'.repeat(134))).toEqual({ encoding: 'ucs2', units: 134, segments: 2 });
    expect(smsLength('案'.repeat(135))).toEqual({ encoding: 'ucs2', units: 135, segments: 3 });
    expect(smsLength(`${'a'.repeat(69)}案`).encoding).toBe('ucs2');
    // A character outside the BMP takes two UTF-16 units.
    expect(smsLength('𠀀'.repeat(35)).units).toBe(70);
  });
});

describe('SMS messages', () => {
  const caseNo = formatCaseNo({ rocYear: 115, stationCode: 'KLFD01', sequence: 999_999 });
  // The longest base URL the configuration accepts and a verifier longer than intake makes (22).
  const base = `https://${'p'.repeat(MAX_PUBLIC_BASE_URL_LENGTH - 'https://'.length)}`;
  const url = progressUrlOf(base, caseNo, 'V'.repeat(32));
  const input = { caseNo, progressUrl: url, dueDate: '2026-12-31', supplementBy: '2026-12-15', expiresOn: '2027-01-20', bureauPhone: '(02)2433-1888' };

  it('builds the short progress URL from the base, the case number and the verifier', () => {
    expect(progressUrlOf('https://kltb.example/', '115-KL01-000001-7', 'abc_-DEF')).toBe('https://kltb.example/q/115-KL01-000001-7?v=abc_-DEF');
  });

  it.each(notificationKinds)('keeps "%s" within the budget, with the case number and the URL', (kind) => {
    const zh = composeMessage(kind, 'zh-TW', input);
    expect(zh.segments).toBeLessThanOrEqual(MAX_SEGMENTS_ZH);
    expect(zh.segments).toBe(smsLength(zh.body).segments);
    expect(zh.body).toContain(caseNo);
    expect(zh.body).toContain(url);
    expect(zh.body).toMatch(/^【基隆市稅務局】/);

    const both = composeMessage(kind, 'zh-TW+en', input);
    expect(both.segments).toBeLessThanOrEqual(MAX_SEGMENTS_BILINGUAL);
    expect(both.body).toContain(url);
    expect(both.body).toMatch(/\nCase /);
    // In the Chinese text, in its URL and in the English text.
    expect(both.body.split(caseNo)).toHaveLength(4);
  });

  it('says the due date and the supplement deadline when they fit, in ROC dates for Chinese', () => {
    const short = progressUrlOf('https://kltb.example', '115-KL01-000001-7', 'x'.repeat(22));
    const received = composeMessage('received', 'zh-TW', { ...input, caseNo: '115-KL01-000001-7', progressUrl: short });
    expect(received.body).toContain('115/12/31');
    expect(received.segments).toBe(2);
    const deficiency = composeMessage('deficiency', 'zh-TW+en', { ...input, caseNo: '115-KL01-000001-7', progressUrl: short });
    expect(deficiency.body).toContain('115/12/15');
    expect(deficiency.body).toContain('by 2026-12-15');
  });

  it('tells the citizen the day an approval runs out, in ROC dates for Chinese', () => {
    const short = progressUrlOf('https://kltb.example', '115-KL01-000001-7', 'x'.repeat(22));
    const renewal = composeMessage('renewal', 'zh-TW+en', { ...input, caseNo: '115-KL01-000001-7', progressUrl: short });
    expect(renewal.body).toContain('核定將於116/01/20到期，請洽本局續辦');
    expect(renewal.body).toContain('runs out on 2027-01-20');
  });

  it('drops the optional part before it would take a third part', () => {
    const fits = composeMessage('at-risk', 'zh-TW', { ...input, progressUrl: 'https://k.tw/q/x' });
    expect(fits.body).toContain('115/12/31');
    const long = composeMessage('at-risk', 'zh-TW', input);
    expect(long.body).not.toContain('115/12/31');
    expect(long.segments).toBeLessThanOrEqual(MAX_SEGMENTS_ZH);
  });
});
