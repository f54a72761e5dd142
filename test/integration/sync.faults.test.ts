import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultCatalogue, findService } from '../../shared/domain/catalogue';
import { planCaseAction, stepForTransition } from '../../shared/domain/caseDesk';
import type { DeskActor } from '../../shared/domain/caseDesk';
import { allowedTransitions } from '../../shared/domain/lifecycle';
import { taipeiDate } from '../../shared/domain/rocDate';
import type { Role } from '../../shared/schemas/auth';
import type { CaseRecord, CaseStatus } from '../../shared/schemas/case';
import { inScope, scopeOfActor } from '../../server/src/authz/caseScope';
import { findCasesByIds } from '../../server/src/store/caseStore';
import { membershipsOf } from '../../server/src/store/unitStore';
import { intakeFields } from '../../shared/sync/protocol';
import { setCaseField, transitionCase } from '../../renderer/src/db/caseStore';
import { addDocument, uploadsTable } from '../../renderer/src/db/documentStore';
import { localCaseSchema } from '../../renderer/src/db/records';
import { seededRandom } from '../../shared/domain/seededRandom';
import { faultKinds, startFaultProxy, type FaultProxy } from './support/faultProxy';
import { startWorld, syncUntilClean, type SimDevice, type World } from './support/syncWorld';
import { answeredThrough, effectiveState } from '../../renderer/src/db/outboxProgress';

const SEED = Number(process.env.COUNTERDESK_SYNC_SEED ?? 20260302);
const OPERATIONS = 2_000;
const FAULT_RATE = 0.2;

/**
 * The rejections a device may legitimately get when it acted on a stale copy (the case moved on, or its
 * desk did: a proposal now waits for a decision the officer may not make, or the case went to another
 * person's desk and so left this device's scope, decision 0030); anything else is a bug.
 */
const expectedRejections = new Set(['case_closed', 'invalid_transition', 'forbidden_transition', 'step_not_allowed', 'level_not_allowed', 'out_of_scope']);

/** The transitions the desk allows this person on the device's own copy, as the device offers them. */
function offeredTransitions(local: CaseRecord, actor: DeskActor, role: Role): CaseStatus[] {
  const now = new Date();
  const context = { now: now.toISOString(), today: taipeiDate(now), service: findService(defaultCatalogue, local.serviceId) };
  return allowedTransitions(local.status, role).filter((to) => {
    const step = stepForTransition(local, to, REASON, context.today);
    return step !== undefined && planCaseAction(local, step, actor, context).ok;
  });
}
const REASON = '隨機測試 seeded run';

interface Actor {
  /** Each device draws from its own seeded stream, so its choices do not depend on the others' timing. */
  random: () => number;
  device: SimDevice;
  role: Role;
  desk: DeskActor;
  created: string[];
  documents: Array<{ caseId: string; id: string; sha256: string }>;
}

describe(`seeded random run: 5 devices, ${OPERATIONS} operations, ${FAULT_RATE * 100} % faults (seed ${SEED})`, () => {
  let world: World;
  let proxy: FaultProxy;
  beforeAll(async () => {
    world = await startWorld();
    proxy = await startFaultProxy({ target: world.url, seed: SEED, rate: FAULT_RATE });
  });
  afterAll(async () => {
    await proxy.close();
    await world.close();
  });

  it('ends with every device and the server agreeing, every case once, every blob hashing to its id', { timeout: 240_000 }, async () => {
    const actors: Actor[] = [];
    // Clerks take cases in; the officer reviews and proposes; the supervisor, every unit's chief, does both and decides.
    for (const [index, role] of (['clerk', 'clerk', 'clerk', 'officer', 'supervisor'] as const).entries()) {
      const device = await world.addDevice({ username: role });
      device.serverUrl = proxy.url;
      const desk = { username: role, roles: [role], units: await membershipsOf(world.db, role) };
      actors.push({ random: seededRandom(SEED + index), device, role, desk, created: [], documents: [] });
      expect(index).toBeLessThan(5);
    }
    const blobs: Blob[] = [];
    let syncFailures = 0;

    const step = async (actor: Actor): Promise<void> => {
      const { device, random } = actor;
      const pick = <T>(items: readonly T[]): T | undefined => items[Math.floor(random() * items.length)];
      const roll = random();
      const caseIds = (await device.db.cases.toCollection().primaryKeys()) as string[];
      if (actor.role !== 'officer' && (roll < 0.3 || caseIds.length === 0)) {
        actor.created.push((await device.createCase()).id);
      } else if (roll < 0.55) {
        const caseId = pick(caseIds);
        const field = pick(intakeFields.filter((f) => f !== 'applicant.address'));
        if (!caseId || !field) return;
        const local = await device.db.cases.get(caseId);
        if (!local) return;
        const value =
          field === 'applicant.name'
            ? pick(['王小明', '陳大華', '林美玲', '張志強'])
            : field === 'applicant.phone'
              ? `09${String(Math.floor(random() * 1e8)).padStart(8, '0')}`
              : local.checklist.map((item) => ({ ...item, state: random() < 0.5 ? ('provided' as const) : ('missing' as const) }));
        await setCaseField(caseId, field, value, device.db);
      } else if (roll < 0.72) {
        const caseId = pick(caseIds);
        const local = caseId ? await device.db.cases.get(caseId) : undefined;
        const to = local ? pick(offeredTransitions(local, actor.desk, actor.role)) : undefined;
        if (caseId && to) await transitionCase(caseId, to, REASON, device.db);
      } else if (roll < 0.86) {
        const caseId = pick(caseIds);
        if (!caseId) return;
        const reuse = blobs.length > 0 && random() < 0.15;
        const size = 1_000 + Math.floor(random() * 40_000);
        const blob = reuse ? (pick(blobs) ?? new Blob(['x'])) : new Blob([Uint8Array.from({ length: size }, () => Math.floor(random() * 256))]);
        if (!reuse) blobs.push(blob);
        const row = await addDocument(caseId, pick(['申請書', '身分證影本', '建物登記謄本']) ?? '申請書', blob, { db: device.db });
        actor.documents.push({ caseId, id: row.id, sha256: row.sha256 });
      } else {
        await device.sync({ requestTimeoutMs: 3_000, stallTimeoutMs: 3_000 }).catch(() => {
          syncFailures += 1;
        });
      }
    };

    // The devices work side by side; the PRNG decides who acts next, so the interleaving is seeded too.
    const perActor = OPERATIONS / actors.length;
    await Promise.all(
      actors.map(async (actor) => {
        for (let i = 0; i < perActor; i += 1) await step(actor);
      }),
    );

    // The network heals: everyone pushes what is left, then everyone pulls what the others pushed.
    proxy.rate = 0;
    for (const actor of actors) await syncUntilClean(actor.device);
    for (const actor of actors) await syncUntilClean(actor.device);

    expect(syncFailures).toBeGreaterThan(0);
    for (const kind of faultKinds) expect(proxy.stats[kind], `fault ${kind} injected`).toBeGreaterThan(0);

    // Every case created exists on the server exactly once, and nothing else does.
    const created = actors.flatMap((actor) => actor.created);
    const { rows: serverCases } = await world.db.query<{ id: string; case_no: string }>('SELECT id, case_no FROM cases');
    expect(new Set(created).size).toBe(created.length);
    expect(serverCases.map((row) => row.id).sort()).toEqual([...created].sort());
    expect(new Set(serverCases.map((row) => row.case_no)).size).toBe(serverCases.length);

    // Every mutation was consumed exactly once, in order; rejections only for acting on a stale copy.
    for (const actor of actors) {
      const entries = await actor.device.db.outbox.toArray();
      const through = await answeredThrough(actor.device.db);
      expect(entries.filter((entry) => effectiveState(entry, through) === 'pending')).toEqual([]);
      const clientId = (await actor.device.db.meta.get('clientId'))?.value;
      const { rows } = await world.db.query<{ last_mutation_id: number }>('SELECT last_mutation_id FROM sync_clients WHERE client_id = $1', [clientId]);
      expect(rows[0]?.last_mutation_id).toBe(entries.length);
      const { rows: ledger } = await world.db.query<{ n: number }>('SELECT count(*)::int AS n FROM mutations WHERE client_id = $1', [clientId]);
      expect(ledger[0]?.n).toBe(entries.length);
      for (const entry of entries.filter((e) => e.state === 'rejected')) expect(expectedRejections, `${entry.code}: ${entry.message}`).toContain(entry.code);
    }

    // The officer's steps went through the desk too: some cases are on the officer's desk.
    const { rows: desks } = await world.db.query<{ n: number }>("SELECT count(*)::int AS n FROM cases WHERE assignee = 'officer'");
    expect(desks[0]?.n).toBeGreaterThan(0);

    // Every device holds exactly the server's cases of its scope (decision 0030), field for field.
    const page = await actors[0]?.device.sync();
    expect(page?.pushed).toBe(0);
    const { rows: full } = await world.db.query<{ id: string }>('SELECT id FROM cases ORDER BY id');
    const onServer = await findCasesByIds(world.db, full.map((row) => row.id));
    const comparable = (record: Pick<CaseRecord, 'status' | 'applicant' | 'checklist' | 'dueDate' | 'clockPauses'> & { documents?: Array<{ id: string }>; review?: unknown }) =>
      JSON.stringify({
        status: record.status,
        applicant: record.applicant,
        checklist: record.checklist,
        dueDate: record.dueDate,
        clockPauses: record.clockPauses ?? [],
        documents: (record.documents ?? []).map((d) => d.id).sort(),
        review: record.review ?? null,
      });
    for (const actor of actors) {
      const scope = scopeOfActor(actor.desk, actor.device.stationCode);
      const expected = full.map((row) => row.id).filter((id) => {
        const stored = onServer.get(id);
        return stored !== undefined && inScope(scope, stored);
      });
      const localIds = ((await actor.device.db.cases.toCollection().primaryKeys()) as string[]).sort();
      expect(localIds, `cases on ${actor.device.name}`).toEqual(expected);
      for (const id of localIds) {
        const server = onServer.get(id)?.record;
        expect(server).toBeDefined();
        if (server) expect(comparable(localCaseSchema.parse(await actor.device.db.cases.get(id))), `case ${id} on ${actor.device.name}`).toBe(comparable(server));
      }
    }

    // Every document is on its case, and every stored blob hashes to its name.
    for (const actor of actors) {
      for (const document of actor.documents) {
        const upload = await uploadsTable(actor.device.db).get(document.id);
        expect(upload?.state).toBe('uploaded');
        const attached = onServer.get(document.caseId)?.record.documents ?? [];
        const attachedOrClosed = attached.some((d) => d.id === document.id) || (await actor.device.db.outbox.filter((e) => e.mutation.name === 'attachDocument' && e.mutation.args.documentId === document.id && e.state === 'rejected').count()) === 1;
        expect(attachedOrClosed).toBe(true);
      }
    }
    const stored = await world.storedBlobs();
    expect(stored.length).toBeGreaterThan(0);
    for (const [name, actual] of stored) expect(actual).toBe(name);
  });
});
