import { spawn } from 'node:child_process';
import { join } from 'node:path';

/** The raw upload server (rawUploadServer.ts) in a child process of its own, writing into `dir`. */
export async function startRawUploadServer(dir: string): Promise<{ url: string; pid: number; close: () => void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'rawUploadServer.ts'), dir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += String(chunk);
      const match = /listening (\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`the raw upload server exited with ${code}`)));
  });
  return { url, pid: child.pid ?? 0, close: () => void child.kill() };
}
