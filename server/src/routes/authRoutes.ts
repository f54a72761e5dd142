/**
 * Sign-in, sign-out and sign-out everywhere.
 *
 * Sign-in needs the device's credential (checked by the authorization guard before the body is
 * read), then passes the lock-out and address limits (auth/signInThrottle.ts), then one argon2
 * verification. An unknown user, a disabled one and a wrong password get the same `unauthorized`
 * after the same verification, so neither the body nor the time tells which usernames exist. Every
 * sign-in, failed sign-in and sign-out is audited.
 *
 * A sign-in that names the install (clientId) by a user entitled to the device's data also answers the
 * install's escrow key, which opens the device's escrow copy of its data key, so people can take turns
 * on one computer (docs/decisions/0017-shared-device-escrow.md). Only this answer, on the device's
 * authenticated channel, ever carries it; the audit entry says it was released, never the key.
 */
import { membershipsOf } from '../store/unitStore';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { signInRequestSchema } from '../../../shared/schemas/auth';
import type { SignInAnswer } from '../../../shared/schemas/auth';
import type { AppContext } from '../context/appContext';
import type { AuditDetails } from '../domain/auditChain';
import type { AuthenticatedDevice } from '../auth/deviceCredential';
import { verifyPassword } from '../domain/password';
import { authenticate, createSession, endAllSessions, endSession, knownRoles, pruneExpiredSessions } from '../auth/sessions';
import { assertSignInAllowed, clearSignInFailures, recordSignInFailure } from '../auth/signInThrottle';
import { breaksRoleSeparation } from '../../../shared/domain/roleSeparation';
import { entitledToDeviceData } from '../authz/permissions';
import type { Database } from '../db/database';
import { DomainError, parseOrThrow } from '../domain/domainError';
import { HttpError } from '../http/httpError';
import { findUserByUsername } from '../store/accountStore';
import { appendAudit } from '../store/auditStore';
import { escrowKeyFor } from '../store/escrowKeyStore';

function requireDevice(request: FastifyRequest): AuthenticatedDevice {
  // The guard has checked the credential of every non-public route; this only narrows the type.
  if (!request.authDevice) throw new HttpError('unauthorized', "This request needs the device's credential");
  return request.authDevice;
}

/**
 * An account that holds the administrator with a case role is not signed in until an administrator
 * separates its roles (docs/decisions/0035-administrators-console.md); the attempt is audited.
 */
async function refuseMixedRoles(db: Database, attempt: { username: string; deviceId: string; address: string; now: Date }): Promise<never> {
  await db.transaction((tx) =>
    appendAudit(tx, { at: attempt.now, userName: attempt.username, deviceId: attempt.deviceId, action: 'auth.sign-in-failed', details: { address: attempt.address, reason: 'role-separation' } }),
  );
  throw new DomainError('role_separation', 'This account holds the administrator role together with a case role: ask another administrator to change its roles');
}

export function registerAuthRoutes(app: FastifyInstance, context: AppContext): void {
  const { db } = context;

  app.post('/v1/auth/sign-in', { config: { action: 'device' } }, async (request, reply) => {
    const device = requireDevice(request);
    const body = parseOrThrow(signInRequestSchema, request.body, 'sign-in request');
    if (body.deviceId !== device.id) throw new HttpError('unauthorized', "The sign-in names another device than this device's credential");
    const now = context.now();
    const attempt = { username: body.username, address: request.ip, now };
    await assertSignInAllowed(db, attempt);

    const user = await findUserByUsername(db, body.username);
    const passwordOk = await verifyPassword(user?.passwordHash, body.password);
    if (!user || user.disabled || !passwordOk) {
      await db.transaction(async (tx) => {
        await recordSignInFailure(tx, attempt);
        await appendAudit(tx, {
          at: now,
          userName: user?.username ?? null,
          deviceId: device.id,
          action: 'auth.sign-in-failed',
          details: { address: request.ip, reason: !user ? 'unknown-user' : user.disabled ? 'disabled' : 'wrong-password' },
        });
      });
      throw new HttpError('unauthorized', 'Wrong username or password');
    }

    const roles = knownRoles(user.roles);
    // Told only after the right password, so the refusal says nothing to someone guessing.
    if (breaksRoleSeparation(roles)) await refuseMixedRoles(db, { username: user.username, deviceId: device.id, address: request.ip, now });
    const escrowClientId = entitledToDeviceData(roles) ? body.clientId : undefined;
    const { session, escrowKey, units } = await db.transaction(async (tx) => {
      await clearSignInFailures(tx, user.username);
      await pruneExpiredSessions(tx, user.id, now);
      const created = await createSession(tx, { userId: user.id, deviceId: device.id, now, ttlMs: context.config.sessionTtlMs });
      // The device was checked not revoked by the guard; revocation deletes its keys in a transaction of its own.
      const key = escrowClientId ? await escrowKeyFor(tx, { deviceId: device.id, clientId: escrowClientId, now }) : undefined;
      const details: AuditDetails = escrowClientId ? { address: request.ip, escrowReleasedTo: escrowClientId } : { address: request.ip };
      await appendAudit(tx, { at: now, userName: user.username, deviceId: device.id, action: 'auth.sign-in', details });
      return { session: created, escrowKey: key, units: await membershipsOf(tx, user.username) };
    });
    const response: SignInAnswer = {
      token: session.token,
      expiresAt: session.expiresAt.toISOString(),
      user: { username: user.username, displayName: user.displayName, roles, units },
      device: { id: device.id, name: device.name, stationCode: device.stationCode },
      serverTime: now.toISOString(),
      offlineGrant: { expiresAt: new Date(now.getTime() + context.config.offlineGrantMs).toISOString() },
      ...(escrowKey ? { escrowKey } : {}),
    };
    return reply.code(200).send(response);
  });

  app.post('/v1/auth/sign-out', { config: { action: 'session:end' } }, async (request, reply) => {
    const now = context.now();
    const session = await authenticate(db, request, now);
    await db.transaction(async (tx) => {
      await endSession(tx, session.tokenHash);
      await appendAudit(tx, { at: now, userName: session.username, deviceId: session.deviceId, action: 'auth.sign-out' });
    });
    return reply.code(200).send({ ok: true });
  });

  app.post('/v1/auth/sign-out-all', { config: { action: 'session:end' } }, async (request, reply) => {
    const now = context.now();
    const session = await authenticate(db, request, now);
    const endedSessions = await db.transaction(async (tx) => {
      const ended = await endAllSessions(tx, session.userId);
      await appendAudit(tx, { at: now, userName: session.username, deviceId: session.deviceId, action: 'auth.sign-out-all', details: { endedSessions: ended } });
      return ended;
    });
    return reply.code(200).send({ ok: true, endedSessions });
  });
}
