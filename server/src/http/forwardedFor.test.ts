import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readServerConfig } from '../context/config';
import { publicLookupLimit } from '../authz/rateLimit';
import { errorOf, startTestServer } from '../testing/testServer';
import type { TestServer } from '../testing/testServer';

const proxy = '10.0.0.5';
const lookupUrl = '/v1/public/cases/115-KL01-000001-X?v=not-the-verifier';

/** Spends an address's whole budget of public lookups; the statuses of the answers. */
async function spendBudget(server: TestServer, remoteAddress: string, headers: Record<string, string> = {}): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < publicLookupLimit.max; i += 1) {
    statuses.push((await server.app.inject({ method: 'GET', url: lookupUrl, remoteAddress, headers })).statusCode);
  }
  return statuses;
}

const lookup = (server: TestServer, remoteAddress: string, headers: Record<string, string> = {}) =>
  server.app.inject({ method: 'GET', url: lookupUrl, remoteAddress, headers });

describe('behind the proxies named in TRUST_PROXY', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ trustProxy: [proxy, '10.1.0.0/16'] });
  });
  afterAll(() => server.close());

  it('counts each citizen by the address the proxy reports, not the proxy’s', async () => {
    expect(await spendBudget(server, proxy, { 'x-forwarded-for': '203.0.113.1' })).not.toContain(429);
    expect((await lookup(server, proxy, { 'x-forwarded-for': '203.0.113.1' })).statusCode).toBe(429);
    // Another citizen through the same proxy, and through another proxy of the list, has a budget of their own.
    expect((await lookup(server, proxy, { 'x-forwarded-for': '203.0.113.2' })).statusCode).toBe(404);
    expect((await lookup(server, '10.1.4.4', { 'x-forwarded-for': '203.0.113.3' })).statusCode).toBe(404);
  });

  it('believes only the address the trusted proxy added, not what the client wrote before it', async () => {
    // nginx appends the peer it saw: what comes before is the client's own claim.
    const spoofed = await lookup(server, proxy, { 'x-forwarded-for': '198.51.100.200, 203.0.113.1' });
    expect(spoofed.statusCode).toBe(429);
  });

  it('refuses a forwarded address from a peer that is not a named proxy, before counting it', async () => {
    const response = await lookup(server, '198.51.100.7', { 'x-forwarded-for': '203.0.113.50' });
    expect(response.statusCode).toBe(400);
    expect(errorOf(response)).toMatchObject({ code: 'validation_failed' });
    const { rows } = await server.db.query<{ key: string }>("SELECT key FROM rate_limit_windows WHERE key LIKE '%198.51.100.7' OR key LIKE '%203.0.113.50'");
    expect(rows).toEqual([]);
    // The same peer without the header is a client like any other.
    expect((await lookup(server, '198.51.100.7')).statusCode).toBe(404);
  });
});

describe('without TRUST_PROXY', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('does not believe X-Forwarded-For: a new address in it does not buy a new budget', async () => {
    expect(await spendBudget(server, '192.0.2.44', { 'x-forwarded-for': '203.0.113.1' })).not.toContain(429);
    const response = await lookup(server, '192.0.2.44', { 'x-forwarded-for': '203.0.113.99' });
    expect(response.statusCode).toBe(429);
  });
});

describe('TRUST_PROXY', () => {
  it('reads addresses, CIDR ranges and named ranges, and names a bad entry', () => {
    expect(readServerConfig({}).trustProxy).toEqual([]);
    expect(readServerConfig({ TRUST_PROXY: '10.0.0.5, 10.1.0.0/16,::1, fd00::/8 ,loopback' }).trustProxy).toEqual(['10.0.0.5', '10.1.0.0/16', '::1', 'fd00::/8', 'loopback']);
    expect(() => readServerConfig({ TRUST_PROXY: '10.0.0.5,nginx' })).toThrow(/TRUST_PROXY: "nginx" is not an IP address/);
    expect(() => readServerConfig({ TRUST_PROXY: '10.0.0.0/33' })).toThrow(/TRUST_PROXY: "10.0.0.0\/33" has a prefix length out of range/);
    expect(() => readServerConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY/);
  });

  it('reads the pool’s wait for a connection', () => {
    expect(readServerConfig({}).databasePoolTimeoutMs).toBe(10_000);
    expect(readServerConfig({ DATABASE_POOL_TIMEOUT_MS: '2500' }).databasePoolTimeoutMs).toBe(2500);
    expect(() => readServerConfig({ DATABASE_POOL_TIMEOUT_MS: '0' })).toThrow(/DATABASE_POOL_TIMEOUT_MS/);
  });
});
