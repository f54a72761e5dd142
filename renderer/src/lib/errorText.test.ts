import { describe, expect, it } from 'vitest';
import { errorCodes } from '../../../shared/http/errors';
import { rejectionCodes } from '../../../shared/sync/protocol';
import { CaseNumbersUsedUp, CaseNumberTaken } from '../db/caseNumberStore';
import { DeviceLockedError } from '../db/dataKeyHolder';
import { ApiError, NetworkError } from '../sync/api';
import { describeError, describeErrorInBoth, errorText, isQuotaError, rejectionText, serverErrorText } from './errorText';

describe('errorText', () => {
  it('puts every server error code into words in both languages, never the code or the server English', () => {
    for (const code of errorCodes) {
      const error = new ApiError(400, code, `server detail for ${code}`);
      const { zh, en } = describeErrorInBoth(error);
      for (const text of [zh, en]) {
        expect(text).not.toContain(code);
        expect(text).not.toContain('server detail');
        expect(text.length).toBeGreaterThan(5);
      }
      expect(zh).toMatch(/[\u4e00-\u9fff]/);
      expect(en).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('names the local database refusals Dexie wraps, however deep', () => {
    // IndexedDB's refusal of a record under a key already stored, as Dexie wraps it.
    const constraint = Object.assign(new Error("Unable to add key to index 'caseNo'"), { name: 'ConstraintError', inner: new DOMException('x', 'ConstraintError') });
    expect(errorText({ name: 'AbortError', inner: constraint }).key).toBe('error.storageConflict');
    const quota = Object.assign(new Error('aborted'), { name: 'AbortError', inner: new DOMException('full', 'QuotaExceededError') });
    expect(isQuotaError(quota)).toBe(true);
    expect(errorText(quota).key).toBe('error.storageFull');
    expect(describeError('en', constraint)).not.toMatch(/ConstraintError|index/);
    expect(describeError('zh-TW', constraint)).toContain('已輸入的資料仍保留');
  });

  it('recognises a quota error directly and wrapped the way Dexie wraps it', () => {
    const domError = new DOMException('full', 'QuotaExceededError');
    expect(isQuotaError(domError)).toBe(true);
    expect(isQuotaError({ name: 'AbortError', inner: domError })).toBe(true);
    expect(isQuotaError(new Error('case missing'))).toBe(false);
  });

  it('tells a save refused for its case number in words, with what to do', () => {
    const usedUp = new CaseNumbersUsedUp('KL01', 115);
    expect(describeError('zh-TW', usedUp)).toMatch(/案件編號.*同步.*保留/);
    expect(describeError('en', usedUp)).toMatch(/no case numbers left.*sync.*kept/i);
    expect(describeError('zh-TW', new CaseNumberTaken('115-KL01-000001-7'))).toMatch(/已被另一案件使用/);
    expect(rejectionText('en', 'case_no_taken', '115-KL01-000001-7')).toContain('Case number 115-KL01-000001-7 already belongs to another case');
  });

  it('tells a locked device, a network failure and an unknown error apart, each with what to do next', () => {
    expect(errorText(new DeviceLockedError()).key).toBe('error.locked');
    expect(errorText(new NetworkError('Failed to fetch')).key).toBe('error.network');
    expect(errorText(new TypeError('Failed to fetch')).key).toBe('error.network');
    const unknown = new Error('x is undefined');
    expect(errorText(unknown).key).toBe('error.unknown');
    expect(describeError('en', unknown)).toBe('Something unexpected went wrong. What you entered is kept; try again, and call IT if it fails again.');
    expect(describeError('en', 'a thrown string')).not.toContain('a thrown string');
  });

  it('reads every refusal code of the sync in words, and an unknown one as a general refusal', () => {
    for (const code of rejectionCodes) {
      expect(rejectionText('zh-TW', code)).not.toContain(code);
      expect(rejectionText('en', code)).not.toBe(rejectionText('en', undefined));
    }
    expect(rejectionText('en', 'some_future_code')).toBe('The server did not accept this change.');
  });

  it('reads a stored server code, and anything else as an unreadable answer', () => {
    expect(serverErrorText('en', 'conflict')).toBe('Someone else has changed this meanwhile. Open it again and retry.');
    expect(serverErrorText('en', 'already has its outcome')).toContain("could not be read");
  });
});
