import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../testing/testServer';
import type { TestServer } from '../testing/testServer';
import { demoQueueDay } from './demoQueueDay';
import { buildFrontOfficeReport } from './frontOfficeReport';
import { buildSatisfactionAnalysis } from './satisfactionAnalysis';
import { seedDemoFrontOffice } from './seedDemoFrontOffice';

describe('the demo front office', () => {
  let server: TestServer;
  const now = new Date('2026-03-10T02:00:00Z');

  beforeAll(async () => {
    server = await startTestServer();
    await seedDemoFrontOffice(server.db, now);
  });
  afterAll(() => server.close());

  it('makes the same day the same way every time', () => {
    const day = demoQueueDay('2026-03-02');
    expect(demoQueueDay('2026-03-02')).toEqual(day);
    expect(day.length).toBeGreaterThan(50);
    expect(new Set(day.map((ticket) => ticket.number)).size).toBe(day.length);
    expect(day.every((ticket) => (ticket.calledAt ?? '') >= ticket.issuedAt && (ticket.finishedAt ?? '') > (ticket.calledAt ?? ''))).toBe(true);
  });

  it("fills the last 60 days' office days, not today, and a second start adds nothing", async () => {
    const count = async () =>
      (await server.db.query<{ tickets: number; days: number; today: number; ratings: number; petitions: number; unseen: number }>(
        `SELECT (SELECT count(*)::int FROM queue_tickets) AS tickets, (SELECT count(DISTINCT office_day)::int FROM queue_tickets) AS days,
                (SELECT count(*)::int FROM queue_tickets WHERE office_day = '2026-03-10') AS today,
                (SELECT count(*)::int FROM visit_ratings) AS ratings, (SELECT count(*)::int FROM petitions) AS petitions,
                (SELECT count(*)::int FROM visit_ratings WHERE score <= 2 AND acknowledged_at IS NULL) AS unseen`,
      )).rows[0];
    const first = await count();
    // No past low rating waits in the supervisor's alerts.
    expect(first).toMatchObject({ today: 0, petitions: 2, unseen: 0 });
    // 2026-01-09 … 2026-03-09 less weekends and the Lunar New Year holidays.
    expect(first?.days).toBeGreaterThan(30);
    expect(first?.days).toBeLessThan(43);
    await seedDemoFrontOffice(server.db, now);
    expect(await count()).toEqual(first);
  });

  it("gives the demo supervisor a report and a monthly analysis with figures", async () => {
    const report = await buildFrontOfficeReport(server.db, { from: '2026-02-01', to: '2026-03-09' }, { now, units: 'all' });
    expect(report.queue.overall.issued).toBeGreaterThan(1000);
    expect(report.queue.overall.priorityShare).toBeGreaterThan(0.7);
    expect(report.queue.byCounter.map((row) => row.key)).toEqual(['1號櫃台', '2號櫃台', '3號櫃台', '免下車', '愛心櫃台']);
    expect(report.satisfaction.overall.count).toBeGreaterThan(50);
    expect(report.satisfaction.byClerk.map((row) => row.labelZh)).toEqual(['示範櫃台人員 / Demo clerk', '示範主管 / Demo supervisor']);
    expect(report.satisfaction.comments.length).toBeGreaterThan(10);
    const analysis = await buildSatisfactionAnalysis(server.db, '2026-02', { now, units: 'all' });
    expect(analysis.overall.count).toBeGreaterThan(30);
    expect(analysis.byService).toHaveLength(6);
    expect(analysis.lowRatings.length).toBeGreaterThan(0);
  });
});
