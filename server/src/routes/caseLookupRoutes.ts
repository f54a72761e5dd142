/**
 * The online lookup of a case outside one's scope (action `case:lookup`, decision 0030): the citizen at
 * another counter. A POST, so neither the ID number nor the reason travels in a URL that proxies log.
 *
 * Invariants:
 * - No reason, no lookup: the request schema requires the reason's kind and its words (400 otherwise).
 * - Every lookup is on the audit record before it is answered: one entry per case found (so the case's
 *   own history shows who looked it up, from which device and why), or one entry when nothing was.
 * - At most `caseLookupLimit` a minute from one computer: walking through ID numbers is stopped, not only recorded.
 * - The answer is read-only and minimal (shared/schemas/caseLookup.ts): masked applicant, no phone,
 *   address, verifier or documents; the device keeps it in memory only.
 */
import type { FastifyInstance } from 'fastify';
import { normalizeIdInput } from '../../../shared/domain/ids';
import { maskIdNumber, maskName } from '../../../shared/domain/masking';
import { MAX_LOOKUP_RESULTS, caseLookupRequestSchema } from '../../../shared/schemas/caseLookup';
import type { CaseLookupResponse, LookedUpCase } from '../../../shared/schemas/caseLookup';
import type { AppContext } from '../context/appContext';
import { caseLookupLimit } from '../authz/rateLimit';
import { parseOrThrow } from '../domain/domainError';
import { sessionOf } from '../http/sessionOf';
import { appendAudits } from '../store/auditStore';
import { caseColumns, fromRow } from '../store/caseStore';
import type { CaseRow, StoredCase } from '../store/caseStore';

type FoundRow = CaseRow & { unit_name_zh: string | null; unit_name_en: string | null };

function lookedUp({ record }: StoredCase, row: FoundRow): LookedUpCase {
  return {
    id: record.id,
    caseNo: record.caseNo,
    serviceId: record.serviceId,
    channel: record.channel,
    status: record.status,
    receivedOn: record.receivedOn,
    dueDate: record.dueDate,
    stationCode: record.stationCode,
    applicant: { kind: record.applicant.kind, maskedName: maskName(record.applicant.name), maskedIdNumber: maskIdNumber(record.applicant.idNumber) },
    checklist: record.checklist,
    clockPauses: record.clockPauses ?? [],
    ...(row.unit_name_zh && row.unit_name_en ? { unit: { nameZh: row.unit_name_zh, nameEn: row.unit_name_en } } : {}),
    documentCount: record.documents?.length ?? 0,
  };
}

export function registerCaseLookupRoutes(app: FastifyInstance, context: AppContext): void {
  app.post('/v1/cases/lookup', { config: { action: 'case:lookup', rateLimit: caseLookupLimit } }, async (request, reply) => {
    const session = sessionOf(request);
    const body = parseOrThrow(caseLookupRequestSchema, request.body, 'case lookup');
    const query = normalizeIdInput(body.query);
    const { rows } = await context.db.query<FoundRow>(
      `SELECT ${caseColumns}, u.name_zh AS unit_name_zh, u.name_en AS unit_name_en FROM cases LEFT JOIN units u ON u.code = cases.unit
        WHERE (case_no = $1 OR applicant ->> 'idNumber' = $1) AND deleted_at IS NULL AND server_seq IS NOT NULL
        ORDER BY received_at DESC, id LIMIT $2`,
      [query, MAX_LOOKUP_RESULTS + 1],
    );
    const found = rows.slice(0, MAX_LOOKUP_RESULTS).map((row) => ({ ...fromRow(row), row }));
    const now = context.now();
    const entry = { at: now, userName: session.username, deviceId: session.deviceId, action: 'case.lookup', purpose: body.reason };
    const details = { query, reasonCode: body.reasonCode, found: found.length };
    await context.db.transaction((tx) =>
      appendAudits(tx, found.length === 0 ? [{ ...entry, details }] : found.map((stored) => ({ ...entry, caseId: stored.record.id, details: { ...details, caseNo: stored.record.caseNo } }))),
    );
    const answer: CaseLookupResponse = { cases: found.map((stored) => lookedUp(stored, stored.row)), truncated: rows.length > MAX_LOOKUP_RESULTS };
    return reply.code(200).header('cache-control', 'private, no-store').send(answer);
  });
}
