/**
 * The audit trail over HTTP: devices push their local entries (recorded under the session's user and
 * device); supervisors and administrators read a case's trail; administrators verify the chain with
 * the key and against the anchors (as `npm run admin -- audit verify` does), see its status and
 * anchor its head.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { line } from '../../../shared/schemas/primitives';
import { MAX_AUDIT_PUSH } from '../../../shared/schemas/audit';
import { auditStatusSchema } from '../../../shared/schemas/auditStatus';
import type { AuditTrail } from '../audit/auditTrail';
import type { AppContext } from '../context/appContext';
import { authenticate } from '../auth/sessions';
import { recordDeviceEntries } from '../audit/recordDeviceEntries';
import { parseOrThrow } from '../domain/domainError';
import { readCaseAudit } from '../store/auditStore';

const caseParamsSchema = z.object({ caseId: line(64).min(1) });
/** The batch's shape; each entry is parsed on its own (recordDeviceEntries), so one bad entry refuses only itself. */
const pushEnvelopeSchema = z.object({ entries: z.array(z.unknown()).min(1).max(MAX_AUDIT_PUSH) });
const anchorBodySchema = z.object({}).optional();

export function registerAuditRoutes(app: FastifyInstance, context: AppContext, trail: AuditTrail): void {
  const { db } = context;

  app.post('/v1/audit/push', { config: { action: 'audit:push' } }, async (request, reply) => {
    const session = await authenticate(db, request, context.now());
    const body = parseOrThrow(pushEnvelopeSchema, request.body, 'audit push');
    const acknowledged = await recordDeviceEntries(db, body.entries, { deviceId: session.deviceId, userName: session.username, now: context.now() });
    return reply.code(200).send({ acknowledged });
  });

  app.get('/v1/audit/cases/:caseId', { config: { action: 'audit:read' } }, async (request, reply) => {
    const { caseId } = parseOrThrow(caseParamsSchema, request.params, 'case');
    const entries = await readCaseAudit(db, caseId);
    return reply.code(200).send({
      entries: entries.map((entry) => ({
        seq: entry.seq,
        at: entry.at.toISOString(),
        source: entry.source,
        user: entry.userName,
        device: entry.deviceId,
        action: entry.action,
        purpose: entry.purpose,
        details: entry.details,
      })),
    });
  });

  app.get('/v1/audit/verify', { config: { action: 'audit:verify' } }, async (_request, reply) => {
    return reply.code(200).send(await trail.verify());
  });

  app.get('/v1/admin/audit-status', { config: { action: 'audit:verify' } }, async (_request, reply) => {
    return reply.code(200).send(auditStatusSchema.parse(await trail.status()));
  });

  app.post('/v1/admin/audit-anchor', { config: { action: 'audit:verify' } }, async (request, reply) => {
    const session = await authenticate(db, request, context.now());
    parseOrThrow(anchorBodySchema, request.body, 'anchor request');
    await trail.writeAnchor({ userName: session.username, deviceId: session.deviceId });
    return reply.code(200).send(auditStatusSchema.parse(await trail.status()));
  });
}
