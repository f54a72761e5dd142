/**
 * TRUST_PROXY: the reverse proxies whose X-Forwarded-For the server believes, as Fastify's
 * `trustProxy` list (addresses, CIDR ranges, or proxy-addr's names `loopback`, `linklocal`,
 * `uniquelocal`). Empty means no proxy: the address a request came from is the client's.
 * A list is checked here rather than at Fastify's start, so a typo stops the server with the
 * variable named instead of trusting the wrong peers.
 */
import { isIP } from 'node:net';

const namedRanges = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** Why `entry` is not an address, a CIDR range or a named range; undefined when it is one. */
function entryProblem(entry: string): string | undefined {
  if (namedRanges.has(entry)) return undefined;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return `"${entry}" is not an IP address or CIDR range`;
  if (prefix === undefined) return undefined;
  const bits = /^\d{1,3}$/.test(prefix) ? Number(prefix) : Number.NaN;
  return bits >= 0 && bits <= (family === 4 ? 32 : 128) ? undefined : `"${entry}" has a prefix length out of range`;
}

/** The comma-separated list as entries; throws naming the first entry that is not one. */
export function parseTrustProxy(value: string | undefined): string[] {
  const entries = (value ?? '').split(',').map((entry) => entry.trim()).filter((entry) => entry !== '');
  for (const entry of entries) {
    const problem = entryProblem(entry);
    if (problem) throw new Error(`Invalid server configuration: TRUST_PROXY: ${problem}`);
  }
  return entries;
}
