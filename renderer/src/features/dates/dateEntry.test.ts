import { describe, expect, it } from 'vitest';
import { commitDateEntry, dateEntryText, stepDateEntry } from './dateEntry';

describe('a date field entry', () => {
  it('shows the ROC form of the date the screen holds, and anything else as it is', () => {
    expect(dateEntryText('2026-12-07')).toBe('115/12/07');
    expect(dateEntryText('')).toBe('');
    expect(dateEntryText('115/02/30')).toBe('115/02/30');
    expect(dateEntryText('1900-01-01')).toBe('1900-01-01');
  });

  it('normalises a valid entry to the ROC form and hands over the ISO date', () => {
    expect(commitDateEntry('1151207')).toEqual({ isoDate: '2026-12-07', text: '115/12/07' });
    expect(commitDateEntry('２０２６／１２／０７')).toEqual({ isoDate: '2026-12-07', text: '115/12/07' });
    expect(commitDateEntry('99/1/5')).toEqual({ isoDate: '2010-01-05', text: '99/01/05' });
  });

  it('keeps a refused entry as typed, hands over no date, and says why', () => {
    expect(commitDateEntry('115/02/30')).toEqual({
      isoDate: '',
      text: '115/02/30',
      error: { zh: '民國115年2月沒有30日（該月只有28天）', en: '2026-02 (ROC 115) has no day 30; it has 28 days.' },
    });
    expect(commitDateEntry('115/13/1')).toMatchObject({ isoDate: '', text: '115/13/1', error: { zh: '沒有13月' } });
  });

  it('empties the field when cleared; a required field says a date is needed', () => {
    expect(commitDateEntry('  ')).toEqual({ isoDate: '', text: '' });
    expect(commitDateEntry('', true)).toEqual({ isoDate: '', text: '', error: { zh: '請輸入日期', en: 'Enter a date.' } });
  });

  it('moves the typed date a day with the arrow keys, across months and years', () => {
    expect(stepDateEntry('115/12/31', 1, '2026-01-01')).toEqual({ isoDate: '2027-01-01', text: '116/01/01' });
    expect(stepDateEntry('1130301', -1, '2026-01-01')).toEqual({ isoDate: '2024-02-29', text: '113/02/29' });
    expect(stepDateEntry('2026-12-07', 1, '2026-01-01')).toEqual({ isoDate: '2026-12-08', text: '115/12/08' });
  });

  it('starts an empty field at today, and does not move a refused or edge date', () => {
    expect(stepDateEntry('', 1, '2026-11-27')).toEqual({ isoDate: '2026-11-27', text: '115/11/27' });
    expect(stepDateEntry('115/02/30', 1, '2026-11-27')).toBeUndefined();
    expect(stepDateEntry('1/1/1', -1, '2026-11-27')).toBeUndefined();
    expect(stepDateEntry('999/12/31', 1, '2026-11-27')).toBeUndefined();
  });
});
