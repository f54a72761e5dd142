/**
 * A device's own routes: enrolment with a one-time code (public, rate-limited: the code is the
 * credential) and `GET /v1/devices/me`, the cheapest contact, which tells a revoked device so.
 */
import type { FastifyInstance } from 'fastify';
import { enrolRequestSchema } from '../../../shared/schemas/device';
import type { EnrolResponse } from '../../../shared/schemas/device';
import type { AppContext } from '../context/appContext';
import { enrolmentLimit } from '../authz/rateLimit';
import { parseOrThrow } from '../domain/domainError';
import { HttpError } from '../http/httpError';
import { enrolDevice } from '../store/deviceStore';

export function registerDeviceRoutes(app: FastifyInstance, context: AppContext): void {
  app.post('/v1/devices/enrol', { config: { action: 'public', rateLimit: enrolmentLimit } }, async (request, reply) => {
    const body = parseOrThrow(enrolRequestSchema, request.body, 'enrolment request');
    const enrolled = await enrolDevice(context.db, { code: body.code, name: body.name, now: context.now(), ...(body.kind ? { kind: body.kind } : {}) });
    const response: EnrolResponse = enrolled;
    return reply.code(200).send(response);
  });

  app.get('/v1/devices/me', { config: { action: 'device' } }, async (request, reply) => {
    const device = request.authDevice;
    if (!device) throw new HttpError('unauthorized', "This request needs the device's credential");
    return reply.code(200).send({ id: device.id, name: device.name, stationCode: device.stationCode });
  });
}
