/**
 * The supervisor's queue (action `case:approve`): the cases pending a decision this supervisor may
 * make and the cases at risk or overdue in the units they oversee (reports/supervisorQueue.ts),
 * filtered by unit, service and due date, each with its deadline assessment, officer and proposal;
 * and the SMS a case's citizen was sent or could not be sent. Decisions themselves are not made here:
 * they travel as desk steps through sync, so they work offline and meet the desk rule.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { taipeiDate } from '../../../shared/domain/rocDate';
import { queueFilterSchema } from '../../../shared/schemas/supervision';
import type { RenewalsResponse } from '../../../shared/schemas/supervision';
import type { AppContext } from '../context/appContext';
import { parseOrThrow } from '../domain/domainError';
import { sessionOf } from '../http/sessionOf';
import { listCaseNotifications } from '../notifications/notificationStore';
import { oversightOf, requireOversightOfCase } from '../reports/oversight';
import { listRenewalsDue, renewalWindow } from '../reports/renewals';
import { buildSupervisorQueue } from '../reports/supervisorQueue';
import { appendAuditNow } from '../store/auditStore';

export function registerSupervisorRoutes(app: FastifyInstance, context: AppContext): void {
  app.get('/v1/supervisor/queue', { config: { action: 'case:approve' } }, async (request, reply) => {
    const filter = parseOrThrow(queueFilterSchema, request.query, 'queue filter');
    const now = context.now();
    const queue = await buildSupervisorQueue(context.db, await oversightOf(context.db, sessionOf(request)), filter, { now });
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
    await requireOversightOfCase(context.db, await oversightOf(context.db, sessionOf(request)), caseId);
    return reply.code(200).send({ notifications: await listCaseNotifications(context.db, caseId) });
  });

  // 主動服務: the approved grants of the supervisor's units running out within the month, with each reminder's state.
  app.get('/v1/supervisor/renewals', { config: { action: 'case:approve' } }, async (request, reply) => {
    const now = context.now();
    const today = taipeiDate(now);
    const oversight = await oversightOf(context.db, sessionOf(request));
    const answer: RenewalsResponse = { ...renewalWindow(today), renewals: await listRenewalsDue(context.db, { today, units: oversight.units }) };
    await appendAuditNow(context.db, {
      at: now,
      action: 'supervisor.renewals-view',
      purpose: 'renewal reminders',
      userName: request.authSession?.username ?? null,
      deviceId: request.authDevice?.id ?? null,
      details: { cases: answer.renewals.length },
    });
    return reply.code(200).send(answer);
  });
}
