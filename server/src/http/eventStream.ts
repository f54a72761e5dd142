/**
 * A server-sent event stream (text/event-stream) on Fastify's raw response: the reply is hijacked, the
 * headers Fastify's hooks set so far (security headers, CORS, request id) go out with the stream's
 * own, a `retry:` hint tells the browser how soon to reconnect, and a comment line every
 * `heartbeatMs` keeps proxies from closing a quiet stream and lets a dead peer be noticed.
 */
import type { FastifyReply } from 'fastify';
import { applySecurityHeaders } from './securityHeaders';

export interface EventStream {
  /** Sends one event; `id` becomes the browser's Last-Event-ID for a reconnect. Ignored once closed. */
  send(event: string, data: unknown, id?: number): void;
  /** Ends the stream (the app is closing, or the peer went). */
  close(): void;
  readonly closed: boolean;
}

export function openEventStream(
  reply: FastifyReply,
  options: { retryMs: number; heartbeatMs: number; onClose: () => void },
): EventStream {
  applySecurityHeaders(reply);
  reply.hijack();
  const raw = reply.raw;
  for (const [name, value] of Object.entries(reply.getHeaders())) {
    if (value !== undefined) raw.setHeader(name, typeof value === 'number' ? String(value) : value);
  }
  raw.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    // nginx and the like would otherwise hold events back in their buffers.
    'x-accel-buffering': 'no',
  });
  let closed = false;
  const write = (text: string) => {
    if (!closed) raw.write(text);
  };
  const heartbeat = setInterval(() => write(': heartbeat\n\n'), options.heartbeatMs);
  heartbeat.unref();
  const finish = () => {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    options.onClose();
  };
  // The response's close, not the request's: a GET's request closes as soon as it has been read.
  raw.on('close', finish);
  write(`retry: ${options.retryMs}\n\n`);
  return {
    send(event, data, id) {
      write(`${id === undefined ? '' : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    close() {
      if (closed) return;
      raw.end();
      finish();
    },
    get closed() {
      return closed;
    },
  };
}
