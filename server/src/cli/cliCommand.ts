/** What every admin command is given, and the argument helpers they share (cli/runAdmin.ts). */
import { parseArgs } from 'node:util';
import type { Database } from '../db/database';

export interface AdminIo {
  db: Database;
  print: (line: string) => void;
  printError: (line: string) => void;
  now: () => Date;
  /** Who runs the command, for the audit log (`cli:<os user>`). */
  actor: string;
  /** The server's audit anchor file (AUDIT_ANCHOR_FILE); without it, verify checks no anchor and anchor refuses. */
  anchorFile?: string | undefined;
}

/** Wrong arguments: the command line prints the message and the usage, and exits with 2. */
export class UsageError extends Error {}

export function one(positionals: string[], index: number, what: string): string {
  const value = positionals[index];
  if (value === undefined || value === '') throw new UsageError(`Missing ${what}`);
  return value;
}

export function noMore(positionals: string[], count: number): void {
  if (positionals.length > count) throw new UsageError(`Unexpected argument: ${positionals[count] ?? ''}`);
}

export function parse(args: string[], options: Record<string, { type: 'string' }>) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}
