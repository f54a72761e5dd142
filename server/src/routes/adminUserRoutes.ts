/**
 * The administrator's user accounts over HTTP: list, create, change roles, disable and enable, reset
 * the password. The rules (separation of duties, the last administrator, sessions ended) and the audit
 * entries are userAdmin.ts's, which the admin command line calls too.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { passwordResetRequestSchema } from '../../../shared/schemas/userAdmin';
import { line } from '../../../shared/schemas/primitives';
import type { AppContext } from '../context/appContext';
import { changeRoles, createUser, resetPassword, setDisabled } from '../auth/userAdmin';
import { parseOrThrow } from '../domain/domainError';
import { actorOf as requestActor } from '../http/sessionOf';
import { listUsers } from '../store/accountStore';

const userParamsSchema = z.object({ username: line(64).min(1) });

export function registerAdminUserRoutes(app: FastifyInstance, context: AppContext): void {
  const { db } = context;
  const actorOf = (request: FastifyRequest) => requestActor(request, context.now());
  const usernameOf = (request: FastifyRequest) => parseOrThrow(userParamsSchema, request.params, 'user').username;

  app.get('/v1/admin/users', { config: { action: 'user:read' } }, async (_request, reply) => {
    return reply.code(200).send({ users: await listUsers(db) });
  });

  app.post('/v1/admin/users', { config: { action: 'user:create' } }, async (request, reply) => {
    return reply.code(201).send(await createUser(db, request.body, actorOf(request)));
  });

  app.post('/v1/admin/users/:username/roles', { config: { action: 'user:manage' } }, async (request, reply) => {
    return reply.code(200).send(await changeRoles(db, usernameOf(request), request.body, actorOf(request)));
  });

  app.post('/v1/admin/users/:username/disable', { config: { action: 'user:manage' } }, async (request, reply) => {
    return reply.code(200).send(await setDisabled(db, usernameOf(request), true, actorOf(request)));
  });

  app.post('/v1/admin/users/:username/enable', { config: { action: 'user:manage' } }, async (request, reply) => {
    return reply.code(200).send(await setDisabled(db, usernameOf(request), false, actorOf(request)));
  });

  app.post('/v1/admin/users/:username/reset-password', { config: { action: 'user:reset-password' } }, async (request, reply) => {
    const username = usernameOf(request);
    const { password } = parseOrThrow(passwordResetRequestSchema, request.body ?? {}, 'new password');
    const reset = await resetPassword(db, username, password, actorOf(request));
    return reply.code(200).send({ ok: true, ...reset });
  });
}
