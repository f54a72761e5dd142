import { describe, expect, it } from 'vitest';
import { defaultCalendar } from '../../../../shared/domain/calendar';
import { caseRecordFixture } from '../../testing/caseRecordFixture';
import { supplementDeadline } from './deficiency';
import { noticeModel } from './noticeModel';

describe('the deficiency notice', () => {
  it('stops the clock from the receipt day when the counter gave the notice at intake', () => {
    const record = caseRecordFixture(1, { status: 'awaiting-documents', clockPauses: [{ from: '2026-11-27' }], deficiency: { noticedOn: '2026-11-27', supplementBy: supplementDeadline('2026-11-27', defaultCalendar) } });
    expect(noticeModel(record)).toMatchObject({ pausedFrom: 'receipt', pausedFromIso: '2026-11-27', supplementDays: 10 });
  });

  it("stops it from the notice's day when the officer asks later, giving the days to the date chosen", () => {
    const record = caseRecordFixture(1, {
      status: 'awaiting-documents',
      clockPauses: [{ from: '2026-12-07' }],
      deficiency: { noticedOn: '2026-12-07', supplementBy: '2026-12-21' },
      checklist: [{ document: '房屋稅籍證明 / house tax registration', state: 'missing' }],
    });
    expect(noticeModel(record)).toMatchObject({ pausedFrom: 'notice', pausedFromIso: '2026-12-07', supplementDays: 14, missing: ['房屋稅籍證明 / house tax registration'] });
  });
});
