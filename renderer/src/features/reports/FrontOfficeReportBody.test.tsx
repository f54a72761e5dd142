import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import type { FrontOfficeReport, QueueRow, SatisfactionAnalysis } from '../../../../shared/schemas/frontOfficeReport';

/**
 * The report and the monthly analysis as they render, in a saved language (the locale store reads the
 * saved choice when it loads; Node has no localStorage or document).
 */
async function render(locale: 'zh-TW' | 'en', element: 'report' | 'analysis'): Promise<string> {
  vi.resetModules();
  Object.assign(globalThis, { localStorage: { getItem: () => locale, setItem: () => undefined }, document: { documentElement: { lang: '' } } });
  if (element === 'report') {
    const { FrontOfficeReportBody } = await import('./FrontOfficeReportBody');
    return renderToStaticMarkup(createElement(FrontOfficeReportBody, { report }));
  }
  const { SatisfactionAnalysisPage } = await import('./SatisfactionAnalysisPage');
  return renderToStaticMarkup(createElement(SatisfactionAnalysisPage, { analysis }));
}

const row = (key: string, labelZh: string, labelEn: string, fields: Partial<QueueRow> = {}): QueueRow => ({
  key, labelZh, labelEn, issued: 3, served: 2, noShows: 1, noShowShare: 0.3333, waitMedian: 900, waitP90: 1620, serviceMedian: 660, serviceP90: 708,
  priority: 1, priorityOnTime: 1, priorityShare: 1, ...fields,
});
const rating = { id: '6f1c2f9e-7f36-4d64-9a47-1c6a3b8c0d11', caseNo: '115-KL01-000902-1', ratedAt: '2026-03-03T07:00:00.000Z', score: 1, source: 'survey' as const, comment: '態度不好', serviceZh: '房屋稅籍證明', serviceEn: 'House tax certificate', counter: 'KL02', clerk: 'wang' };
const report: FrontOfficeReport = {
  generatedAt: '2026-03-10T01:00:00.000Z',
  from: '2026-02-01',
  to: '2026-03-03',
  queue: {
    overall: row('all', '全部', 'All', { issued: 9, served: 7, noShowShare: 0.125, waitMedian: 420, waitP90: 1170, serviceMedian: 480, priority: 3, priorityShare: 0.3333 }),
    byHour: [row('09', '09:00–09:59', '09:00–09:59')],
    byGroup: [row('A', 'A 地價稅・房屋稅', 'A Land value tax and house tax', { priority: 0, priorityOnTime: 0, priorityShare: null })],
    byCounter: [row('2號櫃台', '2號櫃台', '2號櫃台')],
    byDay: [row('2026-03-02', '115/03/02', '2026-03-02')],
  },
  satisfaction: {
    overall: { key: 'all', labelZh: '全部', labelEn: 'All', count: 6, average: 3.33, satisfiedShare: 0.5 },
    byCounter: [{ key: 'KL01', labelZh: '1號櫃台 (KL01)', labelEn: '1號櫃台 (KL01)', count: 4, average: 4.25, satisfiedShare: 0.75 }],
    byClerk: [],
    byService: [],
    byMonth: [{ key: '2026-03', labelZh: '115年3月', labelEn: '2026-03', count: 4, average: 3, satisfiedShare: 0.5 }],
    comments: [rating],
    commentsCapped: false,
  },
};
const analysis: SatisfactionAnalysis = {
  generatedAt: '2026-03-10T01:00:00.000Z',
  month: '2026-03',
  previousMonth: '2026-02',
  overall: { key: '2026-03', labelZh: '115年3月', labelEn: '2026-03', count: 4, average: 3, satisfiedShare: 0.5, previousAverage: 4, change: -1 },
  previousCount: 2,
  distribution: [1, 2, 3, 4, 5].map((score) => ({ score, count: score === 3 ? 0 : 1, share: score === 3 ? 0 : 0.25 })),
  speedAverage: 1,
  courtesyAverage: 2,
  bySource: [{ key: 'counter', labelZh: '臨櫃評分', labelEn: 'At the counter', count: 3, average: 3.67, satisfiedShare: 0.6667, previousAverage: 3, change: 0.67 }],
  byService: [],
  byCounter: [],
  byClerk: [],
  lowRatings: [{ ...rating, comment: null }],
  lowRatingsCapped: false,
  complaints: [{ id: '0d3f4b1e-2a55-4c1e-8f0a-5b8c9d7e6f21', caseNo: '115-KL01-000902-1', openedAt: '2026-03-04T02:00:00.000Z', summary: '民眾反映態度', status: 'open', closedAt: null }],
};

describe('the front office report on screen', () => {
  it('states the overall figures and draws the waits by hour with their words as its text', async () => {
    const html = await render('zh-TW', 'report');
    expect(html).toContain('抽號 9 張，完成服務 7 張，過號未到 1 張（12.5%）');
    expect(html).toContain('等候時間中位數 7 分，90 百分位 19.5 分；服務時間中位數 8 分');
    expect(html).toContain('<strong>優先號 5 分鐘內叫號：33.3%（1 / 3 張）</strong>');
    expect(html).toContain('aria-label="各時段等候時間（分鐘）：09:00–09:59 中位數 15 分, 90 百分位 27 分"');
    expect(html).toContain('aria-label="每月平均滿意度（1–5 分）：115年3月 3"');
  });

  it('maps each row to its cells: minutes, no-shows with their share, priority within 5 minutes', async () => {
    const html = await render('zh-TW', 'report');
    expect(html).toContain('<caption>按櫃台</caption>');
    expect(html).toContain('<th scope="row">2號櫃台</th><td>3</td><td>2</td><td>1 (33.3%)</td><td>15 分</td><td>27 分</td><td>11 分</td><td>11.8 分</td><td>100% (1/1)</td>');
    expect(html).toContain('<th scope="row">A 地價稅・房屋稅</th><td>3</td><td>2</td><td>1 (33.3%)</td><td>15 分</td><td>27 分</td><td>11 分</td><td>11.8 分</td><td>—</td>');
    expect(html).toContain('<th scope="row">1號櫃台 (KL01)</th><td>4</td><td>4.25</td><td>75%</td>');
    expect(html).toContain('<th scope="row">115/03/03 15:00</th><td>1</td><td>態度不好</td><td>房屋稅籍證明</td><td>KL02</td><td>wang</td><td>115-KL01-000902-1</td>');
  });

  it('speaks English when chosen', async () => {
    const html = await render('en', 'report');
    expect(html).toContain('Tickets: 9 issued, 7 served, 1 did not come when called (12.5%)');
    expect(html).toContain('<th scope="row">A Land value tax and house tax</th>');
    expect(html).toContain('<td>15 min</td>');
    expect(html).toContain('<td>House tax certificate</td>');
  });
});

describe('the monthly analysis page', () => {
  it('sets the month beside the previous one, the spread, the low ratings and the complaints', async () => {
    const html = await render('zh-TW', 'analysis');
    expect(html).toContain('<h4 class="notice-title">115年3月 民眾滿意度調查分析報告</h4>');
    expect(html).toContain('本月評分 4 筆（上月 2 筆），平均 3.00 分（上月 4.00 分，-1.00），滿意（4–5 分）50%。');
    expect(html).toContain('結案問卷：處理速度 1.00 分，服務態度 2.00 分。');
    expect(html).toContain('<th scope="row">3 分</th><td>0</td><td>0%</td>');
    expect(html).toContain('<th scope="row">臨櫃評分</th><td>3</td><td>3.67</td><td>3.00</td><td>+0.67</td><td>66.7%</td>');
    expect(html).toContain('<td>（未留意見）</td>');
    expect(html).toContain('<th scope="row">115-KL01-000902-1</th><td>115/03/04 10:00</td><td>民眾反映態度</td><td>處理中</td>');
  });
});

describe('the choices of period and month', () => {
  it('refuses a period that ends before it starts or runs over 366 days, beside its end', async () => {
    await render('zh-TW', 'report');
    const { periodProblem } = await import('./FrontOfficeReports');
    expect(periodProblem({ from: '2026-03-04', to: '2026-03-03' })).toEqual({ zh: '迄日早於起日', en: 'The period ends before it starts' });
    expect(periodProblem({ from: '2025-03-02', to: '2026-03-03' })?.en).toBe('A report covers at most 366 days');
    expect(periodProblem({ from: '2025-03-03', to: '2026-03-03' })).toBeUndefined();
    expect(periodProblem({ from: '', to: '2026-03-03' })).toBeUndefined();
  });

  it('offers the last 24 months, this one first', async () => {
    await render('zh-TW', 'report');
    const { monthChoices } = await import('./SatisfactionAnalysisView');
    const months = monthChoices('2026-03-10');
    expect(months.slice(0, 4)).toEqual(['2026-03', '2026-02', '2026-01', '2025-12']);
    expect(months).toHaveLength(24);
    expect(months.at(-1)).toBe('2024-04');
  });
});
