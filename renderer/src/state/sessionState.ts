import { defineStore } from './defineStore';
import type { HostConfig } from '../../../shared/ipc/contract';
import { signInAnswerSchema, signOutAllResponseSchema } from '../../../shared/schemas/auth';
import { enrolResponseSchema } from '../../../shared/schemas/device';
import { getClientId } from '../db/outbox';
import { saveDeviceCredential, type DeviceCredential } from '../db/deviceCredentialStore';
import { clearOfflineGrants } from '../db/offlineGrantStore';
import { clearSession, loadSession, saveSession } from '../db/sessionStore';
import type { StoredSession } from '../db/records';
import type { RevocationRecord } from '../db/wipe';
import { ApiError, NetworkError, apiRequest } from '../sync/api';
import { deviceHeaders, resolveDeviceCredential } from './deviceCredential';
import { handleDeviceRevoked, loadRevocation } from './deviceRevocation';
import { offlineSignIn, rememberOfflineGrant, type OfflineSignInResult } from './offlineSignIn';
import { caseNumbersAfterSignIn } from './caseNumbersAfterSignIn';
import { checkServerUrl } from './serverUrl';
import { lockDevice, lockNow, openDataAfterSignIn, unlockWithHost, type EscrowRelease } from './dataKey';
import { fromBase64 } from './passwordKey';

/**
 * Why an offline sign-in did not succeed: the grant's answer, or `needs-server` when the password was
 * right but this user holds no copy of the device's data key here (their first sign-in here must be online).
 */
export type OfflineRefusal = Extract<OfflineSignInResult, { ok: false }>['reason'] | 'needs-server';

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
  credential?: DeviceCredential;
  session?: StoredSession;
  /** Signed in without the server (offline grant); the server decides again at the next contact. */
  offline: boolean;
  revoked?: RevocationRecord;
  /** The configuration cannot be used (e.g. plain HTTP to another machine); shown instead of the app. */
  configError?: string;
  ready: boolean;
  init: (config: HostConfig) => Promise<void>;
  enrol: (code: string, name: string) => Promise<void>;
  signIn: (username: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
  signOutEverywhere: () => Promise<void>;
  deviceRevoked: (message: string) => Promise<void>;
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
    const credential = await resolveDeviceCredential(config);
    const session = await loadSession();
    // A stored session for another device (the profile was copied) is not this device's.
    const usable = session && credential && session.device.id === credential.deviceId && Date.parse(session.expiresAt) > Date.now() ? session : undefined;
    // A restored session opens the data only where the OS key store holds the key; else the lock screen asks.
    if (usable) await unlockWithHost();
    set({ config, credential, session: usable, ready: true });
  },
  enrol: async (code, name) => {
    const config = get().config;
    if (!config) throw new Error('host configuration not loaded');
    const enrolled = await apiRequest({ serverUrl: checkServerUrl(config.serverUrl) }, 'POST', '/v1/devices/enrol', enrolResponseSchema, { code, name });
    const credential: DeviceCredential = { deviceId: enrolled.deviceId, deviceSecret: enrolled.deviceSecret, stationCode: enrolled.stationCode, name: enrolled.name };
    await saveDeviceCredential(credential);
    set({ credential });
  },
  signIn: async (username, password) => {
    const { config, credential } = get();
    if (!config || !credential) throw new Error('this device is not enrolled');
    const clientId = await getClientId();
    let session: StoredSession;
    let escrow: EscrowRelease | undefined;
    try {
      const answer = await apiRequest({ serverUrl: checkServerUrl(config.serverUrl), headers: deviceHeaders(credential) }, 'POST', '/v1/auth/sign-in', signInAnswerSchema, {
        username,
        password,
        deviceId: credential.deviceId,
        clientId,
      });
      // The escrow key stays in memory for this sign-in only: never with the stored session.
      const { escrowKey, ...rest } = answer;
      session = rest;
      escrow = escrowKey ? { key: fromBase64(escrowKey), deviceId: credential.deviceId, clientId } : undefined;
    } catch (error) {
      if (error instanceof NetworkError) {
        set({ session: await signInOffline(username, password, credential.deviceId, error.message), offline: true });
        return;
      }
      if (error instanceof ApiError && error.code === 'device_revoked') {
        // Unwrapping first lets the revocation find (and export) unsynced work instead of failing locked.
        await openDataAfterSignIn(username, password).catch(() => undefined);
        await get().deviceRevoked(error.message);
      }
      throw error;
    }
    await saveSession(session);
    await rememberOfflineGrant(session, password);
    try {
      await openDataAfterSignIn(username, password, { create: true, ...(escrow ? { escrow } : {}) });
    } finally {
      escrow?.key.fill(0);
    }
    await caseNumbersAfterSignIn(checkServerUrl(config.serverUrl), session, deviceHeaders(credential));
    set({ session, offline: false });
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
    set({ session: undefined, offline: false });
  },
  signOutEverywhere: async () => {
    const { config, session, credential } = get();
    if (!config || !session || !credential) return;
    // Needs the server: ending the sessions elsewhere is the point. Fails loudly when offline.
    await apiRequest({ serverUrl: checkServerUrl(config.serverUrl), token: session.token, headers: deviceHeaders(credential) }, 'POST', '/v1/auth/sign-out-all', signOutAllResponseSchema, {});
    await clearOfflineGrants();
    await clearSession();
    lockDevice();
    set({ session: undefined, offline: false });
  },
  deviceRevoked: async (message) => {
    const { config, credential } = get();
    const revoked = await handleDeviceRevoked({
      deviceId: credential?.deviceId ?? config?.deviceId ?? 'unknown',
      message,
      ...(config?.recoveryPublicKey ? { recoveryPublicKey: config.recoveryPublicKey } : {}),
    });
    lockDevice();
    set({ revoked, session: undefined, credential: undefined, offline: false });
  },
}));

/**
 * Without the server: the offline grant's verifier, then the user's own copy of the data key. A user
 * with a grant but no copy here (their online sign-ins here found nothing to open) is refused rather
 * than shown a lock screen nobody can pass offline.
 */
async function signInOffline(username: string, password: string, deviceId: string, networkMessage: string): Promise<StoredSession> {
  const result = await offlineSignIn(username, password, deviceId);
  if (!result.ok) throw new OfflineSignInError(result.reason, networkMessage);
  await saveSession(result.session);
  const opened = await openDataAfterSignIn(username, password, { create: true });
  if (!opened.ok && opened.reason === 'needs-server') {
    await clearSession();
    throw new OfflineSignInError('needs-server', networkMessage);
  }
  return result.session;
}

/** The device credential headers for a request to the central server; empty before enrolment. */
export function currentDeviceHeaders(): Record<string, string> {
  const credential = useSession.getState().credential;
  return credential ? deviceHeaders(credential) : {};
}
