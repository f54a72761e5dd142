/**
 * Field visits (到府服務).
 *
 *   GET  /v1/visits/field-staff        visit:plan    who a visit may be assigned to
 *   POST /v1/visits                    visit:plan    plan a visit (idempotent by its client-made id)
 *   GET  /v1/visits?date=&assignee=    visit:plan    a day's visits with their outcomes
 *   GET  /v1/visits/mine?date=         visit:read    the signed-in worker's plan, with earlier cases
 *   POST /v1/visits/:visitId/outcome   visit:report  done / not done, once; a replay changes nothing
 *
 * The case made at a home travels through sync like any other (channel 'field-visit'); its receipt
 * SMS is the intake message sync already queues, so an outcome never queues a message itself and a
 * replayed outcome cannot send a second one. Downloading a plan reads taxpayer data: it is audited.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { fieldStaffListSchema, visitOutcomeSchema, visitPlanRequestSchema, visitQuerySchema } from '../../../shared/schemas/visit';
import type { VisitPlan } from '../../../shared/schemas/visit';
import { addDays } from '../../../shared/domain/isoDate';
import { taipeiDate } from '../../../shared/domain/rocDate';
import type { AppContext } from '../context/appContext';
import { parseOrThrow } from '../domain/domainError';
import { HttpError } from '../http/httpError';
import { appendAudit, appendAuditNow } from '../store/auditStore';
import type { AuditInput } from '../store/auditStore';
import { findVisit, listFieldStaff, listVisits, planOf, planVisit, recordOutcome } from '../store/visitStore';

function sessionOf(request: { authSession?: { userId: number; username: string; roles: readonly string[] } | null }) {
  const session = request.authSession;
  // The authorization hook has already refused requests without one; this narrows the type.
  if (!session) throw new HttpError('unauthorized', 'Sign in first');
  return session;
}

/** Who did a visit action, from which device and when, for its audit entry. */
function auditBy(request: { authDevice?: { id: string } | null }, username: string, now: Date): Pick<AuditInput, 'at' | 'userName' | 'deviceId'> {
  return { at: now, userName: username, deviceId: request.authDevice?.id ?? null };
}

/** How far ahead a worker may download a plan: a Friday evening for Monday, a week's leave for after it. */
const PLAN_DAYS_AHEAD = 14;

export function registerVisitRoutes(app: FastifyInstance, context: AppContext): void {
  app.get('/v1/visits/field-staff', { config: { action: 'visit:plan' } }, async (_request, reply) => {
    return reply.code(200).send(fieldStaffListSchema.parse({ staff: await listFieldStaff(context.db) }));
  });

  app.post('/v1/visits', { config: { action: 'visit:plan' } }, async (request, reply) => {
    const session = sessionOf(request);
    const body = parseOrThrow(visitPlanRequestSchema, request.body, 'visit');
    if (!context.serviceIds.has(body.serviceId)) throw new HttpError('validation_failed', 'The visit is not valid', { issues: [{ path: 'serviceId', message: 'not a service of the catalogue' }] });
    const now = context.now();
    const visit = await context.db.transaction(async (tx) => {
      const planned = await planVisit(tx, body, session.username, now);
      await appendAudit(tx, {
        ...auditBy(request, session.username, now),
        action: 'visit.plan',
        purpose: '到府服務排程 / visit planning',
        details: { visitId: planned.id, planDate: planned.planDate, assignee: planned.assignee },
      });
      return planned;
    });
    return reply.code(200).send(visit);
  });

  app.get('/v1/visits', { config: { action: 'visit:plan' } }, async (request, reply) => {
    const query = parseOrThrow(visitQuerySchema, request.query, 'visit query');
    return reply.code(200).send({ visits: await listVisits(context.db, { date: query.date, assignee: query.assignee }) });
  });

  app.get('/v1/visits/mine', { config: { action: 'visit:read' } }, async (request, reply) => {
    const session = sessionOf(request);
    const { date } = parseOrThrow(visitQuerySchema.pick({ date: true }), request.query, 'visit query');
    const now = context.now();
    // A laptop holds the day's visits (decision 0030): today's plan or a coming one, never past days' applicants.
    const today = taipeiDate(now);
    if (date < today || date > addDays(today, PLAN_DAYS_AHEAD)) {
      throw new HttpError('forbidden', `A plan is downloaded for today or the next ${PLAN_DAYS_AHEAD} days`, { issues: [{ path: 'date', message: 'outside the days a plan is downloaded for' }] });
    }
    const visits = await planOf(context.db, session.userId, date);
    await appendAuditNow(context.db, {
      at: now,
      action: 'visit.plan-download',
      purpose: '到府服務 / field visits',
      userName: session.username,
      deviceId: request.authDevice?.id ?? null,
      details: { planDate: date, visits: visits.length, earlierCases: visits.reduce((sum, visit) => sum + visit.earlierCases.length, 0) },
    });
    const plan: VisitPlan = { planDate: date, generatedAt: now.toISOString(), visits };
    return reply.code(200).send(plan);
  });

  app.post('/v1/visits/:visitId/outcome', { config: { action: 'visit:report' } }, async (request, reply) => {
    const session = sessionOf(request);
    const { visitId } = parseOrThrow(z.object({ visitId: z.uuid() }), request.params, 'visit id');
    const outcome = parseOrThrow(visitOutcomeSchema, request.body, 'visit outcome');
    const now = context.now();
    const result = await context.db.transaction(async (tx) => {
      const found = await findVisit(tx, visitId, true);
      if (!found) throw new HttpError('not_found', 'No such visit');
      // A worker reports their own visits; a supervisor may report any (e.g. one done in their stead).
      if (found.assigneeId !== session.userId && !session.roles.includes('supervisor')) throw new HttpError('forbidden', 'This visit is assigned to someone else');
      const recorded = await recordOutcome(tx, found.visit, outcome, session.username, now);
      if (!recorded.replay) {
        await appendAudit(tx, {
          ...auditBy(request, session.username, now),
          action: 'visit.outcome',
          purpose: '到府服務 / field visits',
          caseId: outcome.state === 'done' ? (outcome.caseId ?? null) : null,
          details: { visitId, state: outcome.state, receipt: outcome.state === 'done' ? (outcome.receipt ?? null) : null, reportedAt: outcome.reportedAt },
        });
      }
      return recorded;
    });
    const recordedOutcome = result.visit.outcome;
    if (!recordedOutcome) throw new Error('a reported visit has no outcome');
    return reply.code(200).send({ visitId, outcome: recordedOutcome, replay: result.replay });
  });
}
