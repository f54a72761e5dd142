import type { FastifyRequest } from 'fastify';
import type { Session } from '../auth/sessions';
import { HttpError } from './httpError';

/** The session the authorization hook checked; a route whose action needs a user always has one. */
export function sessionOf(request: FastifyRequest): Session {
  if (!request.authSession) throw new HttpError('unauthorized', 'Sign in first: this request needs a valid session');
  return request.authSession;
}

/** Who made a change, for the audit: the signed-in user, on the device the session was made on. */
export function actorOf(request: FastifyRequest, now: Date): { by: string; deviceId: string; now: Date } {
  const session = sessionOf(request);
  return { by: session.username, deviceId: session.deviceId, now };
}
