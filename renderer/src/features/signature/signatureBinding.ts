/**
 * Binds a signature to the exact content shown to the signer.
 *
 * Invariants:
 * - The content is hashed as canonical JSON: object keys sorted by code unit, no whitespace,
 *   `undefined` members dropped, numbers as JSON writes them. The same content therefore gives the
 *   same SHA-256 on every device and after any round trip through storage or the server.
 * - A signature covers the content only while the current content's hash equals the one recorded
 *   at signing; any later change, however small, makes `checkSignature` answer `changed`.
 * - The hash travels in the signature document's kind (`e-signature:sha256:<hex>`), so it syncs with
 *   the signature image itself and the server can check it too.
 */

import type { CaseRecord } from '../../../../shared/schemas/case';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue | undefined };


export function canonicalJson(value: JsonValue | undefined): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('content to sign holds a number JSON cannot carry');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(',')}]`;
  const keys = Object.keys(value)
    .filter((key) => value[key] !== undefined)
    .sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`).join(',')}}`;
}

export async function contentSha256(value: JsonValue): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(canonicalJson(value)));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

export type SignatureCheck = { state: 'covers' } | { state: 'changed'; signedHash: string; currentHash: string };

export async function checkSignature(signedHash: string, currentContent: JsonValue): Promise<SignatureCheck> {
  const currentHash = await contentSha256(currentContent);
  return currentHash === signedHash ? { state: 'covers' } : { state: 'changed', signedHash, currentHash };
}

/**
 * What the citizen signs for a case: the intake as it was entered (number, service, applicant,
 * checklist). A later change to any of it shows the signature as no longer covering the case.
 */
export function caseContentToSign(record: Pick<CaseRecord, 'caseNo' | 'serviceId' | 'applicant' | 'checklist'>): JsonValue {
  // The schema types are plain JSON data; TypeScript cannot see that their optional members are JsonValue.
  return { caseNo: record.caseNo, serviceId: record.serviceId, applicant: record.applicant as unknown as JsonValue, checklist: record.checklist as unknown as JsonValue };
}
