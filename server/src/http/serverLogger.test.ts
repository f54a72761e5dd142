import { randomUUID } from 'node:crypto';
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCaseRecord, createCaseMutation, pushBody } from '../testing/caseFixtures';
import { openTestDatabase } from '../testing/testDatabase';
import { startTestServer, syncHeaders } from '../testing/testServer';
import { createPostgresDatabase } from '../db/database';
import type { Database, Queryable } from '../db/database';
import { registerErrorHandling } from './errorHandling';
import { serverLoggerOptions } from './serverLogger';

/** Everything personal the requests below carry, in body, query, headers and SQL parameters. */
const secrets = {
  idNumber: 'F223456785',
  name: '林美惠',
  phone: '0987654321',
  verifier: 'Vq7RkT2mX9pLw3Zs',
  deviceSecret: 'device-secret-should-never-be-logged-0123',
  token: 'SessionTokenNeverLogged0123456789abcdefgh',
};

/** One statement per kind of database error, each handed personal data as its parameters. */
const probes: Record<string, { code: string; run: (db: Queryable) => Promise<unknown> }> = {
  'unique violation': { code: '23505', run: (db) => db.query('INSERT INTO log_probe (id_number, name) VALUES ($1, $2)', [secrets.idNumber, secrets.name]) },
  'check violation': {
    code: '23514',
    run: (db) => db.query('INSERT INTO log_probe (id_number, name, phone) VALUES ($1, $2, $3)', [`${secrets.idNumber}x`, secrets.name, secrets.phone]),
  },
  'not-null violation': { code: '23502', run: (db) => db.query('INSERT INTO log_probe (id_number, name, phone) VALUES ($1, NULL, $2)', [`${secrets.idNumber}y`, `02${secrets.phone}`]) },
  'foreign key violation': {
    code: '23503',
    run: (db) => db.query('INSERT INTO log_probe (id_number, name, parent) VALUES ($1, $2, $3)', [`${secrets.idNumber}z`, secrets.name, secrets.verifier]),
  },
  'invalid text representation': { code: '22P02', run: (db) => db.query('SELECT $1::uuid AS id', [secrets.idNumber]) },
  'string too long': { code: '22001', run: (db) => db.query('INSERT INTO log_probe (id_number, name, short_name) VALUES ($1, $2, $3)', [`${secrets.idNumber}w`, secrets.name, `${secrets.name}${secrets.name}`]) },
  'numeric out of range': { code: '22003', run: (db) => db.query('SELECT $1::smallint AS n', [secrets.phone]) },
  'U+0000 in text': { code: '22021', run: (db) => db.query('INSERT INTO log_probe (id_number, name) VALUES ($1, $2)', [`${secrets.idNumber}n`, `${secrets.name}\u0000`]) },
  // The JSON's own error context quotes the document: the applicant as a device sends it.
  'U+0000 in JSON': {
    code: '22P05',
    run: (db) => db.query('SELECT $1::jsonb AS applicant', [JSON.stringify({ idNumber: secrets.idNumber, name: `${secrets.name}\u0000`, phone: secrets.phone })]),
  },
};

async function createProbeTables(db: Database): Promise<void> {
  await db.exec(`
    CREATE TABLE log_probe_parent (id text PRIMARY KEY);
    CREATE TABLE log_probe (
      id_number text PRIMARY KEY,
      name text NOT NULL,
      phone text CHECK (phone NOT LIKE '09%'),
      short_name varchar(3),
      parent text REFERENCES log_probe_parent (id)
    );`);
  await db.query('INSERT INTO log_probe (id_number, name) VALUES ($1, $2)', [secrets.idNumber, secrets.name]);
}

/** A Fastify app with the server's logger and error handler, whose route runs the probe its path names. */
async function probeApp(db: Database, lines: string[]): Promise<FastifyInstance> {
  const app = Fastify({ logger: serverLoggerOptions('debug', { write: (line) => lines.push(line) }) });
  registerErrorHandling(app);
  const refused = createPostgresDatabase({ connectionString: 'postgres://nobody@127.0.0.1:1/none', connectionTimeoutMs: 2_000 });
  app.addHook('onClose', () => refused.close());
  app.post<{ Params: { kind: string } }>('/probe/:kind', async (request) => {
    const { kind } = request.params;
    if (kind === 'connection refused') return refused.query('SELECT $1::text AS id', [secrets.idNumber]);
    if (kind === 'statement timeout') {
      return db.transaction(async (tx) => {
        await tx.query("SET LOCAL statement_timeout = '50ms'");
        return tx.query('SELECT pg_sleep(5), $1::text AS id', [secrets.idNumber]);
      });
    }
    return probes[kind]?.run(db);
  });
  await app.ready();
  return app;
}

function expectNothingPersonal(log: string): void {
  for (const [what, value] of Object.entries(secrets)) {
    expect(log.includes(value), `${what} in the log`).toBe(false);
  }
}

describe('the server log', () => {
  let db: Database;
  let app: FastifyInstance;
  const lines: string[] = [];

  beforeAll(async () => {
    db = await openTestDatabase();
    await createProbeTables(db);
    app = await probeApp(db, lines);
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  const send = (kind: string) =>
    app.inject({
      method: 'POST',
      url: `/probe/${encodeURIComponent(kind)}?v=${secrets.verifier}&id=${secrets.idNumber}`,
      headers: { authorization: `Bearer ${secrets.token}`, 'x-device-secret': secrets.deviceSecret },
      payload: { applicant: { idNumber: secrets.idNumber, name: secrets.name, phone: secrets.phone } },
    });

  it.each(Object.entries(probes))('logs a %s by its code, without the values', async (kind, probe) => {
    lines.length = 0;
    const response = await send(kind);
    expect(response.statusCode).toBe(500);
    const log = lines.join('');
    // The error was logged, with what an operator needs to find it…
    expect(log).toContain(`"code":"${probe.code}"`);
    // …and nothing of what it was about.
    expectNothingPersonal(log);
    expectNothingPersonal(response.body);
  });

  it('answers a refused database connection 503 with Retry-After, logging no parameter', async () => {
    lines.length = 0;
    const response = await send('connection refused');
    expect(response.statusCode).toBe(503);
    expect(response.headers['retry-after']).toBe('2');
    const log = lines.join('');
    expect(log).toContain('ECONNREFUSED');
    expectNothingPersonal(log);
  });

  it('logs a statement timeout without its parameters (PostgreSQL only: PGlite has no statement timeout)', async () => {
    if (db.kind !== 'postgres') {
      expect(db.kind).toBe('pglite');
      return;
    }
    lines.length = 0;
    const response = await send('statement timeout');
    expect(response.statusCode).toBe(500);
    const log = lines.join('');
    expect(log).toContain('"code":"57014"');
    expectNothingPersonal(log);
  });

  it('logs requests by method and path, never their query, headers or body', async () => {
    lines.length = 0;
    await send('invalid text representation');
    const requestLine = lines.map((line) => JSON.parse(line) as { msg?: string; req?: unknown }).find((entry) => entry.msg === 'incoming request');
    expect(requestLine?.req).toMatchObject({ method: 'POST', url: '/probe/invalid%20text%20representation' });
    expect(JSON.stringify(requestLine)).not.toContain('authorization');
  });
});

describe('the server log of the real app', () => {
  it('holds none of the applicant data of a push the database refuses', async () => {
    const lines: string[] = [];
    const server = await startTestServer({ logLevel: 'debug' }, { logDestination: { write: (line) => lines.push(line) } });
    try {
      const token = await server.signIn();
      const record = buildCaseRecord(1, { applicant: { kind: 'person', idNumber: secrets.idNumber, name: `${secrets.name}\u0000`, phone: secrets.phone } });
      await server.app.inject({ method: 'POST', url: '/v1/sync/push', headers: syncHeaders(token), payload: pushBody(randomUUID(), [createCaseMutation(1, record)]) });
      await server.app.inject({ method: 'GET', url: `/q/${record.caseNo}?v=${record.verifier}` });
      const log = lines.join('');
      expect(log).toContain('/v1/sync/push');
      expectNothingPersonal(log);
      expect(log.includes(record.verifier)).toBe(false);
      expect(log.includes(token)).toBe(false);
    } finally {
      await server.close();
    }
  });
});
