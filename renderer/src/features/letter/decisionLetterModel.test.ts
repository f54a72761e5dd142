import { describe, expect, it } from 'vitest';
import type { CaseRecord } from '../../../../shared/schemas/case';
import type { CaseDesk, Decision } from '../../../../shared/schemas/caseDesk';
import { caseRecordFixture } from '../../testing/caseRecordFixture';
import { receiptModel } from '../receipt/receiptModel';
import { decisionLetterModel, type DecisionLetterModel, type LetterRowId } from './decisionLetterModel';

const serverUrl = 'https://counterdesk.tax.keelung.gov.tw';

const approval: Decision = {
  outcome: 'approve',
  reasons: '經查符合自用住宅用地要件，准予按自用住宅用地稅率課徵地價稅。',
  facts: { granted: '自用住宅用地稅率', fromPeriod: '115年期', expiresOn: '2029-12-31' },
  level: 'chief',
  proposedBy: 'officer',
  decidedBy: 'supervisor',
  decidedOn: '2026-12-04',
};
const approved: CaseDesk = { unit: 'PROPERTY', assignee: 'officer', decision: approval, notes: [] };

function decided(desk: Partial<CaseDesk>, overrides: Partial<CaseRecord> = {}): CaseRecord {
  return caseRecordFixture(3, { serviceId: 'LVT-SELF-USE', status: 'closed', desk: { ...approved, ...desk }, ...overrides });
}

const row = (model: DecisionLetterModel | undefined, id: LetterRowId) => model?.rows.find((r) => r.id === id);

describe('the decision notice', () => {
  it('says the decision, its reasons and what it grants, in Chinese only, with the applicant masked', () => {
    const model = decisionLetterModel(decided({ handover: { method: 'pickup', on: '2026-12-07', by: 'clerk' } }), serverUrl);
    expect(model?.title).toEqual({ zh: '處分書' });
    expect(row(model, 'caseNo')?.value).toEqual({ zh: '115-KL01-000003-X' });
    expect(row(model, 'decidedOn')?.value).toEqual({ zh: '中華民國115年12月4日' });
    expect(row(model, 'decision')?.value).toEqual({ zh: '核准' });
    expect(row(model, 'applicant')?.value).toEqual({ zh: '王○明 A12345****' });
    expect(row(model, 'granted')?.value).toEqual({ zh: '自用住宅用地稅率' });
    expect(row(model, 'fromPeriod')?.value).toEqual({ zh: '115年期' });
    expect(row(model, 'expiresOn')?.value).toEqual({ zh: '中華民國118年12月31日' });
    expect(model?.reasons).toBe(approval.reasons);
    const everything = JSON.stringify(model);
    expect(everything).not.toMatch(/王小明|A123456789|0912345678/);
    // Nothing in English for an applicant who did not choose it.
    expect(model?.rows.every((r) => r.label.en === undefined && r.value.en === undefined)).toBe(true);
    expect(everything).not.toMatch(/Approved|re-examination|Decision notice/);
  });

  it('gives the last day to apply for re-examination when the notice was handed over at the counter', () => {
    const model = decisionLetterModel(decided({ handover: { method: 'pickup', on: '2026-12-07', by: 'clerk' } }), serverUrl);
    expect(model?.remedy).toBe('reexamination');
    expect(model?.lastDay).toBe('2027-01-06');
    expect(model?.remedyText.map((text) => text.zh)).toEqual([
      '如不服本處分，得依稅捐稽徵法第35條規定，自本處分書送達之次日起30日內，敘明理由並檢附證明文件，向本局申請復查。',
      '本處分書於中華民國115年12月7日交付，申請復查期限至中華民國116年1月6日止。',
    ]);
  });

  it('puts the English after each Chinese text for an applicant who chose English, and counts from receipt when mailed', () => {
    const model = decisionLetterModel(
      decided(
        { decision: { ...approval, outcome: 'reject', reasons: '查無自住事實。' }, handover: { method: 'mail', registerNo: 'KL-000123', on: '2026-12-07', by: 'clerk' } },
        { applicant: { kind: 'resident', idNumber: 'A800000014', name: 'John Smith', phone: '', preferredLanguage: 'en' } },
      ),
      serverUrl,
    );
    expect(model?.bilingual).toBe(true);
    expect(model?.title).toEqual({ zh: '處分書', en: 'Decision notice' });
    expect(row(model, 'decision')).toEqual({ id: 'decision', label: { zh: '決定', en: 'Decision' }, value: { zh: '駁回', en: 'Rejected' } });
    expect(row(model, 'decidedOn')?.value).toEqual({ zh: '中華民國115年12月4日', en: '2026-12-04' });
    expect(row(model, 'service')?.value.en).toMatch(/self-use/i);
    expect(row(model, 'applicant')?.value).toEqual({ zh: 'J*** S**** A80000****' });
    // A rejection grants nothing, whatever the proposal carried.
    expect(row(model, 'granted')).toBeUndefined();
    expect(row(model, 'expiresOn')).toBeUndefined();
    expect(model?.lastDay).toBeUndefined();
    expect(model?.remedyText[0]?.en).toContain('within 30 days from the day after you receive this notice');
    expect(model?.remedyText[0]?.en).toContain('Tax Collection Act, Article 35');
    expect(model?.remedyText[1]).toEqual({
      zh: '上述30日自收受本處分書之次日起算；期間末日為例假日者，順延至次一上班日。',
      en: 'The 30 days run from the day after you receive this notice; a last day that falls on a holiday moves to the next working day.',
    });
  });

  it('offers an appeal (訴願) after a re-examination decision, with its last day when handed over on the spot', () => {
    const model = decisionLetterModel(
      decided({ unit: 'LEGAL', handover: { method: 'on-the-spot', on: '2026-03-06', by: 'clerk' } }, { serviceId: 'GEN-REEXAMINATION', applicant: { kind: 'person', idNumber: 'A123456789', name: '王小明', phone: '', preferredLanguage: 'en' } }),
      serverUrl,
    );
    expect(model?.remedy).toBe('appeal');
    expect(model?.title).toEqual({ zh: '復查決定書', en: 'Re-examination decision' });
    expect(model?.remedyText[0]?.zh).toContain('訴願法第14條');
    expect(model?.remedyText[0]?.zh).toContain('向基隆市政府提起訴願');
    expect(model?.remedyText[0]?.en).toContain('Administrative Appeal Act, Articles 14 and 58');
    // 03-06 + 30 is Sunday 04-05 and 04-06 a holiday: the last day moves to 04-07.
    expect(model?.lastDay).toBe('2026-04-07');
    expect(model?.remedyText[1]).toEqual({
      zh: '本決定書於中華民國115年3月6日交付，提起訴願期限至中華民國115年4月7日止。',
      en: 'This decision was handed to you on 2026-03-06; the last day to file the appeal is 2026-04-07.',
    });
    expect(JSON.stringify(model)).not.toContain('復查期限');
  });

  it('states when the period starts on a notice printed before it is handed over', () => {
    const model = decisionLetterModel(decided({}), serverUrl);
    expect(model?.lastDay).toBeUndefined();
    expect(model?.remedyText[1]?.zh).toContain('自收受本處分書之次日起算');
  });

  it('holds the same progress URL in its QR code as the receipt', () => {
    const record = decided({});
    expect(decisionLetterModel(record, serverUrl)?.progressUrl).toBe(receiptModel(record, serverUrl).progressUrl);
    expect(decisionLetterModel(record, serverUrl)?.progressUrl).toBe(`${serverUrl}/q/115-KL01-000003-X?v=abcdefghijklmnopqrstuv`);
  });

  it('has nothing to print for a case without a decision', () => {
    expect(decisionLetterModel(caseRecordFixture(4), serverUrl)).toBeUndefined();
    expect(decisionLetterModel(decided({ decision: undefined }), serverUrl)).toBeUndefined();
  });
});
