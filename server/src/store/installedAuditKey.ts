/**
 * The audit key this process chains under. One server process writes one chain under one key, so the
 * key is installed once at start (index.ts, the admin command line) rather than passed to every
 * `appendAudit` call, whose many callers only hand over a transaction. Until a key is installed the
 * published development key is used: tests rely on that; a server never does, since it installs the
 * key file's before it opens its routes (docs/decisions/0031-audit-trail-keyed-and-anchored.md).
 */
import { DEVELOPMENT_AUDIT_KEY } from '../domain/auditChain';
import type { AuditKey } from '../domain/auditChain';

let installed: AuditKey = DEVELOPMENT_AUDIT_KEY;

export function installAuditKey(key: AuditKey): void {
  installed = key;
}

export function installedAuditKey(): AuditKey {
  return installed;
}
