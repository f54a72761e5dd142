import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultCalendar } from '../../../shared/domain/calendar';
import { catalogueSchema, defaultCatalogue } from '../../../shared/domain/catalogue';
import type { Catalogue } from '../../../shared/domain/catalogue';
import { intakeDueDate } from '../../../shared/domain/caseDueDate';
import { catalogueEditingSchema, cataloguePreviewSchema, cataloguePublishedSchema } from '../../../shared/schemas/catalogueEditor';
import { findCaseById } from '../store/caseStore';
import { buildCaseRecord, createCaseMutation } from '../testing/caseFixtures';
import { deviceHeaders, errorOf, otherDevice, startTestServer, syncHeaders } from '../testing/testServer';
import type { TestServer } from '../testing/testServer';

describe('catalogue editing for the bureau', () => {
  let server: TestServer;
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    server = await startTestServer();
    for (const [username, password] of [
      ['admin', 'admin-demo-2026'],
      ['clerk', 'clerk-demo-2026'],
      ['officer', 'officer-demo-2026'],
      ['supervisor', 'supervisor-demo-2026'],
    ] as const) {
      tokens.set(username, await server.signIn({ username, password }));
    }
  });
  afterAll(() => server.close());

  const call = (who: string, method: 'GET' | 'PUT' | 'POST' | 'DELETE', url: string, payload?: unknown) =>
    server.app.inject({ method, url, headers: syncHeaders(tokens.get(who) ?? ''), ...(payload === undefined ? {} : { payload: payload as object }) });
  const auditActions = async () =>
    (await server.db.query<{ action: string; user_name: string }>("SELECT action, user_name FROM audit_log WHERE action LIKE 'catalogue.%' ORDER BY seq")).rows;
  const editing = async () => catalogueEditingSchema.parse((await call('supervisor', 'GET', '/v1/catalogue-editor')).json());
  const draftOf = (catalogue: Catalogue) => ({ services: catalogue.services, commonDocuments: catalogue.commonDocuments, deadlineRules: catalogue.deadlineRules });

  it('refuses the clerk, the officer and the administrator every step with 403', async () => {
    for (const who of ['clerk', 'officer', 'admin']) {
      for (const [method, url, payload] of [
        ['GET', '/v1/catalogue-editor', undefined],
        ['PUT', '/v1/catalogue-editor/draft', draftOf(defaultCatalogue)],
        ['GET', '/v1/catalogue-editor/preview', undefined],
        ['POST', '/v1/catalogue-editor/publish', {}],
        ['POST', '/v1/catalogue-editor/import', { format: 'csv', content: '' }],
        ['GET', '/v1/catalogue-editor/export?format=csv', undefined],
        ['DELETE', '/v1/catalogue-editor/draft', undefined],
      ] as const) {
        const response = await call(who, method, url, payload);
        expect(response.statusCode, `${who} ${method} ${url}`).toBe(403);
      }
    }
    expect((await server.db.query('SELECT 1 FROM catalogue_draft')).rows).toEqual([]);
  });

  it('refuses a bad draft with 400 naming the path of each problem, and keeps no draft', async () => {
    const services = defaultCatalogue.services.map((s, i) => (i === 0 ? { ...s, limit: { days: 0, basis: 'working' } } : i === 1 ? { ...s, nameZh: '' } : s));
    const response = await call('supervisor', 'PUT', '/v1/catalogue-editor/draft', { ...draftOf(defaultCatalogue), services });
    expect(response.statusCode).toBe(400);
    expect(errorOf(response).code).toBe('validation_failed');
    const paths = (response.json() as { error: { issues: { path: string }[] } }).error.issues.map((issue) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(['services.0.limit', 'services.1.nameZh']));
    expect((await editing()).draft).toBeUndefined();
  });

  it('edits a limit, previews the change field by field, publishes the next version to devices and changes the due date of the next case only', async () => {
    const before = await editing();
    expect(before.catalogue.version).toBe(defaultCatalogue.version);
    // A case taken in on the published version before the edit.
    const clerk = { token: tokens.get('clerk') ?? '', clientId: randomUUID() };
    const reference = (catalogue: Catalogue) => ({ catalogue, calendar: defaultCalendar });
    const earlierFacts = buildCaseRecord(701, { versions: { catalogue: defaultCatalogue.version, calendar: defaultCalendar.version } });
    const earlier = { ...earlierFacts, dueDate: intakeDueDate(earlierFacts, reference(defaultCatalogue)) };
    expect((await server.push(clerk.token, clerk.clientId, [createCaseMutation(1, earlier)])).results[0]).toMatchObject({ status: 'applied' });

    const edited = before.catalogue.services.map((s) => (s.id === 'LVT-SELF-USE' ? { ...s, limit: { days: 20, basis: 'working' as const }, source: '本局處理期限表 2026', verified: true } : s));
    const saved = await call('supervisor', 'PUT', '/v1/catalogue-editor/draft', { ...draftOf(before.catalogue), services: edited });
    expect(saved.statusCode).toBe(200);
    expect(catalogueEditingSchema.parse(saved.json()).draft).toMatchObject({ basedOn: defaultCatalogue.version, editedBy: 'supervisor' });

    const preview = cataloguePreviewSchema.parse((await call('supervisor', 'GET', '/v1/catalogue-editor/preview')).json());
    expect(preview.diff.added).toEqual([]);
    expect(preview.diff.removed).toEqual([]);
    expect(preview.diff.changed).toEqual([
      {
        id: 'LVT-SELF-USE',
        nameZh: '地價稅自用住宅用地優惠稅率申請',
        fields: expect.arrayContaining([
          { field: 'limit', before: { days: 12, basis: 'working' }, after: { days: 20, basis: 'working' } },
          { field: 'source', before: expect.any(String), after: '本局處理期限表 2026' },
        ]),
      },
    ]);

    const published = await call('supervisor', 'POST', '/v1/catalogue-editor/publish', {});
    expect(published.statusCode).toBe(201);
    const { version } = cataloguePublishedSchema.parse(published.json());
    expect(version).toBe('2026.3');
    expect((await editing()).draft).toBeUndefined();
    expect((await call('supervisor', 'POST', '/v1/catalogue-editor/publish', {})).statusCode).toBe(404);

    // A second device, at its next sync, gets the new version, and its next intake is due later.
    const pulled = await server.app.inject({ method: 'GET', url: '/v1/catalogue', headers: { ...deviceHeaders(otherDevice.id), 'if-none-match': `"${defaultCatalogue.version}"` } });
    expect(pulled.statusCode).toBe(200);
    const newCatalogue = catalogueSchema.parse(pulled.json());
    expect(newCatalogue.version).toBe(version);
    expect(Date.parse(newCatalogue.publishedAt)).toBeGreaterThan(Date.parse(defaultCatalogue.publishedAt));
    expect(newCatalogue.services.find((s) => s.id === 'LVT-SELF-USE')?.limit).toEqual({ days: 20, basis: 'working' });

    const secondToken = await server.signIn({ username: 'clerk', password: 'clerk-demo-2026', deviceId: otherDevice.id });
    const nextFacts = buildCaseRecord(702, { stationCode: 'KL02', versions: { catalogue: version, calendar: defaultCalendar.version } });
    const next = { ...nextFacts, dueDate: intakeDueDate(nextFacts, reference(newCatalogue)) };
    expect(next.dueDate).not.toBe(earlier.dueDate);
    expect((await server.push(secondToken, randomUUID(), [createCaseMutation(1, next)])).results[0]).toMatchObject({ status: 'applied' });
    expect((await findCaseById(server.db, next.id))?.record.dueDate).toBe(next.dueDate);
    expect((await findCaseById(server.db, earlier.id))?.record.dueDate).toBe(earlier.dueDate);

    expect(await auditActions()).toEqual([
      { action: 'catalogue.draft-save', user_name: 'supervisor' },
      { action: 'catalogue.preview', user_name: 'supervisor' },
      { action: 'catalogue.publish', user_name: 'supervisor' },
    ]);
  });

  it('refuses to publish a draft begun before another version was published (409)', async () => {
    const { catalogue } = await editing();
    expect((await call('supervisor', 'PUT', '/v1/catalogue-editor/draft', draftOf(catalogue))).statusCode).toBe(200);
    await server.db.query("UPDATE catalogue_draft SET based_on = '2026.1'");
    const refused = await call('supervisor', 'POST', '/v1/catalogue-editor/publish', {});
    expect(refused.statusCode).toBe(409);
    expect(errorOf(refused).code).toBe('conflict');
    expect((await call('supervisor', 'DELETE', '/v1/catalogue-editor/draft')).statusCode).toBe(200);
    expect((await editing()).draft).toBeUndefined();
  });
});
