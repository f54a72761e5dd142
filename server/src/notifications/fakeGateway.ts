/**
 * A fake SMS gateway on loopback, for tests and the demo. It speaks the adapter's protocol
 * (smsGateway.ts), records every message it accepts, and delivers each idempotency key once: a
 * repeat is answered with the first message id and recorded nowhere. It can be told to fail its next
 * calls, either with a 503 (nothing accepted) or with a timeout after accepting the message — the
 * case that makes idempotency matter.
 *
 * Standalone: `npx tsx server/src/notifications/fakeGateway.ts` (PORT, default 8790; TOKEN, default
 * "fake-sms-token"), which prints each message. GET /messages lists them; POST /control/fail
 * {"count": n, "mode": "timeout" | "error"} arms failures.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';

export interface FakeSmsMessage {
  messageId: string;
  to: string;
  body: string;
  idempotencyKey: string;
  receivedAt: string;
}

export type FakeFailureMode = 'timeout' | 'error';

export interface FakeSmsGateway {
  url: string;
  /** Messages accepted (one per idempotency key), in order. */
  messages(): FakeSmsMessage[];
  /** How many POSTs reached the gateway, repeats and failures included. */
  calls(): number;
  failNext(count: number, mode: FakeFailureMode): void;
  close(): Promise<void>;
}

export interface FakeSmsGatewayOptions {
  host?: string;
  port?: number;
  token?: string;
  /** How long a 'timeout' failure holds the response; longer than the adapter's timeout. */
  hangMs?: number;
  onMessage?: (message: FakeSmsMessage) => void;
}

const messageSchema = z.object({ to: z.string().regex(/^09\d{8}$/), body: z.string().min(1).max(1000), idempotencyKey: z.string().min(1).max(100) });
const failSchema = z.object({ count: z.number().int().min(0).max(1000), mode: z.enum(['timeout', 'error']) });

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > 64 * 1024) throw new Error('body too large');
    chunks.push(buffer);
  }
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
}

export async function startFakeSmsGateway(options: FakeSmsGatewayOptions = {}): Promise<FakeSmsGateway> {
  const token = options.token ?? 'fake-sms-token';
  const hangMs = options.hangMs ?? 10_000;
  const accepted: FakeSmsMessage[] = [];
  const byKey = new Map<string, FakeSmsMessage>();
  const failures: FakeFailureMode[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let calls = 0;

  const accept = (input: z.infer<typeof messageSchema>): FakeSmsMessage => {
    const existing = byKey.get(input.idempotencyKey);
    if (existing) return existing;
    const message: FakeSmsMessage = { ...input, messageId: `fake-${accepted.length + 1}`, receivedAt: new Date().toISOString() };
    accepted.push(message);
    byKey.set(input.idempotencyKey, message);
    options.onMessage?.(message);
    return message;
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const path = (request.url ?? '/').split('?')[0];
    if (request.method === 'GET' && path === '/messages') return send(response, 200, { messages: accepted });
    if (request.method === 'POST' && path === '/control/fail') {
      const parsed = failSchema.safeParse(await readJson(request));
      if (!parsed.success) return send(response, 400, { error: 'expected {count, mode}' });
      for (let i = 0; i < parsed.data.count; i++) failures.push(parsed.data.mode);
      return send(response, 200, { armed: failures.length });
    }
    if (request.method !== 'POST' || path !== '/messages') return send(response, 404, { error: 'not found' });
    calls += 1;
    if (request.headers.authorization !== `Bearer ${token}`) return send(response, 401, { error: 'bad credentials' });
    const parsed = messageSchema.safeParse(await readJson(request));
    const key = request.headers['idempotency-key'];
    if (!parsed.success || key !== parsed.data.idempotencyKey) return send(response, 400, { error: 'invalid message' });
    const failure = failures.shift();
    if (failure === 'error') return send(response, 503, { error: 'simulated outage' });
    const message = accept(parsed.data);
    if (failure === 'timeout') {
      // Accepted, but the answer comes too late for the caller: it must retry with the same key.
      const timer = setTimeout(() => {
        timers.delete(timer);
        send(response, 200, { messageId: message.messageId });
      }, hangMs);
      timers.add(timer);
      return;
    }
    return send(response, 200, { messageId: message.messageId });
  };

  const server = createServer((request, response) => {
    handle(request, response).catch(() => send(response, 400, { error: 'bad request' }));
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolveListen());
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://${address.address}:${address.port}/messages`,
    messages: () => [...accepted],
    calls: () => calls,
    failNext(count, mode) {
      for (let i = 0; i < count; i++) failures.push(mode);
    },
    close() {
      for (const timer of timers) clearTimeout(timer);
      for (const socket of sockets) socket.destroy();
      return new Promise((resolveClose) => server.close(() => resolveClose()));
    },
  };
}

const isEntryPoint = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (isEntryPoint) {
  const port = Number(process.env.PORT ?? 8790);
  startFakeSmsGateway({
    port,
    token: process.env.TOKEN ?? 'fake-sms-token',
    onMessage: (message) => console.log(`SMS to ${message.to} [${message.idempotencyKey}]\n${message.body}\n`),
  }).then(
    (gateway) => console.log(`Fake SMS gateway on ${gateway.url} (SMS_GATEWAY_URL=${gateway.url} SMS_GATEWAY_TOKEN=${process.env.TOKEN ?? 'fake-sms-token'})`),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
