/**
 * A fault-injecting HTTP proxy between sync clients and the server, driven by a seeded PRNG so a
 * failing run can be replayed. Each request, with probability `rate`, suffers one fault:
 * - drop-request: the connection is cut before anything reaches the server;
 * - drop-response: the server handles (and commits) the request, the client never hears back;
 * - duplicate: the server receives the request twice, the client sees the first answer;
 * - delay: the request waits up to 300 ms;
 * - reorder: the request is held until the next one has gone through (or 150 ms passed);
 * - server-error: a 503 answer without the server seeing the request;
 * - cut-upload: a request with a body sends only part of it, then the connection closes.
 * The target can be switched (a restarted server on another port) without clients noticing.
 */
import { createServer, request as httpRequest } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { seededRandom } from '../../../shared/domain/seededRandom';

export const faultKinds = ['drop-request', 'drop-response', 'duplicate', 'delay', 'reorder', 'server-error', 'cut-upload'] as const;
export type FaultKind = (typeof faultKinds)[number];


export interface FaultProxy {
  url: string;
  rate: number;
  /** Faults to choose from (all by default). */
  kinds: FaultKind[];
  stats: Record<FaultKind | 'requests', number>;
  /** Request bytes forwarded to the server, by request path prefix. */
  bytesForwarded: number;
  setTarget(url: string): void;
  /** Called as each request arrives, with the bytes forwarded so far (tests time a crash with it). */
  onRequest?: (method: string, path: string) => void;
  /**
   * Awaited once the server has answered, before the answer is passed on; 'drop' loses the answer (the
   * connection is cut), as when the server dies between committing and replying.
   */
  beforeAnswer?: (method: string, path: string) => Promise<'drop' | undefined>;
  close(): Promise<void>;
}

interface Upstream {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

export async function startFaultProxy(options: { target: string; seed: number; rate: number; kinds?: FaultKind[] }): Promise<FaultProxy> {
  let target = new URL(options.target);
  const random = seededRandom(options.seed);
  const stats = Object.fromEntries([...faultKinds, 'requests'].map((kind) => [kind, 0])) as FaultProxy['stats'];
  let held: (() => void) | undefined;

  const forward = (request: IncomingMessage, body: Buffer, cutAt?: number): Promise<Upstream> =>
    new Promise((resolve, reject) => {
      const headers = { ...request.headers, host: target.host };
      const upstream = httpRequest(
        { host: target.hostname, port: target.port, method: request.method, path: request.url, headers },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => resolve({ status: response.statusCode ?? 502, headers: response.headers, body: Buffer.concat(chunks) }));
          response.on('error', reject);
        },
      );
      upstream.on('error', reject);
      if (cutAt !== undefined) {
        upstream.write(body.subarray(0, cutAt), () => {
          proxy.bytesForwarded += cutAt;
          setTimeout(() => {
            upstream.destroy();
            reject(new Error('cut'));
          }, 20);
        });
        return;
      }
      proxy.bytesForwarded += body.length;
      upstream.end(body);
    });

  const answer = (response: ServerResponse, upstream: Upstream) => {
    const headers = { ...upstream.headers };
    delete headers['transfer-encoding'];
    headers['content-length'] = String(upstream.body.length);
    response.writeHead(upstream.status, headers);
    response.end(upstream.body);
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    stats.requests += 1;
    proxy.onRequest?.(request.method ?? 'GET', (request.url ?? '/').split('?')[0] ?? '/');
    const body = await readBody(request);
    const faulty = random() < proxy.rate && proxy.kinds.length > 0;
    const kind: FaultKind | undefined = faulty ? proxy.kinds[Math.floor(random() * proxy.kinds.length)] : undefined;
    // A waiting reordered request goes after this one.
    const release = held;
    held = undefined;
    try {
      switch (kind) {
        case 'drop-request':
          stats[kind] += 1;
          response.socket?.destroy();
          return;
        case 'server-error':
          stats[kind] += 1;
          response.writeHead(503, { 'content-type': 'application/json' });
          response.end(JSON.stringify({ error: { code: 'unavailable', message: 'injected fault' } }));
          return;
        case 'drop-response':
          stats[kind] += 1;
          await forward(request, body).catch(() => undefined);
          response.socket?.destroy();
          return;
        case 'duplicate': {
          stats[kind] += 1;
          const first = await forward(request, body);
          await forward(request, body).catch(() => undefined);
          answer(response, first);
          return;
        }
        case 'delay':
          stats[kind] += 1;
          await new Promise((resolve) => setTimeout(resolve, Math.floor(random() * 300)));
          break;
        case 'reorder':
          stats[kind] += 1;
          await new Promise<void>((resolve) => {
            held = resolve;
            setTimeout(resolve, 150);
          });
          break;
        case 'cut-upload':
          if (body.length > 1024) {
            stats[kind] += 1;
            await forward(request, body, Math.floor(body.length * (0.2 + random() * 0.6))).catch(() => undefined);
            response.socket?.destroy();
            return;
          }
          break;
        default:
          break;
      }
      const upstream = await forward(request, body);
      if ((await proxy.beforeAnswer?.(request.method ?? 'GET', (request.url ?? '/').split('?')[0] ?? '/')) === 'drop') {
        response.socket?.destroy();
        return;
      }
      answer(response, upstream);
    } catch {
      response.socket?.destroy();
    } finally {
      release?.();
    }
  };

  const server: Server = createServer((request, response) => void handle(request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const proxy: FaultProxy = {
    url: `http://127.0.0.1:${port}`,
    rate: options.rate,
    kinds: options.kinds ?? [...faultKinds],
    stats,
    bytesForwarded: 0,
    setTarget(url) {
      target = new URL(url);
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return proxy;
}
