import { useEffect } from 'react';
import type { HostConfig } from '../../../shared/ipc/contract';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../../shared/sync/protocol';
import { pushLocalAudit } from '../state/auditPush';
import { refreshDevicePolicy } from '../state/devicePolicy';
import { currentDeviceHeaders, useSession } from '../state/sessionState';
import { ApiError } from '../sync/api';

/** How often the device checks in when it does not sync cases. */
const UPKEEP_INTERVAL_MS = 5 * 60 * 1000;

/**
 * What a device still owes the server while someone who works on no cases (the administrator) is signed
 * in, in place of the case sync that role may not run: the device's policy (auto-lock minutes), and the
 * local audit entries. A revoked device or an ended session is acted on as the sync would.
 */
export function useDeviceUpkeep(config: HostConfig | undefined): void {
  useEffect(() => {
    if (!config) return undefined;
    const upkeep = async () => {
      const token = useSession.getState().session?.token;
      if (!token) return;
      const api = { serverUrl: config.serverUrl, token, headers: { ...currentDeviceHeaders(), [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) } };
      try {
        await refreshDevicePolicy(api);
        await pushLocalAudit(api);
      } catch (error) {
        if (error instanceof ApiError && error.code === 'device_revoked') await useSession.getState().deviceRevoked(error.message);
        else if (error instanceof ApiError && error.code === 'unauthorized') await useSession.getState().signOut();
        // Anything else (offline, a busy server) waits for the next round.
      }
    };
    void upkeep();
    const timer = setInterval(() => void upkeep(), UPKEEP_INTERVAL_MS);
    return () => clearInterval(timer);
  }, [config]);
}
