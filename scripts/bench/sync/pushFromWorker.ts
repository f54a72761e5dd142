import { Worker } from 'node:worker_threads';

/** A simulated device of the push bench: its request headers and the push bodies it sends one after another. */
export interface PushingDevice {
  headers: Record<string, string>;
  bodies: string[];
  /** Waits this long before its first push (the reconnect storm). */
  startAfterMs?: number;
}

/**
 * The simulated devices run in a worker thread, so that building requests and parsing answers for 200
 * devices does not take the server's event loop. Each device sends its pushes one after another, all
 * devices at once; the worker answers with each push's latency and the wall time of the whole run.
 */
const pushWorkerSource = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  const latencies = [];
  const start = performance.now();
  await Promise.all(workerData.devices.map(async (device) => {
    if (device.startAfterMs) await new Promise((resolve) => setTimeout(resolve, device.startAfterMs));
    for (const body of device.bodies) {
      const t = performance.now();
      const response = await fetch(new URL('/v1/sync/push', workerData.url), { method: 'POST', headers: device.headers, body });
      const answer = await response.json();
      if (response.status !== 200 || !Array.isArray(answer.results) || answer.results.some((r) => r.status !== 'applied')) {
        throw new Error('push failed: HTTP ' + response.status + ' ' + JSON.stringify(answer).slice(0, 300));
      }
      latencies.push(performance.now() - t);
    }
  }));
  parentPort.postMessage({ latencies, seconds: (performance.now() - start) / 1000 });
})().catch((error) => { throw error; });
`;

/** Runs `devices` against the server at `url`; each push's latency (ms) and the whole run's seconds. */
export function pushFromWorker(url: string, devices: PushingDevice[]): Promise<{ latencies: number[]; seconds: number }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(pushWorkerSource, { eval: true, workerData: { url, devices } });
    worker.once('message', (message: { latencies: number[]; seconds: number }) => {
      resolve(message);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`push worker exited with ${code}`));
    });
  });
}
