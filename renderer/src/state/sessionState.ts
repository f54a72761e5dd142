import { defineStore } from './defineStore';
import type { HostConfig } from '../../../shared/ipc/contract';
import { signInAnswerSchema, signOutAllResponseSchema } from '../../../shared/schemas/auth';
import { enrolResponseSchema } from '../../../shared/schemas/device';
import type { EnrolResponse } from '../../../shared/schemas/device';
import { getClientId } from '../db/outbox';
import { deviceDataKey } from '../db/dataKeyHolder';
import { identityOf, saveDeviceCredential, type DeviceCredential, type DeviceIdentity } from '../db/deviceCredentialStore';
import { clearOfflineGrants } from '../db/offlineGrantStore';
import { clearSession, loadSession, loadSessionHint, saveSession, type SessionHint } from '../db/sessionStore';
import type { StoredSession } from '../db/records';
import type { RevocationRecord } from '../db/wipe';
import { ApiError, NetworkError, apiRequest } from '../sync/api';
import { credentialForSignIn, deviceHeaders, resolveDeviceCredential, unlockedDeviceCredential } from './deviceCredential';
import { handleDeviceRevoked, loadRevocation } from './deviceRevocation';
import { grantSession, offlineSignIn, rememberOfflineGrant, type OfflineSignInResult } from './offlineSignIn';
import { caseNumbersAfterSignIn } from './caseNumbersAfterSignIn';
import { checkServerUrl } from './serverUrl';
import { lockDevice, lockNow, openDataAfterSignIn, unlockWithPassword, type EscrowRelease, type UnlockFailure } from './dataKey';
import { deviceClock } from './deviceClock';
import { fromBase64 } from '../db/base64';

/**
 * Why an offline sign-in did not succeed: the grant's answer, or `needs-server` when the password was
 * right but this user holds no copy of the device's data key here (their first sign-in here must be online).
 */
export type OfflineRefusal = Extract<OfflineSignInResult, { ok: false }>['reason'] | 'needs-server';

/**
 * The device's secret is sealed and this user's password does not open it (they never signed in on this
 * computer, which has no OS key store, since its last restart): someone who has signed in here must.
 */
export class DeviceSecretSealedError extends Error {
  override readonly name = 'DeviceSecretSealedError';
  constructor() {
    super("the device's credential is sealed and this user's password does not open it");
  }
}

/**
 * The enrolment code was made for an entrance ticket kiosk: the desktop app never runs as one (a kiosk
 * holds no case data; its page is the server's /kiosk). The server refuses such a code from the app
 * and leaves it unused; should one still come back enrolled as a kiosk, its credential is not kept.
 */
export class KioskCodeError extends Error {
  override readonly name = 'KioskCodeError';
  constructor() {
    super('this enrolment code is for the entrance ticket kiosk');
  }
}

async function enrolAsWorkstation(serverUrl: string, code: string, name: string): Promise<EnrolResponse> {
  try {
    const enrolled = await apiRequest({ serverUrl }, 'POST', '/v1/devices/enrol', enrolResponseSchema, { code, name, kind: 'workstation' });
    if (enrolled.kind === 'kiosk') throw new KioskCodeError();
    return enrolled;
  } catch (error) {
    if (error instanceof ApiError && error.facts.issues?.some((issue) => issue.path === 'kind')) throw new KioskCodeError();
    throw error;
  }
}

/** An offline sign-in that did not succeed; `reason` says what the user must do. */
export class OfflineSignInError extends Error {
  override readonly name = 'OfflineSignInError';
  constructor(
    readonly reason: OfflineRefusal,
    readonly networkMessage: string,
  ) {
    super(`offline sign-in refused: ${reason}`);
  }
}

/**
 * Who is signed in on this device, which device this is, and where the server is. Every request
 * carries the device credential (`deviceHeaders`); the server URL is checked before any request
 * (HTTPS, or plain HTTP to this machine only). A `device_revoked` answer from anywhere goes to
 * `deviceRevoked`, which removes the taxpayer data (after exporting unsynced work) and locks the app.
 */
interface SessionState {
  config?: HostConfig;
  /** Which device this is: readable while locked. */
  device?: DeviceIdentity;
  /** The whole credential, once its secret is known in this run (the host's configuration, an unlock, a sign-in). */
  credential?: DeviceCredential;
  session?: StoredSession;
  /** After a restart: who was signed in; their password opens the session again (docs/decisions/0034). */
  lockedAs?: SessionHint;
  /** Signed in without the server (offline grant); the server decides again at the next contact. */
  offline: boolean;
  revoked?: RevocationRecord;
  /** The configuration cannot be used (e.g. plain HTTP to another machine); shown instead of the app. */
  configError?: string;
  ready: boolean;
  init: (config: HostConfig) => Promise<void>;
  enrol: (code: string, name: string) => Promise<void>;
  signIn: (username: string, password: string) => Promise<void>;
  /** The lock screen: the password opens the data, then the session (sealed) comes back. */
  unlock: (password: string) => Promise<{ ok: true } | { ok: false; reason: UnlockFailure }>;
  signOut: () => Promise<void>;
  signOutEverywhere: () => Promise<void>;
  deviceRevoked: (message: string) => Promise<void>;
}

/** Whether a session (or what is known of it while locked) still holds, by the device clock. */
async function stillValid(expiresAt: string): Promise<boolean> {
  return Date.parse(expiresAt) > (await deviceClock.latest());
}

export const useSession = defineStore<SessionState>((set, get) => ({
  ready: false,
  offline: false,
  init: async (config) => {
    try {
      checkServerUrl(config.serverUrl);
    } catch (error) {
      set({ ready: true, configError: error instanceof Error ? error.message : String(error) });
      return;
    }
    const revoked = await loadRevocation();
    if (revoked) {
      set({ config, revoked, session: undefined, ready: true });
      return;
    }
    const { identity, credential } = await resolveDeviceCredential(config);
    const hint = await loadSessionHint();
    // A stored session for another device (the profile was copied) is not this device's.
    const usable = hint && identity && hint.deviceId === identity.deviceId && (await stillValid(hint.expiresAt)) ? hint : undefined;
    if (hint && !usable) await clearSession();
    // A restart always comes back locked: the user's password opens the session again, never the OS
    // key store alone (it may keep the device's key, not the user's unlock).
    set({ config, device: identity, credential, lockedAs: usable, session: undefined, ready: true });
  },
  enrol: async (code, name) => {
    const config = get().config;
    if (!config) throw new Error('host configuration not loaded');
    const enrolled = await enrolAsWorkstation(checkServerUrl(config.serverUrl), code, name);
    const credential: DeviceCredential = { deviceId: enrolled.deviceId, deviceSecret: enrolled.deviceSecret, stationCode: enrolled.stationCode, name: enrolled.name };
    // Sealed now if the data is open; else in the clear until the first sign-in opens (makes) the data key.
    await saveDeviceCredential(credential, deviceDataKey.unlocked ? deviceDataKey.require() : undefined);
    set({ credential, device: identityOf(credential) });
  },
  signIn: async (username, password) => {
    const { config, device } = get();
    if (!config || !device) throw new Error('this device is not enrolled');
    const credential = get().credential ?? (await credentialForSignIn(username, password));
    let session: StoredSession;
    let escrow: EscrowRelease | undefined;
    try {
      if (!credential) throw new DeviceSecretSealedError();
      const clientId = await getClientId();
      const answer = await apiRequest({ serverUrl: checkServerUrl(config.serverUrl), headers: deviceHeaders(credential) }, 'POST', '/v1/auth/sign-in', signInAnswerSchema, {
        username,
        password,
        deviceId: credential.deviceId,
        clientId,
      });
      await deviceClock.sawServerTime(answer.serverTime);
      // The escrow key stays in memory for this sign-in only: never with the stored session.
      const { escrowKey, ...rest } = answer;
      session = rest;
      escrow = escrowKey ? { key: fromBase64(escrowKey), deviceId: credential.deviceId, clientId } : undefined;
    } catch (error) {
      if (error instanceof NetworkError) {
        set({ session: await signInOffline(username, password, device.deviceId, error.message), offline: true, lockedAs: undefined, credential: credential ?? (await unlockedDeviceCredential()) });
        return;
      }
      if (error instanceof ApiError && error.code === 'device_revoked') {
        // Unwrapping first lets the revocation find (and export) unsynced work instead of failing locked.
        await openDataAfterSignIn(username, password).catch(() => undefined);
        await get().deviceRevoked(error.message);
      }
      throw error;
    }
    try {
      await openDataAfterSignIn(username, password, { create: true, ...(escrow ? { escrow } : {}) });
    } finally {
      escrow?.key.fill(0);
    }
    // Kept only sealed: a user whose password opened nothing here works on in memory (the lock screen says why).
    if (deviceDataKey.unlocked) {
      await saveSession(session);
      await rememberOfflineGrant(session, password, deviceDataKey.require());
    }
    await caseNumbersAfterSignIn(checkServerUrl(config.serverUrl), session, deviceHeaders(credential));
    set({ session, offline: false, lockedAs: undefined, credential });
  },
  unlock: async (password) => {
    const who = get().session?.user.username ?? get().lockedAs?.username;
    if (!who) return { ok: false, reason: 'no-copy' };
    const result = await unlockWithPassword(who, password);
    if (!result.ok) return result;
    const session = get().session ?? (await loadSession());
    if (!session || !(await stillValid(session.expiresAt))) {
      // Expired while locked (or unreadable): a full sign-in decides again.
      await get().signOut();
      return { ok: true };
    }
    set({ session, lockedAs: undefined, credential: get().credential ?? (await unlockedDeviceCredential()) });
    return { ok: true };
  },
  signOut: async () => {
    // What screens still have to write (a draft typed a moment ago) is written, sealed, before the key goes.
    await lockNow();
    const { config, session, credential } = get();
    if (config && session && credential && !get().offline) {
      // Best effort: the local session ends even when the server cannot be told.
      await fetch(new URL('/v1/auth/sign-out', checkServerUrl(config.serverUrl)), {
        method: 'POST',
        headers: { authorization: `Bearer ${session.token}`, ...deviceHeaders(credential) },
      }).catch(() => undefined);
    }
    await clearSession();
    lockDevice();
    set({ session: undefined, lockedAs: undefined, offline: false });
  },
  signOutEverywhere: async () => {
    const { config, session, credential } = get();
    if (!config || !session || !credential) return;
    // Needs the server: ending the sessions elsewhere is the point. Fails loudly when offline.
    await apiRequest({ serverUrl: checkServerUrl(config.serverUrl), token: session.token, headers: deviceHeaders(credential) }, 'POST', '/v1/auth/sign-out-all', signOutAllResponseSchema, {});
    await clearOfflineGrants();
    await clearSession();
    lockDevice();
    set({ session: undefined, lockedAs: undefined, offline: false });
  },
  deviceRevoked: async (message) => {
    const { config, device } = get();
    const revoked = await handleDeviceRevoked({
      deviceId: device?.deviceId ?? config?.deviceId ?? 'unknown',
      message,
      ...(config?.recoveryPublicKey ? { recoveryPublicKey: config.recoveryPublicKey } : {}),
    });
    lockDevice();
    set({ revoked, session: undefined, lockedAs: undefined, credential: undefined, device: undefined, offline: false });
  },
}));

/**
 * Without the server: the offline grant's verifier, then the user's own copy of the data key, then the
 * grant's session (sealed under that key). A user with a grant but no copy here (their online sign-ins
 * here found nothing to open) is refused rather than shown a lock screen nobody can pass offline.
 */
async function signInOffline(username: string, password: string, deviceId: string, networkMessage: string): Promise<StoredSession> {
  const result = await offlineSignIn(username, password, deviceId);
  if (!result.ok) throw new OfflineSignInError(result.reason, networkMessage);
  const opened = await openDataAfterSignIn(username, password, { create: true });
  if (!opened.ok) throw new OfflineSignInError('needs-server', networkMessage);
  const session = grantSession(result.grant, deviceDataKey.require('the offline grant'));
  if (!session) {
    lockDevice();
    throw new OfflineSignInError('no-grant', networkMessage);
  }
  await saveSession(session);
  return session;
}

/** The device credential headers for a request to the central server; empty before enrolment. */
export function currentDeviceHeaders(): Record<string, string> {
  const credential = useSession.getState().credential;
  return credential ? deviceHeaders(credential) : {};
}
