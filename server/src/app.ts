/**
 * Builds the central server's Fastify app without listening, so tests drive it with `inject` and
 * index.ts decides where it listens. The database must already be migrated.
 */
import cors from '@fastify/cors';
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import { PROTOCOL_HEADER } from '../../shared/sync/protocol';
import type { AppContext } from './appContext';
import { isAllowedOrigin } from './config';
import type { ServerConfig } from './config';
import type { Database } from './db/database';
import { registerErrorHandling, replyWithError } from './http/errorHandling';
import { registerSecurityHeaders } from './http/securityHeaders';
import { registerAuthRoutes } from './routes/authRoutes';
import { registerHealthRoutes } from './routes/healthRoutes';
import { registerPublicRoutes } from './routes/publicRoutes';
import { registerSyncRoutes } from './routes/syncRoutes';

export interface BuildAppOptions {
  db: Database;
  config: ServerConfig;
  /** The server's clock; tests pass their own to move time. */
  now?: () => Date;
}

/** Request URLs are logged without their query: /q/…?v= carries the receipt's secret. */
const requestSerializer = (request: { method: string; url: string; ip?: string }) => ({
  method: request.method,
  url: request.url.split('?')[0],
  remoteAddress: request.ip,
});

export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const { config } = options;
  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel, serializers: { req: requestSerializer } },
    bodyLimit: config.bodyLimitBytes,
    requestTimeout: 60_000,
    return503OnClosing: true,
    frameworkErrors: (error, request, reply) => {
      replyWithError(error, request, reply);
    },
  });

  const context: AppContext = {
    db: options.db,
    config,
    now: options.now ?? (() => new Date()),
    serviceIds: new Set(config.serviceIds),
  };

  registerErrorHandling(app);
  registerSecurityHeaders(app);
  await app.register(cors, {
    origin: (origin, callback) => callback(null, origin === undefined || isAllowedOrigin(origin, config.corsOrigins)),
    methods: ['GET', 'POST'],
    allowedHeaders: ['authorization', 'content-type', PROTOCOL_HEADER],
    maxAge: 600,
  });

  registerHealthRoutes(app, context);
  registerAuthRoutes(app, context);
  registerSyncRoutes(app, context);
  registerPublicRoutes(app, context);

  await app.ready();
  return app;
}
