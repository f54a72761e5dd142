/**
 * The audit trail over HTTP: devices push their local entries; supervisors and administrators read
 * a case's trail; administrators verify the chain (as `npm run admin -- audit verify` does).
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { auditPushRequestSchema } from '../../../shared/schemas/audit';
import type { AppContext } from '../context/appContext';
import { authenticate } from '../auth/sessions';
import { recordDeviceEntries } from '../audit/recordDeviceEntries';
import { verifyAuditChain } from '../audit/verifyAuditChain';
import { parseOrThrow } from '../domain/domainError';
import { readCaseAudit } from '../store/auditStore';

const caseParamsSchema = z.object({ caseId: z.string().min(1).max(64).regex(/^[^\p{Cc}]+$/u) });

export function registerAuditRoutes(app: FastifyInstance, context: AppContext): void {
  const { db } = context;

  app.post('/v1/audit/push', { config: { action: 'audit:push' } }, async (request, reply) => {
    const session = await authenticate(db, request, context.now());
    const body = parseOrThrow(auditPushRequestSchema, request.body, 'audit push');
    const acknowledged = await recordDeviceEntries(db, body.entries, { deviceId: session.deviceId, pushedBy: session.username, now: context.now() });
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
    return reply.code(200).send(await verifyAuditChain(db));
  });
}
