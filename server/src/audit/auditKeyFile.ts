/**
 * The audit key's file (AUDIT_KEY_FILE): 32 random bytes as 64 hex digits. Made at the first start
 * when absent, readable by the server's user alone (0600). It must not travel with the database's
 * backup: whoever holds both can recompute the keyed chain (the anchors still bind what they cover).
 * Several servers over one database share one key file.
 */
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { auditKeyFrom, generateAuditKey } from '../domain/auditChain';
import type { AuditKey } from '../domain/auditChain';

export interface LoadedAuditKey {
  key: AuditKey;
  /** One line for the start-up output: which file, made now or read, and any warning. */
  note: string;
}

async function readKey(file: string): Promise<AuditKey> {
  const text = (await readFile(file, 'utf8')).trim();
  if (!/^[0-9a-f]{64}$/.test(text)) throw new Error(`The audit key file ${file} does not hold 64 hex digits`);
  return auditKeyFrom(Buffer.from(text, 'hex'));
}

async function permissionWarning(file: string): Promise<string> {
  if (process.platform === 'win32') return '';
  const { mode } = await stat(file);
  return (mode & 0o077) === 0 ? '' : ` — WARNING: other users may read it (mode ${(mode & 0o777).toString(8)}); chmod 600 it`;
}

export async function loadAuditKeyFile(file: string): Promise<LoadedAuditKey> {
  try {
    const key = await readKey(file);
    return { key, note: `Audit key: ${file} (key id ${key.id})${await permissionWarning(file)}` };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  const key = generateAuditKey();
  try {
    await writeFile(file, `${key.secret.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    // Another process starting at the same moment made it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return loadAuditKeyFile(file);
    throw error;
  }
  return { key, note: `Audit key: made ${file} (key id ${key.id}); keep a copy apart from the database's backup` };
}
