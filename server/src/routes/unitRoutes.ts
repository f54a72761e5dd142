/**
 * Handling units and their people: every signed-in user may read them (the desk names officers, the
 * supervisor's screens name units); only the administrator changes them (action `unit:manage`), each
 * change audited by auth/unitAdmin.ts. The admin command line does the same through the same functions.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { positionSchema, unitCodeSchema } from '../../../shared/schemas/unit';
import type { UnitsResponse } from '../../../shared/schemas/unit';
import { addUnitMember, changeUnitNames, createUnit, removeUnitMember } from '../auth/unitAdmin';
import type { AppContext } from '../context/appContext';
import { parseOrThrow } from '../domain/domainError';
import { actorOf } from '../http/sessionOf';
import { listUnitMembers, listUnits } from '../store/unitStore';

const unitParamsSchema = z.object({ code: unitCodeSchema });
const memberParamsSchema = unitParamsSchema.extend({ username: z.string().min(1).max(64), position: positionSchema });

export function registerUnitRoutes(app: FastifyInstance, context: AppContext): void {
  const { db } = context;

  app.get('/v1/units', { config: { action: 'reference:read' } }, async (_request, reply) => {
    const answer: UnitsResponse = { units: await listUnits(db), members: await listUnitMembers(db) };
    return reply.code(200).send(answer);
  });

  app.post('/v1/admin/units', { config: { action: 'unit:manage' } }, async (request, reply) => {
    const unit = await createUnit(db, request.body, actorOf(request, context.now()));
    return reply.code(201).send({ unit });
  });

  app.patch('/v1/admin/units/:code', { config: { action: 'unit:manage' } }, async (request, reply) => {
    const { code } = parseOrThrow(unitParamsSchema, request.params, 'unit code');
    const unit = await changeUnitNames(db, code, request.body, actorOf(request, context.now()));
    return reply.code(200).send({ unit });
  });

  app.post('/v1/admin/units/:code/members', { config: { action: 'unit:manage' } }, async (request, reply) => {
    const { code } = parseOrThrow(unitParamsSchema, request.params, 'unit code');
    const result = await addUnitMember(db, code, request.body, actorOf(request, context.now()));
    return reply.code(result.added ? 201 : 200).send(result);
  });

  app.delete('/v1/admin/units/:code/members/:username/:position', { config: { action: 'unit:manage' } }, async (request, reply) => {
    const { code, username, position } = parseOrThrow(memberParamsSchema, request.params, 'unit member');
    await removeUnitMember(db, code, { username, position }, actorOf(request, context.now()));
    return reply.code(200).send({ ok: true });
  });
}
