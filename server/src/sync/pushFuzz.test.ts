import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_PUSH_BATCH, pushResponseSchema } from '../../../shared/sync/protocol';
import { buildCaseRecord, createCaseMutation, pushBody } from '../testing/caseFixtures';
import { testDatabaseUrl } from '../testing/testDatabase';
import { startTestServer, syncHeaders } from '../testing/testServer';
import type { TestServer } from '../testing/testServer';

/**
 * The push, fuzzed with a signed-in clerk (decision 0032): every mutation kind, built valid and then
 * given a hostile value somewhere — control characters, U+0000, lone surrogates, huge strings, deep
 * nesting, wrong types, huge numbers, prototype keys — each followed by a good intake. The server must
 * answer every push 200, refuse or apply each hostile mutation on its own, and apply every good one.
 *
 * Seeded: COUNTERDESK_FUZZ_SEED (printed); COUNTERDESK_FUZZ_CASES hostile mutations, by default 10,000
 * on PostgreSQL and 1,000 on PGlite (one connection, slower per statement).
 */
const SEED = Number(process.env.COUNTERDESK_FUZZ_SEED ?? 20261207);
const CASES = Number(process.env.COUNTERDESK_FUZZ_CASES ?? (testDatabaseUrl ? 10_000 : 1_000));
/** A push's body stays below the server's 1 MiB body limit (a larger one is refused whole, as it should be). */
const MAX_BODY_BYTES = 700_000;
const at = '2026-03-02T09:15:00+08:00';

function nested(depth: number, leaf: unknown, asObject: boolean): unknown {
  let value = leaf;
  for (let level = 0; level < depth; level += 1) value = asObject ? { a: value } : [value];
  return value;
}

const hostileString = fc.oneof(
  fc.constantFrom('\u0000', '王\u0000明', '\uD800', 'a\uDFFFb', '\u0085', '\u001B[31m', '\u007F', 'line\nbreak', '\t', '\u202Eevil', ''),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer({ min: 1_000, max: 120_000 }).map((length) => '字'.repeat(length)),
);
const prototypeKey = fc.constantFrom(
  JSON.parse('{"__proto__": {"polluted": true}}') as unknown,
  JSON.parse('{"constructor": {"prototype": {"polluted": true}}}') as unknown,
  JSON.parse('[{"__proto__": {"polluted": true}, "document": "x", "state": "provided"}]') as unknown,
);
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.constantFrom(1e308, -1e308, 2 ** 64, -(2 ** 63), 1.5, -1, 0, Number.MAX_SAFE_INTEGER + 2),
  fc.constantFrom(true, false, null),
  fc.jsonValue({ maxDepth: 4 }),
  fc.tuple(fc.integer({ min: 10, max: 1_500 }), fc.boolean(), hostileString).map(([depth, asObject, leaf]) => nested(depth, leaf, asObject)),
  fc.integer({ min: 100, max: 5_000 }).map((length) => Array.from({ length }, (_, index) => ({ document: `d${index}`, state: 'provided' }))),
  prototypeKey,
);

const kinds = ['createCase', 'setField', 'transition', 'attachDocument', 'caseAction'] as const;
const hostileMutation = fc.record({
  kind: fc.constantFrom(...kinds),
  /** The walk to the value made hostile: at each level, which key (modulo how many there are). */
  walk: fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
  how: fc.constantFrom('replace', 'add-key', 'replace-args'),
  value: hostileValue,
});
type HostileMutation = typeof hostileMutation extends fc.Arbitrary<infer T> ? T : never;

describe(`push fuzz: ${CASES} hostile mutations, each followed by a good one (seed ${SEED})`, () => {
  let server: TestServer;
  let clerk: string;
  let sequence = 100_000;
  let target = '';
  let otherCase = '';

  beforeAll(async () => {
    server = await startTestServer();
    clerk = await server.signIn();
    const [first, second] = [buildCaseRecord(++sequence), buildCaseRecord(++sequence)];
    await server.push(clerk, randomUUID(), [createCaseMutation(1, first), createCaseMutation(2, second)]);
    target = first.id;
    otherCase = second.id;
  });
  afterAll(() => server.close());

  /** A valid mutation of each kind, on the cases the fuzz works on. */
  function validMutation(kind: (typeof kinds)[number], id: number): Record<string, unknown> {
    const args: Record<(typeof kinds)[number], unknown> = {
      createCase: { case: buildCaseRecord(++sequence) },
      setField: { caseId: target, field: 'applicant.name', base: '王大明', value: '王小明' },
      transition: { caseId: target, to: 'in-review', reason: '審核' },
      attachDocument: { caseId: otherCase, documentId: randomUUID(), sha256: 'a'.repeat(64), kind: '申請書', mime: 'application/pdf', size: 10 },
      caseAction: { caseId: target, step: { action: 'note', text: '備註' } },
    };
    return { id, name: kind, args: args[kind], createdAt: at };
  }

  /** The valid mutation with the hostile value put where the walk leads (never its id: that would be a gap). */
  function hostile(spec: HostileMutation, id: number): Record<string, unknown> {
    const mutation = validMutation(spec.kind, id);
    if (spec.how === 'replace-args') return { ...mutation, args: spec.value };
    let node = mutation as Record<string, unknown>;
    for (const [depth, pick] of spec.walk.entries()) {
      const keys = Object.keys(node).filter((key) => !(depth === 0 && key === 'id'));
      const key = keys[pick % keys.length];
      if (key === undefined) break;
      const child = node[key];
      const last = depth === spec.walk.length - 1 || child === null || typeof child !== 'object';
      if (last) {
        if (spec.how === 'add-key') node[`${key}Extra`] = spec.value;
        else node[key] = spec.value;
        break;
      }
      node = child as Record<string, unknown>;
    }
    return mutation;
  }

  it('answers every push, refuses or applies each hostile mutation alone, and applies every good one', { timeout: 3_600_000 }, async () => {
    console.log(`push fuzz: seed ${SEED}, ${CASES} cases (COUNTERDESK_FUZZ_SEED, COUNTERDESK_FUZZ_CASES)`);
    const specs = fc.sample(hostileMutation, { seed: SEED, numRuns: CASES });
    const clientId = randomUUID();
    const goodIds: string[] = [];
    let id = 0;
    let batch: unknown[] = [];
    let batchChars = 0;
    const good = new Set<number>();
    const outcomes = new Map<string, number>();

    const send = async () => {
      if (batch.length === 0) return;
      const response = await server.app.inject({ method: 'POST', url: '/v1/sync/push', headers: syncHeaders(clerk), payload: pushBody(clientId, batch) });
      expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
      const { results, lastMutationId } = pushResponseSchema.parse(response.json());
      expect(results.length).toBe(batch.length);
      expect(lastMutationId).toBe((batch[batch.length - 1] as { id: number }).id);
      for (const result of results) {
        if (good.has(result.id)) expect(result, `good mutation ${result.id}`).toEqual({ id: result.id, status: 'applied' });
        else {
          const key = result.status === 'rejected' ? result.code : result.status;
          outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
          expect(['applied', 'rejected']).toContain(result.status);
        }
      }
      batch = [];
      batchChars = 0;
    };

    for (const spec of specs) {
      const bad = hostile(spec, ++id);
      const record = buildCaseRecord(++sequence);
      const next = createCaseMutation(++id, record);
      good.add(id);
      goodIds.push(record.id);
      const chars = Buffer.byteLength(JSON.stringify(bad)) + Buffer.byteLength(JSON.stringify(next));
      if (batch.length + 2 > MAX_PUSH_BATCH || batchChars + chars > MAX_BODY_BYTES) await send();
      batch.push(bad, next);
      batchChars += chars;
    }
    await send();

    console.log(`push fuzz outcomes of the hostile mutations: ${JSON.stringify(Object.fromEntries(outcomes))}`);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const { rows } = await server.db.query<{ count: number }>('SELECT count(*)::int AS count FROM cases WHERE id = ANY($1::uuid[])', [goodIds]);
    expect(rows[0]?.count).toBe(goodIds.length);
    expect((await server.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
  });
});
