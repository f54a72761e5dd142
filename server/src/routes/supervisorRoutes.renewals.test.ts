import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseRecord } from '../../../shared/schemas/case';
import { renewalsResponseSchema } from '../../../shared/schemas/supervision';
import { hashPassword } from '../domain/password';
import { remindRenewals } from '../jobs/renewalReminders';
import { seedCaseWithHistory } from '../reports/seedCaseHistory';
import { seedDemoRenewal } from '../reports/seedDemoRenewal';
import { insertUser } from '../store/accountStore';
import { addMembership } from '../store/unitStore';
import { buildCaseRecord } from '../testing/caseFixtures';
import { errorOf, startTestServer, syncHeaders } from '../testing/testServer';
import type { TestServer } from '../testing/testServer';

const settings = { publicBaseUrl: 'https://kltb.example', bureauPhone: '(02) 2433-1888' };

/** The supervisor's list of grants running out within the month (主動服務), by the units they oversee. */
describe('renewals for the supervisor', () => {
  let server: TestServer;
  let director: string;
  let propertyChief: string;
  let clerk: string;
  let property: CaseRecord;

  beforeAll(async () => {
    server = await startTestServer();
    await insertUser(server.db, { username: 'chief.property', displayName: '財產稅科科長', roles: ['supervisor'], passwordHash: await hashPassword('chief-property-2026') });
    await addMembership(server.db, { unit: 'PROPERTY', username: 'chief.property', position: 'chief' });
    // A low-income house tax relief of the property tax section, running out on 2026-03-20.
    property = buildCaseRecord(950, {
      serviceId: 'HT-LOW-INCOME',
      status: 'approved',
      desk: {
        unit: 'PROPERTY',
        notes: [],
        decision: { outcome: 'approve', reasons: '符合', facts: { granted: '房屋稅減免', expiresOn: '2026-03-20' }, level: 'chief', decidedBy: 'supervisor', decidedOn: '2025-03-20' },
      },
    });
    await seedCaseWithHistory(server.db, property, [{ at: '2026-03-02T09:00:00+08:00', to: 'received' }]);
    // The demo's disability exemption (CONSUMPTION), twice: the second call adds nothing.
    await seedDemoRenewal(server.db, server.clock.now());
    await seedDemoRenewal(server.db, server.clock.now());
    director = await server.signIn({ username: 'supervisor', password: 'supervisor-demo-2026' });
    propertyChief = await server.signIn({ username: 'chief.property', password: 'chief-property-2026' });
    clerk = await server.signIn();
  });
  afterAll(() => server.close());

  const get = (token: string) => server.app.inject({ method: 'GET', url: '/v1/supervisor/renewals', headers: syncHeaders(token) });

  it('lists the approved grants running out within the month, with the reminder once the job has run', async () => {
    const before = renewalsResponseSchema.parse((await get(director)).json());
    expect(before).toMatchObject({ from: '2026-03-02', to: '2026-04-02' });
    expect(before.renewals.map((item) => [item.serviceId, item.unit, item.expiresOn, item.reminder])).toEqual([
      ['HT-LOW-INCOME', 'PROPERTY', '2026-03-20', null],
      ['VLT-DISABILITY', 'CONSUMPTION', '2026-03-22', null],
    ]);
    expect(before.renewals[1]).toMatchObject({ caseNo: expect.stringMatching(/^114-KLDEMO-000001-/), applicantMasked: '張○明', unitNameZh: '消費稅科' });

    expect(await remindRenewals(server.db, { ...settings, now: server.clock.now() })).toEqual({ due: 2, queued: 2 });
    const after = renewalsResponseSchema.parse((await get(director)).json());
    expect(after.renewals.map((item) => item.reminder)).toEqual(['pending', 'pending']);
  });

  it("gives a chief their units' renewals only, and refuses a clerk", async () => {
    const mine = renewalsResponseSchema.parse((await get(propertyChief)).json());
    expect(mine.renewals.map((item) => item.id)).toEqual([property.id]);
    expect(errorOf(await get(clerk)).code).toBe('forbidden');
  });
});
