/**
 * The server's logger settings (pino, through Fastify). Nothing personal reaches a log line:
 * - a request is logged as its method, path without the query (/q/…?v= carries the receipt's
 *   verifier) and the client address; never its headers (authorization, x-device-secret) or body;
 * - an error through domain/logSafeError.ts: its type, code and schema names, with values scrubbed
 *   from the message, never a driver's `detail`, `where`, `params` or `query`;
 * - every string handed to the logger is scrubbed the same way and loses any query string, which
 *   covers the lines Fastify writes itself (a fallback error log quotes `error.message`);
 * - `body`, `query`, `headers`, `params` and `detail` given to the logger by name are dropped.
 */
import type { FastifyServerOptions } from 'fastify';
import type { ServerConfig } from '../context/config';
import { logSafeError, scrubLogText } from '../domain/logSafeError';

/** Where log lines go instead of stdout (tests read them). */
export interface LogDestination {
  write(line: string): void;
}

const requestSerializer = (request: { method: string; url: string; ip?: string }) => ({
  method: request.method,
  url: request.url.split('?')[0],
  remoteAddress: request.ip,
});

const droppedPaths = ['body', 'query', 'headers', 'params', 'parameters', 'detail', 'where', 'req.body', 'req.query', 'req.headers', 'err.params', 'err.query'];

/** A string argument as it may be logged: without a URL's query, with values scrubbed. */
function scrubArgument(value: unknown): unknown {
  return typeof value === 'string' ? scrubLogText(value.replace(/\?[^\s"]*/g, '')) : value;
}

export function serverLoggerOptions(level: ServerConfig['logLevel'], destination?: LogDestination): FastifyServerOptions['logger'] {
  if (level === 'silent') return false;
  return {
    level,
    serializers: { req: requestSerializer, err: logSafeError, error: logSafeError },
    redact: { paths: droppedPaths, remove: true },
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map(scrubArgument) as Parameters<typeof method>);
      },
    },
    ...(destination ? { stream: destination } : {}),
  };
}
