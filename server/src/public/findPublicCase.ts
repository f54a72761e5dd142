/**
 * The lookup behind the citizen's progress page (what it shows: publicProgress.ts). It answers only when the case number and the
 * receipt's verifier both match, and every failure looks the same to the caller, in its answer and in
 * the work done: a malformed case number, an unknown case and a wrong or missing verifier all run the
 * one same statement (a malformed number looks up a number no case has), which reads only the case's
 * id and verifier, then one constant-time comparison of digests (against a stand-in verifier when
 * there is no case), and return `undefined`. Only a matching pair reads the case itself, so an
 * existing case number is not slower to refuse than an unknown one.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { parseCaseNo } from '../../../shared/domain/caseNumber';
import { defaultCatalogue, findService } from '../../../shared/domain/catalogue';
import { maskName } from '../../../shared/domain/masking';
import { taipeiDate } from '../../../shared/domain/rocDate';
import type { Queryable } from '../db/database';
import { listCaseEvents } from '../store/caseEventStore';
import { findCaseByCaseNo, findCaseVerifier } from '../store/caseStore';
import type { StoredCase } from '../store/caseStore';
import { buildSteps, splitDocumentLabel } from './publicProgress';
import type { PublicProgress } from './publicProgress';

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

/** Compares through fixed-length digests, so neither content nor length leaks through timing. */
export function verifierMatches(expected: string, given: string): boolean {
  return timingSafeEqual(digest(expected), digest(given));
}

const absentVerifier = 'counterdesk-no-such-case-verifier';
/** Looked up for a number that does not parse: normalised case numbers never hold a space. */
const absentCaseNo = 'no such case';

/**
 * The case a citizen's link names, when its case number and verifier both match (the same work for
 * every failure, see the header); the progress page and the survey (surveyCase.ts) both ask here.
 */
export async function findVerifiedCase(db: Queryable, caseNoInput: string, verifier: string | undefined): Promise<StoredCase | undefined> {
  const parsed = parseCaseNo(caseNoInput);
  const caseNo = parsed.ok ? parsed.normalized : absentCaseNo;
  const candidate = await findCaseVerifier(db, caseNo);
  const matches = verifierMatches(candidate?.verifier ?? absentVerifier, verifier ?? '');
  if (!candidate || verifier === undefined || !matches) return undefined;
  return findCaseByCaseNo(db, caseNo);
}

export async function findPublicCase(db: Queryable, caseNoInput: string, verifier: string | undefined): Promise<PublicProgress | undefined> {
  const stored = await findVerifiedCase(db, caseNoInput, verifier);
  if (!stored) return undefined;
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
