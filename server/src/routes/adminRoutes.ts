/**
 * Administration of devices over HTTP, for an administrator signed in on an enrolled device:
 * enrolment codes, the device list and revocation. Users are adminUserRoutes.ts's. The admin command
 * line does the same through the same store functions (server/src/cli/runAdmin.ts).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { enrolmentCodeRequestSchema, revokeRequestSchema } from '../../../shared/schemas/deviceAdmin';
import type { AppContext } from '../context/appContext';
import { parseOrThrow } from '../domain/domainError';
import { actorOf as requestActor } from '../http/sessionOf';
import { createEnrolmentCode, listDevices, listPendingEnrolmentCodes, revokeDevice } from '../store/deviceStore';

const deviceParamsSchema = z.object({ deviceId: z.string().min(1).max(64) });

export function registerAdminRoutes(app: FastifyInstance, context: AppContext): void {
  const { db } = context;
  const actorOf = (request: FastifyRequest) => requestActor(request, context.now());

  app.post('/v1/admin/enrolment-codes', { config: { action: 'device:enrol' } }, async (request, reply) => {
    const body = parseOrThrow(enrolmentCodeRequestSchema, request.body, 'enrolment code request');
    const actor = actorOf(request);
    const code = await createEnrolmentCode(db, { stationCode: body.stationCode, kind: body.kind, createdBy: actor.by, deviceId: actor.deviceId, now: actor.now });
    return reply.code(200).send({ code: code.code, stationCode: code.stationCode, expiresAt: code.expiresAt.toISOString(), kind: code.kind });
  });

  app.get('/v1/admin/enrolment-codes', { config: { action: 'device:read' } }, async (_request, reply) => {
    return reply.code(200).send({ codes: await listPendingEnrolmentCodes(db, context.now()) });
  });

  app.get('/v1/admin/devices', { config: { action: 'device:read' } }, async (_request, reply) => {
    return reply.code(200).send({ devices: await listDevices(db) });
  });

  app.post('/v1/admin/devices/:deviceId/revoke', { config: { action: 'device:revoke' } }, async (request, reply) => {
    const { deviceId } = parseOrThrow(deviceParamsSchema, request.params, 'device');
    const { reason } = parseOrThrow(revokeRequestSchema, request.body, 'revocation');
    const actor = actorOf(request);
    const result = await revokeDevice(db, { deviceId, reason, by: actor.by, byDeviceId: actor.deviceId, now: actor.now });
    return reply.code(200).send(result);
  });
}
