import { useEffect, useMemo } from 'react';
import type { HostConfig } from '../../../shared/ipc/contract';
import { refreshReferenceData } from '../lib/referenceData';
import { pushLocalAudit } from '../state/auditPush';
import { noteFieldLaptop, purgeClosedCases } from '../state/closedCasePurge';
import { deviceHeaders } from '../state/deviceCredential';
import { getDevicePolicy, refreshDevicePolicy } from '../state/devicePolicy';
import { useSession } from '../state/sessionState';
import { useSyncStatus } from '../state/syncStatus';
import { serverNow } from '../sync/clockOffset';
import { SyncEngine } from '../sync/syncEngine';
import { afterSyncVisits } from '../features/visits/returnSummary';

/** The sync engine for the configured server, running while the workspace is mounted. */
export function useSyncEngine(config: HostConfig | undefined): SyncEngine | undefined {
  const engine = useMemo(
    () =>
      config
        ? new SyncEngine({
            serverUrl: config.serverUrl,
            status: useSyncStatus,
            getToken: () => useSession.getState().session?.token,
            getStationCode: () => useSession.getState().session?.device.stationCode,
            getHeaders: () => {
              const credential = useSession.getState().credential;
              return credential ? deviceHeaders(credential) : {};
            },
            onUnauthorized: () => void useSession.getState().signOut(),
            onDeviceRevoked: (message) => useSession.getState().deviceRevoked(message),
            afterSync: async (api) => {
              // First: visit outcomes are the day's work; a failed reference refresh must not hold them back.
              await afterSyncVisits(api);
              await pushLocalAudit(api);
              await refreshReferenceData(api);
              await refreshDevicePolicy(api);
              // Field laptops drop closed cases the server confirmed, once kept as long as the policy says.
              if (await noteFieldLaptop(useSession.getState().session?.user.roles ?? [])) {
                const purged = await purgeClosedCases({ retentionDays: getDevicePolicy().closedCaseRetentionDays, serverNow: serverNow(useSyncStatus.getState().clockOffsetMs) });
                return purged.length > 0;
              }
              return false;
            },
          })
        : undefined,
    [config],
  );

  useEffect(() => {
    engine?.start();
    return () => engine?.stop();
  }, [engine]);
  return engine;
}
