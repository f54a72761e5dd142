import { Worker } from 'node:worker_threads';
import { loadResultSchema } from './loadPlan';
import type { LoadPlan, LoadResult } from './loadPlan';

/**
 * Runs the day's load (queue/loadWorker.ts) in a worker thread and answers with what it measured.
 * Node 20 gives a worker none of the main thread's module hooks, so the worker first registers tsx's
 * own and then imports the TypeScript file.
 */
export function runLoad(plan: LoadPlan): Promise<LoadResult> {
  const tsx = import.meta.resolve('tsx/esm/api');
  const worker = new URL('./loadWorker.ts', import.meta.url).href;
  const boot = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(worker)}); });`;
  return new Promise((resolve, reject) => {
    const thread = new Worker(boot, { eval: true, workerData: plan });
    thread.once('message', (message: unknown) => {
      const parsed = loadResultSchema.safeParse(message);
      if (parsed.success) resolve(parsed.data);
      else reject(new Error(`the load worker answered out of shape: ${parsed.error.message}`));
      void thread.terminate();
    });
    thread.once('error', reject);
    thread.once('exit', (code) => {
      if (code !== 0) reject(new Error(`the load worker exited with ${code}`));
    });
  });
}
