/**
 * Sign-in and sign-out. Sign-in answers the same `unauthorized` for an unknown user, a disabled one
 * and a wrong password, after the same single argon2 verification, so neither the body nor the time
 * tells which usernames exist. The device is checked first: an unknown or revoked device never gets
 * as far as a password check.
 */
import type { FastifyInstance } from 'fastify';
import { signInRequestSchema } from '../../../shared/schemas/auth';
import type { SignInResponse } from '../../../shared/schemas/auth';
import type { AppContext } from '../appContext';
import { verifyPassword } from '../auth/password';
import { authenticate, createSession, endSession, knownRoles, pruneExpiredSessions } from '../auth/sessions';
import { HttpError, parseOrThrow } from '../http/httpError';
import { findDevice, findUserByUsername } from '../store/accountStore';

export function registerAuthRoutes(app: FastifyInstance, context: AppContext): void {
  const { db } = context;

  app.post('/v1/auth/sign-in', async (request, reply) => {
    const body = parseOrThrow(signInRequestSchema, request.body, 'sign-in request');
    const device = await findDevice(db, body.deviceId);
    if (!device) throw new HttpError('device_unknown', 'This device is not enrolled with the server');
    if (device.revoked) throw new HttpError('device_revoked', 'This device has been revoked');

    const user = await findUserByUsername(db, body.username);
    const passwordOk = await verifyPassword(user?.passwordHash, body.password);
    if (!user || user.disabled || !passwordOk) throw new HttpError('unauthorized', 'Wrong username or password');

    const now = context.now();
    await pruneExpiredSessions(db, user.id, now);
    const session = await createSession(db, { userId: user.id, deviceId: device.id, now, ttlMs: context.config.sessionTtlMs });
    const response: SignInResponse = {
      token: session.token,
      expiresAt: session.expiresAt.toISOString(),
      user: { username: user.username, displayName: user.displayName, roles: knownRoles(user.roles) },
      device: { id: device.id, name: device.name, stationCode: device.stationCode },
      serverTime: now.toISOString(),
    };
    return reply.code(200).send(response);
  });

  app.post('/v1/auth/sign-out', async (request, reply) => {
    const session = await authenticate(db, request, context.now());
    await endSession(db, session.tokenHash);
    return reply.code(200).send({ ok: true });
  });
}
