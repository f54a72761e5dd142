/**
 * The supervisor's queue (action `case:approve`): cases pending approval and cases at risk or
 * overdue, filtered by unit, service and due date, each with its deadline assessment; and the SMS a
 * case's citizen was sent or could not be sent. Decisions themselves are not made here: they travel
 * as `transition` mutations through sync, so they work offline and go through the lifecycle check.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { queueFilterSchema } from '../../../shared/schemas/supervision';
import type { QueueCase, SupervisorQueue } from '../../../shared/schemas/supervision';
import type { AppContext } from '../context/appContext';
import { parseOrThrow } from '../domain/domainError';
import { HttpError } from '../http/httpError';
import { listCaseNotifications } from '../notifications/notificationStore';
import { assessOpenCases } from '../reports/caseAssessments';
import { appendAuditNow } from '../store/auditStore';

const riskOrder: Record<QueueCase['risk'], number> = { overdue: 0, 'at-risk': 1, unknown: 2, paused: 3, 'on-track': 4 };

export function registerSupervisorRoutes(app: FastifyInstance, context: AppContext): void {
  app.get('/v1/supervisor/queue', { config: { action: 'case:approve' } }, async (request, reply) => {
    const filter = parseOrThrow(queueFilterSchema, request.query, 'queue filter');
    const now = context.now();
    const all = await assessOpenCases(context.db, { now });
    const cases = all.filter(
      (item) => (!filter.unit || item.unit === filter.unit) && (!filter.service || item.serviceId === filter.service) && (!filter.dueBy || item.dueDate <= filter.dueBy),
    );
    const queue: SupervisorQueue = {
      generatedAt: now.toISOString(),
      pendingApproval: cases.filter((item) => item.status === 'pending-approval'),
      atRisk: cases
        .filter((item) => item.risk === 'at-risk' || item.risk === 'overdue')
        .sort((a, b) => riskOrder[a.risk] - riskOrder[b.risk] || a.dueDate.localeCompare(b.dueDate) || a.caseNo.localeCompare(b.caseNo)),
      units: [...new Set(all.map((item) => item.unit))].sort(),
    };
    await appendAuditNow(context.db, {
      at: now,
      action: 'supervisor.queue-view',
      purpose: 'approval queue',
      userName: request.authSession?.username ?? null,
      deviceId: request.authDevice?.id ?? null,
      details: { unit: filter.unit ?? null, service: filter.service ?? null, dueBy: filter.dueBy ?? null, cases: queue.pendingApproval.length + queue.atRisk.length },
    });
    return reply.code(200).send(queue);
  });

  app.get('/v1/supervisor/cases/:caseId/notifications', { config: { action: 'case:approve' } }, async (request, reply) => {
    const { caseId } = parseOrThrow(z.object({ caseId: z.uuid() }), request.params, 'case id');
    const { rowCount } = await context.db.query('SELECT 1 FROM cases WHERE id = $1 AND deleted_at IS NULL', [caseId]);
    if (rowCount === 0) throw new HttpError('not_found', 'No such case');
    return reply.code(200).send({ notifications: await listCaseNotifications(context.db, caseId) });
  });
}
