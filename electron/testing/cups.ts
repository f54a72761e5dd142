import { execFile } from 'node:child_process';
import { readdir, stat } from 'node:fs/promises';
import { homedir, userInfo } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

/**
 * CUPS for tests: whether a scheduler runs here, queues made and removed by the test itself, and where
 * cups-pdf writes its output. .ci/run installs cups and cups-pdf and starts the scheduler, so in CI these
 * tests always run; on a developer machine they run where CUPS does.
 */

const exec = promisify(execFile);

/** The PPD that printer-driver-cups-pdf installs; it accepts custom page sizes. */
export const CUPS_PDF_PPD = '/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd';

export async function cupsSchedulerRunning(): Promise<boolean> {
  try {
    const { stdout } = await exec('lpstat', ['-r']);
    return /scheduler is running/.test(stdout);
  } catch {
    return false;
  }
}

/** Create (or redefine) a queue; a raw one when no PPD is given. */
export async function addQueue(name: string, deviceUri: string, ppd?: string): Promise<void> {
  await exec('lpadmin', ['-p', name, '-v', deviceUri, ...(ppd === undefined ? [] : ['-P', ppd]), '-E']);
}

export async function removeQueue(name: string): Promise<void> {
  await exec('lpadmin', ['-x', name]).catch(() => undefined);
}

/** Folders cups-pdf may write to for the current user ("Out ${HOME}/PDF", or the anonymous spool). */
export function cupsPdfOutputDirs(): string[] {
  return [...new Set([path.join(userInfo().homedir, 'PDF'), path.join(homedir(), 'PDF'), '/var/spool/cups-pdf/ANONYMOUS'])];
}

/** Wait for a non-empty PDF whose name starts with `title` (cups-pdf names files after the job title). */
export async function waitForCupsPdf(title: string, timeoutMs = 20_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const dir of cupsPdfOutputDirs()) {
      const names = await readdir(dir).catch(() => [] as string[]);
      const name = names.find((entry) => entry.startsWith(title) && entry.endsWith('.pdf'));
      if (name !== undefined) {
        const file = path.join(dir, name);
        if ((await stat(file)).size > 0) return file;
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`cups-pdf wrote no PDF titled ${title} within ${timeoutMs} ms (looked in ${cupsPdfOutputDirs().join(', ')})`);
}

/** Page sizes in points, from `pdfinfo -l`. */
export async function pdfPageSizes(file: string): Promise<{ width: number; height: number }[]> {
  const { stdout } = await exec('pdfinfo', ['-f', '1', '-l', '999', file]);
  return [...stdout.matchAll(/Page\s+\d+\s+size:\s+([\d.]+) x ([\d.]+) pts/g)].map((match) => ({
    width: Number(match[1]),
    height: Number(match[2]),
  }));
}
