import { describe, expect, it } from 'vitest';
import { ApiError } from '../../sync/api';
import { petitionRefusalOf, petitionTextProblem, prefilledSummary } from './petitionForms';

describe('the complaint forms', () => {
  it('start a summary from the citizen’s comment, or from the score when there is none', () => {
    expect(prefilledSummary({ comment: ' 等候太久 ', score: 1 }, 'zh-TW')).toBe('等候太久');
    expect(prefilledSummary({ comment: null, score: 2 }, 'zh-TW')).toBe('民眾評分 2 分，未留意見。');
    expect(prefilledSummary({ comment: null, score: 2 }, 'en')).toBe('The citizen rated 2 and left no comment.');
  });

  it('say beside the field, in both languages, what keeps a text from being sent', () => {
    expect(petitionTextProblem('  ', 'summary')).toEqual({ zh: '請填寫陳情摘要。', en: 'Write a summary of the complaint.' });
    expect(petitionTextProblem('', 'resolution')?.en).toBe('Write how the complaint was resolved.');
    expect(petitionTextProblem('字'.repeat(1001), 'summary')?.zh).toBe('陳情摘要最多 1000 字。');
    expect(petitionTextProblem('表格\t貼上', 'resolution')).toBeDefined();
    expect(petitionTextProblem('第一行\n第二行', 'resolution')).toBeUndefined();
  });

  it('read the server’s refusals in the form’s own words', () => {
    expect(petitionRefusalOf('summary')(new ApiError(409, 'conflict', 'has one'))).toEqual({ key: 'ratings.petitionExists' });
    expect(petitionRefusalOf('resolution')(new ApiError(409, 'conflict', 'closed'))).toEqual({ key: 'ratings.petitionWasClosed' });
    expect(petitionRefusalOf('summary')(new ApiError(400, 'validation_failed', 'bad'))).toEqual({ field: 'summary', key: 'ratings.summaryRequired' });
    expect(petitionRefusalOf('summary')(new ApiError(403, 'forbidden', 'no'))).toBeUndefined();
  });
});
