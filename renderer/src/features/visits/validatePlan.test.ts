import { describe, expect, it } from 'vitest';
import { emptyPlanFields, validatePlan } from './validatePlan';

describe('validatePlan', () => {
  const filled = { ...emptyPlanFields('2026-11-27'), assignee: 'fieldstaff', serviceId: 'HT-LOW-INCOME', idNumber: ' a123456789 ', name: ' 陳阿嬤 ', phone: '0912-345-678', zip: '200', line: '愛三路 1 號' };

  it('normalises the id and the phone, as the server requires', () => {
    const result = validatePlan(filled);
    expect(result).toEqual({
      ok: true,
      value: {
        planDate: '2026-11-27',
        time: '09:00',
        assignee: 'fieldstaff',
        serviceId: 'HT-LOW-INCOME',
        applicant: { kind: 'person', idNumber: 'A123456789', name: '陳阿嬤', phone: '0912345678' },
        address: { zip: '200', line: '愛三路 1 號' },
      },
    });
  });

  it('names every bad field, in both languages', () => {
    const result = validatePlan({ ...emptyPlanFields('2026-02-30'), time: '24:10', idNumber: 'A123456788', phone: '12', zip: '100' });
    if (result.ok) throw new Error('expected errors');
    expect(Object.keys(result.errors).sort()).toEqual(['assignee', 'idNumber', 'line', 'name', 'phone', 'planDate', 'serviceId', 'time', 'zip']);
    expect(result.errors.idNumber?.zh).toContain('檢查碼');
    expect(result.errors.idNumber?.en).toMatch(/check digit/);
    expect(result.errors.zip).toEqual({ zh: '請選擇基隆市的行政區', en: 'Choose a Keelung district' });
  });

  it('takes a visit without a phone', () => {
    const result = validatePlan({ ...filled, phone: '' });
    expect(result.ok && result.value.applicant.phone).toBe('');
  });

  it('refuses text pasted with a tab or a NUL next to its field, and keeps a line break in the note', () => {
    const result = validatePlan({ ...filled, name: '陳\t阿嬤', line: '愛三路\u00001 號', note: '第一行\n第二行\f' });
    if (result.ok) throw new Error('expected errors');
    expect(Object.keys(result.errors).sort()).toEqual(['line', 'name', 'note']);
    expect(result.errors.name?.zh).toContain('控制字元');
    expect(result.errors.name?.en).toMatch(/control character/);
    expect(validatePlan({ ...filled, note: '第一行\n第二行' }).ok).toBe(true);
  });
});
