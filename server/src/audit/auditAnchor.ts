/**
 * Anchors: the chain's head written outside the database, one JSON line per anchor, appended to a file
 * the database backup does not hold (AUDIT_ANCHOR_FILE), where the operator's log shipping can take a
 * copy. A line says which entry was the head on which day, with its hash, the keyed boundary and the
 * key's id, and carries an HMAC-SHA-256 of all of that under the audit key.
 *
 * What it adds to the keyed chain: an anchored head binds every entry up to it, so history before an
 * anchor cannot be rewritten or cut off even by someone holding the key and the database, as long as
 * the anchor file (or its shipped copy) is out of their reach. The MAC only stops someone who can
 * write the file but has no key from adding lines.
 *
 * Lines are never rewritten; a line that does not parse or whose MAC fails makes verification fail,
 * naming the line, rather than being skipped.
 */
import { timingSafeEqual } from 'node:crypto';
import { mkdir, open, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { isoDateSchema, isoDateTimeSchema, sha256Schema } from '../../../shared/schemas/primitives';
import { anchorMac } from '../domain/auditChain';
import type { AuditKey } from '../domain/auditChain';

const anchorFieldsSchema = z.object({
  v: z.literal(1),
  /** The day (Asia/Taipei) the anchor was written on. */
  day: isoDateSchema,
  seq: z.number().int().nonnegative(),
  hash: sha256Schema,
  keyedFrom: z.number().int().positive(),
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
  writtenAt: isoDateTimeSchema,
});
const anchorLineSchema = anchorFieldsSchema.extend({ mac: sha256Schema }).strict();

export type AuditAnchor = z.infer<typeof anchorLineSchema>;
export type AnchorFields = Omit<AuditAnchor, 'mac' | 'v'>;

export function signAnchor(key: AuditKey, fields: AnchorFields): AuditAnchor {
  const unsigned = { v: 1 as const, ...fields };
  return { ...unsigned, mac: anchorMac(key, unsigned) };
}

function sameHex(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a, 'hex'), Buffer.from(b, 'hex'));
}

function lineProblem(key: AuditKey, line: string): { anchor: AuditAnchor } | { problem: string } {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return { problem: 'is not JSON' };
  }
  const parsed = anchorLineSchema.safeParse(json);
  if (!parsed.success) return { problem: 'is not an anchor' };
  const { mac, ...fields } = parsed.data;
  if (fields.keyId !== key.id) return { problem: `was signed with another key (key id ${fields.keyId}; this server's is ${key.id})` };
  if (!sameHex(mac, anchorMac(key, fields))) return { problem: 'was altered: its signature does not match' };
  return { anchor: parsed.data };
}

export type AnchorFileRead = { ok: true; anchors: AuditAnchor[] } | { ok: false; problem: string };

/** Every anchor of the file, each checked against `key`; a missing file holds none. */
export async function readAnchorFile(file: string, key: AuditKey): Promise<AnchorFileRead> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { ok: true, anchors: [] };
    throw error;
  }
  const anchors: AuditAnchor[] = [];
  const lines = text.split('\n');
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    const read = lineProblem(key, line);
    if ('problem' in read) return { ok: false, problem: `line ${index + 1} of the anchor file ${file} ${read.problem}` };
    anchors.push(read.anchor);
  }
  return { ok: true, anchors };
}

/** Appends one anchor line and waits until it is on disk. */
export async function appendAnchorLine(file: string, anchor: AuditAnchor): Promise<void> {
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  const handle = await open(file, 'a', 0o600);
  try {
    await handle.appendFile(`${JSON.stringify(anchor)}\n`, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
}
