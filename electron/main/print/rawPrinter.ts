import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';

/**
 * Sending a finished job (ESC/POS bytes, or a PDF) straight to a printer queue, bypassing Chromium.
 *
 * Linux (and macOS): CUPS's `lp`, reading the job from stdin; `-o raw` makes CUPS pass ESC/POS bytes through
 * untouched, and `-o media=Custom.WxHmm` gives a PDF its exact paper size. Windows has no `lp` and no raw
 * spooler call reachable without a native module, so the receipt printer is shared and the bytes are
 * written to `\\localhost\<share>` (the same path `copy /b` uses); the printer is shared under its own
 * name, the one chosen in the station's printer settings. Invariant: a job is reported printed only when the spooler accepted
 * it (lp exited 0 and named the job, or the share write completed).
 */

export interface CommandResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Run a program with `input` on stdin; never rejects for a non-zero exit, only when it cannot start. */
export type RunCommand = (command: string, args: readonly string[], input: Uint8Array) => Promise<CommandResult>;

export const runCommand: RunCommand = (command, args, input) =>
  new Promise((resolve, reject) => {
    const child = spawn(command, [...args], { stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({ code, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') }),
    );
    // A queue that refuses the job closes stdin early; the exit code then says why.
    child.stdin.on('error', () => undefined);
    child.stdin.end(input);
  });

export interface LpOptions {
  /** Pass the bytes to the printer untouched (ESC/POS). */
  readonly raw?: boolean;
  /** Paper size for a PDF job, in millimetres. */
  readonly media?: { readonly widthMm: number; readonly heightMm: number };
  /** Shown in the queue; no personal data (the queue is visible to every user of the machine). */
  readonly title?: string;
}

/** Millimetres as CUPS writes custom sizes: at most two decimals, no trailing zeros. */
function mm(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** The arguments of `lp` for one job read from stdin. */
export function lpArgs(queue: string, options: LpOptions = {}): string[] {
  if (queue === '' || queue.startsWith('-') || /[\s/\\#]/.test(queue)) {
    throw new RangeError(`"${queue}" is not a CUPS queue name`);
  }
  const args = ['-d', queue];
  if (options.title !== undefined) args.push('-t', options.title);
  if (options.raw === true) args.push('-o', 'raw');
  if (options.media !== undefined) {
    args.push('-o', `media=Custom.${mm(options.media.widthMm)}x${mm(options.media.heightMm)}mm`);
  }
  // `--` ends the options; no file operand follows, so lp reads the job from stdin.
  args.push('--');
  return args;
}

/** "request id is Receipt-12 (1 file(s))" → "Receipt-12". */
export function parseLpJobId(stdout: string): string | undefined {
  return /request id is (\S+)/.exec(stdout)?.[1];
}

export class RawPrintError extends Error {
  override readonly name = 'RawPrintError';
  constructor(
    message: string,
    /** The queue does not exist (or is disabled): the clerk must pick another printer. */
    readonly printerMissing: boolean,
  ) {
    super(message);
  }
}

export interface RawPrinterDeps {
  readonly platform: string;
  readonly run?: RunCommand;
  readonly writeFile?: (filePath: string, data: Uint8Array) => Promise<void>;
}

/** The path `copy /b` would use for a shared Windows printer. */
export function windowsSharePath(share: string): string {
  if (share === '' || /[\\/:*?"<>|]/.test(share)) throw new RangeError(`"${share}" is not a printer share name`);
  return `\\\\localhost\\${share}`;
}

/** Submit one job to `printer`; resolves with the spooler's job id (or the share path on Windows). */
export async function submitRawJob(printer: string, data: Uint8Array, options: LpOptions, deps: RawPrinterDeps): Promise<string> {
  if (deps.platform === 'win32') {
    const target = windowsSharePath(printer);
    try {
      await (deps.writeFile ?? writeFile)(target, data);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new RawPrintError(`${target}: ${(error as Error).message}`, code === 'ENOENT' || code === 'EBADF');
    }
    return target;
  }

  const args = lpArgs(printer, options);
  let result: CommandResult;
  try {
    result = await (deps.run ?? runCommand)('lp', args, data);
  } catch (error) {
    throw new RawPrintError(`lp could not start: ${(error as Error).message}`, false);
  }
  const jobId = result.code === 0 ? parseLpJobId(result.stdout) : undefined;
  if (jobId === undefined) {
    const detail = (result.stderr || result.stdout).trim() || `lp exited with ${String(result.code)}`;
    throw new RawPrintError(detail, /does not exist|not accepting|unknown destination|no such/i.test(detail));
  }
  return jobId;
}
