/**
 * Administration over HTTP, for an administrator signed in on an enrolled device: enrolment codes,
 * the device list and revocation, users and password resets. The admin command line does the same
 * through the same store functions (server/src/cli/admin.ts).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../context/appContext';
import { createUser, resetPassword, resetPasswordSchema } from '../auth/userAdmin';
import { parseOrThrow } from '../domain/domainError';
import { actorOf as requestActor } from '../http/sessionOf';
import { listUsers } from '../store/accountStore';
import { createEnrolmentCode, listDevices, revokeDevice } from '../store/deviceStore';

const enrolmentCodeRequestSchema = z.object({ stationCode: z.string().min(2).max(6) });
const revokeRequestSchema = z.object({ reason: z.string().trim().min(1).max(500).regex(/^[^\p{Cc}]+$/u, 'no control characters') });
const deviceParamsSchema = z.object({ deviceId: z.string().min(1).max(64) });
const userParamsSchema = z.object({ username: z.string().min(1).max(64).regex(/^[^\p{Cc}]+$/u) });

export function registerAdminRoutes(app: FastifyInstance, context: AppContext): void {
  const { db } = context;
  const actorOf = (request: FastifyRequest) => requestActor(request, context.now());

  app.post('/v1/admin/enrolment-codes', { config: { action: 'device:enrol' } }, async (request, reply) => {
    const body = parseOrThrow(enrolmentCodeRequestSchema, request.body, 'enrolment code request');
    const actor = actorOf(request);
    const code = await createEnrolmentCode(db, { stationCode: body.stationCode, createdBy: actor.by, deviceId: actor.deviceId, now: actor.now });
    return reply.code(200).send({ code: code.code, stationCode: code.stationCode, expiresAt: code.expiresAt.toISOString() });
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

  app.get('/v1/admin/users', { config: { action: 'user:read' } }, async (_request, reply) => {
    return reply.code(200).send({ users: await listUsers(db) });
  });

  app.post('/v1/admin/users', { config: { action: 'user:create' } }, async (request, reply) => {
    const created = await createUser(db, request.body, actorOf(request));
    return reply.code(201).send(created);
  });

  app.post('/v1/admin/users/:username/reset-password', { config: { action: 'user:reset-password' } }, async (request, reply) => {
    const { username } = parseOrThrow(userParamsSchema, request.params, 'user');
    const { password } = parseOrThrow(resetPasswordSchema, request.body, 'new password');
    await resetPassword(db, username, password, actorOf(request));
    return reply.code(200).send({ ok: true });
  });
}
