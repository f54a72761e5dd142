/**
 * The sync API. Every request needs a session and the current protocol version, in the
 * `x-counterdesk-protocol` header and, for a push, in the body too; an older client is refused with
 * 426 `protocol_outdated` before its body is read any further (http/requireProtocol.ts).
 */
import type { FastifyInstance } from 'fastify';
import { pullQuerySchema } from '../../../shared/sync/protocol';
import type { AppContext } from '../context/appContext';
import { authenticate } from '../auth/sessions';
import { caseScopeOf } from '../authz/caseScope';
import { appendAuditNow } from '../store/auditStore';
import { parseOrThrow } from '../domain/domainError';
import { usePlainJsonParser } from '../http/plainJsonParser';
import { requireProtocol } from '../http/requireProtocol';
import { applyPush } from '../sync/applyPush';
import { CaseReferences } from '../sync/caseReferences';
import { pushEnvelopeSchema } from '../sync/pushEnvelope';
import { pullChanges } from '../sync/pullChanges';

export function registerSyncRoutes(app: FastifyInstance, context: AppContext): void {
  const { db } = context;
  // One per server: the versions it has read stay read (a name always means the same body).
  const references = new CaseReferences();

  // The push reads its body with a plain parser (http/plainJsonParser.ts): in a scope of its own.
  void app.register(async (scope) => {
    usePlainJsonParser(scope);
    registerPush(scope, context, references);
  });

  // Only the session's scope is served (decision 0030). Each page that carried changes is one audit
  // entry — who, which device, how many cases, which change numbers (the cases are those changed in that
  // range within the scope) — one per page rather than per case; an idle poll writes nothing.
  app.get('/v1/sync/pull', { config: { action: 'sync:pull' } }, async (request, reply) => {
    const session = await authenticate(db, request, context.now());
    requireProtocol(request);
    const query = parseOrThrow(pullQuerySchema, request.query, 'pull query');
    const now = context.now();
    const reader = query.client ? `${session.deviceId}/${query.client}` : session.deviceId;
    const { response, served } = await pullChanges(db, query, { scope: await caseScopeOf(db, session), reader, deviceId: session.deviceId }, now);
    if (response.changes.length > 0) {
      await appendAuditNow(db, {
        at: now,
        userName: session.username,
        deviceId: session.deviceId,
        action: 'sync.pull',
        purpose: 'sync',
        details: { cases: served, forgotten: response.changes.length - served, from: query.cursor, to: response.cursor },
      });
    }
    return reply.code(200).send(response);
  });
}

function registerPush(app: FastifyInstance, context: AppContext, references: CaseReferences): void {
  const { db } = context;
  app.post('/v1/sync/push', { config: { action: 'sync:push' } }, async (request, reply) => {
    const session = await authenticate(db, request, context.now());
    requireProtocol(request, { body: true });
    const envelope = parseOrThrow(pushEnvelopeSchema, request.body, 'push request');
    const response = await applyPush(db, envelope, {
      session,
      now: context.now(),
      references,
      notifications: { publicBaseUrl: context.config.notifications.publicBaseUrl, bureauPhone: context.config.notifications.bureau.phone },
      requestId: request.id,
      onCannotApply: (detail) => request.log.warn(detail, 'the database refused a mutation: answered cannot_apply'),
    });
    return reply.code(200).send(response);
  });
}
