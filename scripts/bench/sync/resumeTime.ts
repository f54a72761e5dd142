import { randomBytes } from 'node:crypto';
import { addDocument } from '../../../renderer/src/db/documentStore';
import { startFaultProxy } from '../../../test/integration/support/faultProxy';
import { startWorld } from '../../../test/integration/support/syncWorld';
import type { BenchMeasurement } from '../support/types';

const MB = 1024 * 1024;

/** sync.resume.ms: after a connection dropped mid-upload, from the retry's start to the upload continuing at the server's offset. */
export async function resumeTime(): Promise<BenchMeasurement[]> {
  const world = await startWorld();
  const proxy = await startFaultProxy({ target: world.url, seed: 3, rate: 0 });
  const samples: number[] = [];
  try {
    for (let run = 0; run < 5; run += 1) {
      const device = await world.addDevice({ direct: true, serverUrl: proxy.url });
      const record = await device.createCase();
      await addDocument(record.id, '建物登記謄本', new Blob([randomBytes(32 * MB)]), { db: device.db });
      proxy.rate = 1;
      proxy.kinds = ['cut-upload'];
      await device.sync({ chunkSize: 16 * MB }).catch(() => undefined);
      proxy.rate = 0;
      let resumedAt = 0;
      proxy.onRequest = (method) => {
        if (method === 'PATCH' && resumedAt === 0) resumedAt = performance.now();
      };
      const start = performance.now();
      await device.sync({ chunkSize: 16 * MB });
      proxy.onRequest = undefined;
      samples.push(resumedAt - start);
    }
  } finally {
    await proxy.close();
    await world.close();
  }
  return [{ metric: 'sync.resume.ms', unit: 'ms', samples, note: 'retry start → first byte sent from the server offset (check + HEAD + PATCH)' }];
}
