import { randomUUID } from 'node:crypto';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../../shared/sync/protocol';
import type { CaseRecord } from '../../../shared/schemas/case';
import { buildRecord, type SimDevice } from '../../../test/integration/support/syncWorld';

/** createCase mutations in one push. */
export const BATCH_SIZE = 20;

export interface PushBody {
  protocolVersion: number;
  clientId: string;
  mutations: { id: number; name: 'createCase'; args: { case: CaseRecord }; createdAt: string }[];
}

/** `count` pushes of `device` from a new client install; case sequences start after `firstBatch` batches' worth. */
export function pushBodies(device: SimDevice, count: number, firstBatch = 0): PushBody[] {
  const clientId = randomUUID();
  let id = 0;
  return Array.from({ length: count }, (_, batch) => ({
    protocolVersion: PROTOCOL_VERSION,
    clientId,
    mutations: Array.from({ length: BATCH_SIZE }, (_, k) => ({
      id: ++id,
      name: 'createCase' as const,
      args: { case: buildRecord(device.stationCode, (firstBatch + batch) * BATCH_SIZE + k + 1) },
      createdAt: new Date().toISOString(),
    })),
  }));
}

/** The headers of `device`'s pushes: its credential, its clerk's session and the protocol version. */
export function pushHeaders(device: SimDevice): Record<string, string> {
  return {
    ...device.headers,
    authorization: `Bearer ${device.token}`,
    [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
    'content-type': 'application/json',
  };
}
