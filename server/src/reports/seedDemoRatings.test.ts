import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ratingAlertsSchema } from '../../../shared/schemas/visitRating';
import { startTestServer, syncHeaders } from '../testing/testServer';
import type { TestServer } from '../testing/testServer';
import { seedDemoRatings } from './seedDemoRatings';
import { seedDemoRenewal } from './seedDemoRenewal';

describe('the demo ratings', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('rate the demo case once, add one low rating a day, and give the demo supervisor an alert', async () => {
    await seedDemoRatings(server.db, server.clock.now());
    const count = async () => (await server.db.query<{ source: string; score: number }>('SELECT source, score FROM visit_ratings ORDER BY rated_at')).rows;
    // Without the demo case there is nothing to rate.
    expect(await count()).toEqual([]);
    await seedDemoRenewal(server.db, server.clock.now());
    await seedDemoRatings(server.db, server.clock.now());
    await seedDemoRatings(server.db, server.clock.now());
    expect(await count()).toEqual([{ source: 'counter', score: 5 }, { source: 'survey', score: 4 }, { source: 'counter', score: 2 }]);
    server.clock.advance(24 * 3_600_000);
    await seedDemoRatings(server.db, server.clock.now());
    expect((await count()).filter((row) => row.score <= 2)).toHaveLength(2);

    const supervisor = await server.signIn({ username: 'supervisor', password: 'supervisor-demo-2026' });
    const alerts = ratingAlertsSchema.parse((await server.app.inject({ method: 'GET', url: '/v1/supervisor/ratings/alerts', headers: syncHeaders(supervisor) })).json());
    expect(alerts.ratings.map((rating) => [rating.score, rating.stationCode, rating.comment])).toEqual([
      [2, 'KLDEMO', '等候時間太長，櫃台對免稅資格的說明也不夠清楚。'],
      [2, 'KLDEMO', '等候時間太長，櫃台對免稅資格的說明也不夠清楚。'],
    ]);
  });
});
