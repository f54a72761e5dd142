import { beforeAll, describe, expect, it } from 'vitest';
import { CaseNumbersUsedUp, CaseNumberTaken } from '../../db/caseNumberStore';
import type { Locale, MessageKey } from '../../lib/i18n';
import { caseSaveError } from './caseSaveError';

describe('caseSaveError', () => {
  let translate: (locale: Locale, key: MessageKey) => string;
  beforeAll(async () => {
    // The message table's module reads the saved language when it loads; Node has no localStorage.
    Object.assign(globalThis, { localStorage: { getItem: () => null, setItem: () => undefined }, document: { documentElement: { lang: '' } } });
    ({ translate } = await import('../../lib/i18n'));
  });
  const inLocale = (locale: Locale) => (key: MessageKey) => translate(locale, key);

  it('tells a case-number refusal in the clerk’s language, with what to do, never the raw error', () => {
    const usedUp = new CaseNumbersUsedUp('KL01', 115);
    expect(caseSaveError(usedUp, inLocale('zh-TW'))).toMatch(/案件編號.*同步.*保留/);
    expect(caseSaveError(usedUp, inLocale('en'))).toMatch(/no case numbers left.*sync.*kept/i);
    const constraint = Object.assign(new Error("Unable to add key to index 'caseNo': at least one key does not satisfy the uniqueness requirements."), { name: 'ConstraintError' });
    for (const error of [new CaseNumberTaken('115-KL01-000001-7'), constraint, { name: 'AbortError', inner: constraint }]) {
      expect(caseSaveError(error, inLocale('zh-TW'))).toMatch(/已被另一案件使用/);
      expect(caseSaveError(error, inLocale('en'))).not.toMatch(/ConstraintError|index/);
    }
    expect(caseSaveError(new Error('disk full'), inLocale('en'))).toBe('disk full');
  });
});
