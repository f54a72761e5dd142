import type { FastifyInstance } from 'fastify';
import type { ServerHealth } from '../../../shared/schemas/serverHealth';
import type { AppContext } from '../context/appContext';
import { readHealthCounts } from '../store/serverHealthStore';

/** How long the database may take to answer before the server reports itself unhealthy. */
const HEALTH_TIMEOUT_MS = 2_000;

/**
 * `/healthz` for load balancers (anyone: up or not, and the version), and `/v1/admin/health` for the
 * administrator's console: the database, the schema, the jobs and the SMS queue, as counts.
 */
export function registerHealthRoutes(app: FastifyInstance, context: AppContext): void {
  const startedAt = context.now();

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

  app.get('/v1/admin/health', { config: { action: 'server:health' } }, async (_request, reply) => {
    const now = context.now();
    // The guard has just read the database for this request's session, so it is reachable.
    const counts = await readHealthCounts(context.db, now);
    const { jobs, smsGateway } = context.config.notifications;
    const health: ServerHealth = {
      version: context.config.version,
      checkedAt: now.toISOString(),
      startedAt: startedAt.toISOString(),
      database: { kind: context.db.kind, reachable: true, schemaVersion: counts.schemaVersion },
      jobs: { enabled: jobs.enabled, smsGateway: smsGateway.url !== undefined },
      notifications: { pending: counts.pendingNotifications, failed: counts.failedNotifications, oldestPendingAt: counts.oldestPendingAt?.toISOString() ?? null },
      accounts: { activeUsers: counts.activeUsers, activeDevices: counts.activeDevices, liveSessions: counts.liveSessions },
    };
    return reply.code(200).send(health);
  });
}
