import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context/appContext';

/** How long the database may take to answer before the server reports itself unhealthy. */
const HEALTH_TIMEOUT_MS = 2_000;

export function registerHealthRoutes(app: FastifyInstance, context: AppContext): void {
  app.get('/healthz', { config: { action: 'public' } }, async (_request, reply) => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error('database health check timed out')), HEALTH_TIMEOUT_MS);
    });
    const ok = await Promise.race([context.db.query('SELECT 1 AS ok'), timeout]).then(
      () => true,
      (error: unknown) => {
        app.log.warn({ err: error }, 'health check failed');
        return false;
      },
    );
    clearTimeout(timer);
    return reply.code(ok ? 200 : 503).send({ ok, version: context.config.version });
  });
}
