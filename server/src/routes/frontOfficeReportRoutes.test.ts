import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { frontOfficeReportSchema, satisfactionAnalysisSchema } from '../../../shared/schemas/frontOfficeReport';
import type { QueueRow } from '../../../shared/schemas/frontOfficeReport';
import { CHIEF, seedFrontOfficeFixture } from '../testing/frontOfficeFixture';
import type { FrontOfficeFixture } from '../testing/frontOfficeFixture';
import { startTestServer, syncHeaders } from '../testing/testServer';
import type { TestServer } from '../testing/testServer';

/**
 * The figures of testing/frontOfficeFixture.ts, worked out by hand. percentile_cont interpolates:
 * of n sorted values, the fraction f lies at position (n − 1)·f.
 */
describe('front office report figures', () => {
  let server: TestServer;
  let fixture: FrontOfficeFixture;
  let director: string;
  let chief: string;

  beforeAll(async () => {
    server = await startTestServer();
    fixture = await seedFrontOfficeFixture(server);
    server.clock.advance(8 * 24 * 60 * 60 * 1000); // 2026-03-10
    director = await server.signIn({ username: 'supervisor', password: 'supervisor-demo-2026' });
    chief = await server.signIn(CHIEF);
  });
  afterAll(() => server.close());

  const report = async (token: string, query = 'from=2026-02-01&to=2026-03-03') => {
    const response = await server.app.inject({ method: 'GET', url: `/v1/reports/front-office?${query}`, headers: syncHeaders(token) });
    expect(response.statusCode).toBe(200);
    return frontOfficeReportSchema.parse(response.json());
  };
  const figures = (row: QueueRow | undefined) =>
    row && [row.issued, row.served, row.noShows, row.noShowShare, row.waitMedian, row.waitP90, row.serviceMedian, row.serviceP90, row.priority, row.priorityOnTime, row.priorityShare];

  it('gives waits and service times as medians and 90th percentiles, overall and by hour of issue', async () => {
    const { queue } = await report(director);
    // Waits of the 8 called: 0 120 180 240 600 600 900 1800 → median (240+600)/2, p90 900 + 0.3·900.
    // Service of the 7 done: 300 300 300 480 600 600 720 → 480, 600 + 0.4·120.
    // Priority: B001 called in 3 min, A003 in 10, D001 never: 1 of 3.
    expect(figures(queue.overall)).toEqual([9, 7, 1, 0.125, 420, 1170, 480, 648, 3, 1, 0.3333]);
    expect(queue.byHour.map((row) => row.key)).toEqual(['09', '10', '11', '16']);
    expect(figures(queue.byHour[0])).toEqual([5, 5, 0, 0, 240, 1320, 600, 672, 1, 1, 1]);
    expect(figures(queue.byHour[1])).toEqual([2, 1, 1, 0.5, 750, 870, 300, 300, 1, 0, 0]);
    expect(figures(queue.byHour[2])).toEqual([1, 1, 0, 0, 0, 0, 300, 300, 0, 0, null]);
    expect(figures(queue.byHour[3])).toEqual([1, 0, 0, null, null, null, null, null, 1, 0, 0]);
    expect(queue.byHour[0]).toMatchObject({ labelZh: '09:00–09:59' });
  });

  it('gives the same by group, by counter (the label it was called under) and by office day', async () => {
    const { queue } = await report(director);
    expect(queue.byGroup.map((row) => [row.key, row.labelZh])).toEqual([
      ['A', 'A 地價稅・房屋稅'],
      ['B', 'B 土地增值稅・契稅'],
      ['C', 'C 使用牌照稅'],
      ['D', 'D 娛樂稅・印花稅・綜合服務'],
      ['L', 'L 免下車服務'],
    ]);
    expect(figures(queue.byGroup[0])).toEqual([3, 3, 0, 0, 600, 600, 300, 540, 1, 0, 0]);
    expect(figures(queue.byGroup[1])).toEqual([2, 1, 1, 0.5, 540, 828, 720, 720, 1, 1, 1]);
    expect(figures(queue.byGroup[3])).toEqual([2, 1, 0, 0, 0, 0, 300, 300, 1, 0, 0]);
    // The waiting D001 was never called: in no counter.
    expect(queue.byCounter.map((row) => row.key)).toEqual(['1號櫃台', '2號櫃台', '免下車']);
    expect(figures(queue.byCounter[0])).toEqual([4, 4, 0, 0, 420, 600, 300, 510, 1, 0, 0]);
    expect(figures(queue.byCounter[1])).toEqual([3, 2, 1, 0.3333, 900, 1620, 660, 708, 1, 1, 1]);
    expect(queue.byDay.map((row) => [row.key, row.labelZh])).toEqual([
      ['2026-03-02', '115/03/02'],
      ['2026-03-03', '115/03/03'],
    ]);
    expect(figures(queue.byDay[0])).toEqual([5, 4, 1, 0.2, 600, 780, 450, 684, 2, 1, 0.5]);
    expect(figures(queue.byDay[1])).toEqual([4, 3, 0, 0, 120, 1464, 480, 576, 1, 0, 0]);
  });

  it('averages the ratings by counter, clerk, service and month, with the comments newest first', async () => {
    const { satisfaction } = await report(director);
    const rows = (list: readonly { key: string; labelZh: string; count: number; average: number | null; satisfiedShare: number | null }[]) =>
      list.map((row) => [row.key, row.labelZh, row.count, row.average, row.satisfiedShare]);
    expect(rows([satisfaction.overall])).toEqual([['all', '全部', 6, 3.33, 0.5]]);
    expect(rows(satisfaction.byCounter)).toEqual([
      ['KL01', '1號櫃台 (KL01)', 4, 4.25, 0.75],
      ['KL02', 'KL02', 2, 1.5, 0],
    ]);
    expect(rows(satisfaction.byClerk)).toEqual([
      ['clerk', '示範櫃台人員 / Demo clerk', 4, 4.25, 0.75],
      ['wang', 'wang', 2, 1.5, 0],
    ]);
    expect(satisfaction.byService.map((row) => [row.key, row.count, row.average])).toEqual([
      ['GEN-CERT', 2, 1.5],
      ['LVT-SELF-USE', 4, 4.25],
    ]);
    expect(rows(satisfaction.byMonth)).toEqual([
      ['2026-02', '115年2月', 2, 4, 0.5],
      ['2026-03', '115年3月', 4, 3, 0.5],
    ]);
    expect(satisfaction.comments.map((c) => [c.id, c.comment, c.caseNo, c.counter, c.score])).toEqual([
      [fixture.ratings.R4, '態度不好', fixture.serviceCase.caseNo, 'KL02', 1],
      [fixture.ratings.R3, '=等太久', fixture.serviceCase.caseNo, 'KL02', 2],
      [fixture.ratings.R1, '很快', fixture.propertyCase.caseNo, '1號櫃台 (KL01)', 5],
      [fixture.ratings.R5, 'ok', fixture.propertyCase.caseNo, '1號櫃台 (KL01)', 3],
    ]);
    expect(satisfaction.commentsCapped).toBe(false);
  });

  it("shows a unit's chief the ratings of their units' cases only, and the whole hall's queue", async () => {
    const report_ = await report(chief);
    expect(report_.queue.overall.issued).toBe(9);
    expect(report_.satisfaction.overall).toMatchObject({ count: 4, average: 4.25 });
    expect(report_.satisfaction.byCounter.map((row) => row.key)).toEqual(['KL01']);
    expect(report_.satisfaction.comments.map((c) => c.id)).toEqual([fixture.ratings.R1, fixture.ratings.R5]);
    expect(JSON.stringify(report_)).not.toContain(fixture.serviceCase.caseNo);
  });

  it('analyses a month beside the previous one: spread, sources, low ratings and complaints', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/v1/reports/satisfaction-analysis?month=2026-03', headers: syncHeaders(director) });
    expect(response.statusCode).toBe(200);
    const analysis = satisfactionAnalysisSchema.parse(response.json());
    expect(analysis).toMatchObject({ month: '2026-03', previousMonth: '2026-02', previousCount: 2, speedAverage: 1, courtesyAverage: 2 });
    expect(analysis.overall).toMatchObject({ count: 4, average: 3, previousAverage: 4, change: -1, satisfiedShare: 0.5, labelZh: '115年3月' });
    expect(analysis.distribution.map((d) => [d.score, d.count, d.share])).toEqual([[1, 1, 0.25], [2, 1, 0.25], [3, 0, 0], [4, 1, 0.25], [5, 1, 0.25]]);
    const changes = (list: typeof analysis.bySource) => list.map((row) => [row.key, row.count, row.average, row.previousAverage, row.change]);
    expect(changes(analysis.bySource)).toEqual([['counter', 3, 3.67, 3, 0.67], ['survey', 1, 1, 5, -4]]);
    expect(analysis.bySource[0]?.labelZh).toBe('臨櫃評分');
    expect(changes(analysis.byService)).toEqual([['GEN-CERT', 2, 1.5, null, null], ['LVT-SELF-USE', 2, 4.5, 4, 0.5]]);
    expect(changes(analysis.byClerk)).toEqual([['clerk', 2, 4.5, 4, 0.5], ['wang', 2, 1.5, null, null]]);
    expect(analysis.lowRatings.map((r) => [r.id, r.score, r.comment])).toEqual([[fixture.ratings.R4, 1, '態度不好'], [fixture.ratings.R3, 2, '=等太久']]);
    expect(analysis.complaints.map((c) => [c.caseNo, c.summary, c.status])).toEqual([[fixture.serviceCase.caseNo, '民眾反映態度', 'open']]);
  });

  it("gives a unit's chief the month of their units only", async () => {
    const response = await server.app.inject({ method: 'GET', url: '/v1/reports/satisfaction-analysis?month=2026-03', headers: syncHeaders(chief) });
    const analysis = satisfactionAnalysisSchema.parse(response.json());
    expect(analysis.overall).toMatchObject({ count: 2, average: 4.5 });
    expect(analysis.lowRatings).toEqual([]);
    expect(analysis.complaints).toEqual([]);
  });

  it('answers an empty period with empty figures, and by default the last 30 days', async () => {
    const empty = await report(director, 'from=2025-01-01&to=2025-01-31');
    expect(figures(empty.queue.overall)).toEqual([0, 0, 0, null, null, null, null, null, 0, 0, null]);
    expect(empty.satisfaction.overall).toMatchObject({ count: 0, average: null, satisfiedShare: null });
    const latest = await report(director, '');
    expect([latest.from, latest.to]).toEqual(['2026-02-09', '2026-03-10']);
    expect(latest.queue.overall.issued).toBe(10);
  });
});
