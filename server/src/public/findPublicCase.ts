/**
 * The lookup behind the citizen's progress page (what it shows: publicProgress.ts). It answers only when the case number and the
 * receipt's verifier both match, and every failure looks the same to the caller: a malformed case
 * number, an unknown case and a wrong or missing verifier all return `undefined` after the same
 * constant-time comparison, so neither the answer nor its timing tells which part was wrong.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { parseCaseNo } from '../../../shared/domain/caseNumber';
import { defaultCatalogue, findService } from '../../../shared/domain/catalogue';
import { maskName } from '../../../shared/domain/masking';
import { taipeiDate } from '../../../shared/domain/rocDate';
import type { Queryable } from '../db/database';
import { listCaseEvents } from '../store/caseEventStore';
import { findCaseByCaseNo } from '../store/caseStore';
import { buildSteps, splitDocumentLabel } from './publicProgress';
import type { PublicProgress } from './publicProgress';

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

/** Compares through fixed-length digests, so neither content nor length leaks through timing. */
export function verifierMatches(expected: string, given: string): boolean {
  return timingSafeEqual(digest(expected), digest(given));
}

const absentVerifier = 'counterdesk-no-such-case-verifier';

export async function findPublicCase(db: Queryable, caseNoInput: string, verifier: string | undefined): Promise<PublicProgress | undefined> {
  const parsed = parseCaseNo(caseNoInput);
  const stored = parsed.ok ? await findCaseByCaseNo(db, parsed.normalized) : undefined;
  const matches = verifierMatches(stored?.record.verifier ?? absentVerifier, verifier ?? '');
  if (!stored || verifier === undefined || !matches) return undefined;
  const { record } = stored;
  const service = findService(defaultCatalogue, record.serviceId);
  const events = await listCaseEvents(db, record.id);
  // Status changes, and an officer's further request for documents (the citizen was told of it); an
  // extension and the desk's own steps (take, assign, note) are no stage.
  const stage = (event: (typeof events)[number]) => event.kind === 'received' || event.kind === 'transition' || (event.kind === 'desk' && event.step === 'request-documents');
  const history = events.filter(stage).map((event) => ({ on: taipeiDate(event.at), from: event.from, to: event.to }));
  const awaiting = record.status === 'awaiting-documents';
  const refusal = record.desk?.decision?.outcome === 'reject' ? record.desk.decision.reasons : null;
  return {
    caseNo: record.caseNo,
    status: record.status,
    service: { id: record.serviceId, nameZh: service?.nameZh ?? record.serviceId, nameEn: service?.nameEn ?? record.serviceId },
    receivedOn: record.receivedOn,
    dueDate: record.dueDate,
    applicantMasked: maskName(record.applicant.name),
    steps: buildSteps(record.status, history, record.receivedOn, record.desk),
    missingDocuments: awaiting ? record.checklist.filter((item) => item.state === 'missing').map((item) => splitDocumentLabel(item.document)) : [],
    supplementBy: awaiting ? (record.deficiency?.supplementBy ?? null) : null,
    decisionReasons: refusal,
    extended: events.some((event) => event.kind === 'extension'),
  };
}
