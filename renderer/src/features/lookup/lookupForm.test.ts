import { describe, expect, it } from 'vitest';
import { caseLookupRequestSchema } from '../../../../shared/schemas/caseLookup';
import { checkLookup } from './lookupForm';

describe('the lookup form', () => {
  it('refuses a lookup without its reason, naming each field', () => {
    expect(checkLookup({ query: '', reasonCode: '', reason: ' ' })).toEqual({
      ok: false,
      errors: { query: 'lookup.queryRequired', reasonCode: 'lookup.reasonCodeRequired', reason: 'lookup.reasonRequired' },
    });
    expect(checkLookup({ query: 'A123456789', reasonCode: 'other', reason: '' })).toEqual({ ok: false, errors: { reason: 'lookup.reasonRequired' } });
  });

  it('sends what the server accepts, trimmed', () => {
    const checked = checkLookup({ query: ' A123456789 ', reasonCode: 'citizen-at-counter', reason: ' 民眾臨櫃詢問 ' });
    expect(checked).toEqual({ ok: true, value: { query: 'A123456789', reasonCode: 'citizen-at-counter', reason: '民眾臨櫃詢問' } });
    if (checked.ok) expect(caseLookupRequestSchema.safeParse(checked.value).success).toBe(true);
  });
});
