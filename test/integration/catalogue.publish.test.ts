import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultCatalogue, documentLabel, findService } from '../../shared/domain/catalogue';
import type { Service } from '../../shared/domain/catalogue';
import { versionsOf } from '../../shared/domain/caseDueDate';
import type { CaseReference } from '../../shared/domain/caseDueDate';
import { rocYearAt } from '../../shared/domain/caseNumberBlocks';
import { findCaseById } from '../../server/src/store/caseStore';
import { createCase } from '../../renderer/src/db/caseStore';
import { listRejectedMutations } from '../../renderer/src/db/outbox';
import { fetchEditing, publishDraft, saveDraft } from '../../renderer/src/features/catalogueEditor/catalogueEditorApi';
import { buildCaseRecord, intakeContextAt } from '../../renderer/src/features/intake/buildCase';
import { heldReference, refreshReferenceData, resetReferenceData } from '../../renderer/src/lib/referenceData';
import { startWorld, type SimDevice, type World } from './support/syncWorld';

/**
 * A limit edited in the supervisor's editor and published reaches another counter at its next sync: the
 * counter's next intake is due by the new limit and the server agrees; the case it took in before keeps
 * its due date and the catalogue version it was computed with (decision 0028).
 */
describe('a published catalogue edit on another counter', () => {
  let world: World;
  let supervisor: SimDevice;
  let counter: SimDevice;

  beforeAll(async () => {
    world = await startWorld();
    supervisor = await world.addDevice({ username: 'supervisor', direct: true });
    counter = await world.addDevice({ direct: true });
    resetReferenceData();
  });
  afterAll(async () => {
    resetReferenceData();
    await world.close();
  });

  const refresh = () => refreshReferenceData({ serverUrl: counter.serverUrl, token: counter.token, headers: counter.headers }, counter.db);

  /** The counter's intake of `service` today with every document given, as the intake form builds it. */
  async function takeIn(service: Service, reference: CaseReference) {
    const rocYear = rocYearAt(new Date());
    const context = { ...intakeContextAt(new Date(), counter.stationCode, 'clerk'), rocYear };
    const states = Object.fromEntries(service.documents.map((doc) => [documentLabel(doc), 'provided'] as const));
    const values = { serviceId: service.id, kind: 'person' as const, idNumber: 'A123456789', idKind: 'nationalId' as const, name: '王大明', phone: '0912345678', service, states, commonDocuments: [], reference };
    return createCase({ stationCode: counter.stationCode, rocYear, build: (n) => buildCaseRecord(values, context, n) }, counter.db);
  }

  it('changes the due date of the next case only', { timeout: 60_000 }, async () => {
    await refresh();
    const before = heldReference();
    const service = findService(before.catalogue, 'LVT-SELF-USE');
    if (!service) throw new Error('LVT-SELF-USE is missing');
    const earlier = await takeIn(service, before);
    await counter.sync();

    const api = { serverUrl: supervisor.serverUrl, token: supervisor.token, headers: supervisor.headers };
    const { catalogue } = await fetchEditing(api);
    const services = catalogue.services.map((s) => (s.id === service.id ? { ...s, limit: { days: service.limit.days + 10, basis: 'working' as const } } : s));
    await saveDraft(api, { ...catalogue, services });
    const { version } = await publishDraft(api);
    expect(version).not.toBe(defaultCatalogue.version);

    await refresh();
    const after = heldReference();
    expect(after.catalogue.version).toBe(version);
    const editedService = findService(after.catalogue, service.id);
    if (!editedService) throw new Error('the published catalogue lost the service');
    const next = await takeIn(editedService, after);
    expect(next.dueDate > earlier.dueDate).toBe(true);
    await counter.sync();
    expect(await listRejectedMutations(counter.db)).toEqual([]);

    expect((await findCaseById(world.db, next.id))?.record).toMatchObject({ dueDate: next.dueDate, versions: versionsOf(after) });
    expect((await findCaseById(world.db, earlier.id))?.record).toMatchObject({ dueDate: earlier.dueDate, versions: versionsOf(before) });
  });
});
