import { z } from 'zod';
import { type CaseRecord, caseRecordSchema, caseStatusSchema } from '../schemas/case';
import { caseActionSchema } from '../schemas/caseDesk';
import { recordRatingArgsSchema } from '../schemas/visitRating';
import { boundedJson } from '../schemas/boundedJson';
import { isoDateTimeSchema, line, sha256Schema, text, uuidSchema } from '../schemas/primitives';

/**
 * The sync wire format between devices and the central server.
 *
 * Invariants:
 * - A client's mutation ids start at 1 and are gap-free for the life of the install (clientId).
 * - The server applies a client's mutations in id order, exactly once: a replayed id is answered
 *   `duplicate`; an id beyond last+1 is refused with `mutation_gap` and nothing of the batch is applied
 *   after the gap.
 * - A permanently invalid mutation is answered `rejected` (with a code and a readable message) and is
 *   still counted as consumed, so it never blocks later ones.
 * Bump PROTOCOL_VERSION on any incompatible change; the server refuses older clients with
 * `protocol_outdated`.
 */
export const PROTOCOL_VERSION = 1;

export const createCaseArgsSchema = z.object({ case: caseRecordSchema });
/**
 * The most a setField's `base` or `value` may hold (boundedJson.ts): deeper than any intake field (a
 * checklist is three levels), larger than the largest (a full checklist, about 35,000 characters).
 */
export const FIELD_VALUE_MAX_DEPTH = 8;
export const FIELD_VALUE_MAX_SIZE = 64_000;
const fieldValueSchema = boundedJson(FIELD_VALUE_MAX_DEPTH, FIELD_VALUE_MAX_SIZE);
export const setFieldArgsSchema = z.object({
  caseId: uuidSchema,
  field: line(100).min(1),
  base: fieldValueSchema,
  value: fieldValueSchema,
});
export const transitionArgsSchema = z.object({
  caseId: uuidSchema,
  to: caseStatusSchema,
  reason: text(500).optional(),
});
export const attachDocumentArgsSchema = z.object({
  caseId: uuidSchema,
  documentId: uuidSchema,
  sha256: sha256Schema,
  kind: line(300).min(1),
  mime: line(100).min(1),
  size: z.number().int().nonnegative(),
});

/** A step of the case desk (shared/domain/caseDesk.ts). */
export const caseActionArgsSchema = z.object({ caseId: uuidSchema, step: caseActionSchema });

const mutationBase = {
  id: z.number().int().positive(),
  createdAt: isoDateTimeSchema,
};

export const mutationSchema = z.discriminatedUnion('name', [
  z.object({ ...mutationBase, name: z.literal('createCase'), args: createCaseArgsSchema }),
  z.object({ ...mutationBase, name: z.literal('setField'), args: setFieldArgsSchema }),
  z.object({ ...mutationBase, name: z.literal('transition'), args: transitionArgsSchema }),
  z.object({ ...mutationBase, name: z.literal('attachDocument'), args: attachDocumentArgsSchema }),
  z.object({ ...mutationBase, name: z.literal('caseAction'), args: caseActionArgsSchema }),
  /**
   * The citizen's rating on the customer display (docs/decisions/0037-ratings-reach-the-bureau.md).
   * Added without a new protocol version: devices update from their own server's feed (decision 0020),
   * so a server meets it only after it learnt it; one rolled back answers `unknown_mutation`, the clerk
   * sees the refusal and the rating stays on the device.
   */
  z.object({ ...mutationBase, name: z.literal('recordRating'), args: recordRatingArgsSchema }),
]);
export type Mutation = z.infer<typeof mutationSchema>;
export type MutationName = Mutation['name'];

export const MAX_PUSH_BATCH = 200;

/**
 * Why a mutation was consumed without effect. Clients switch on `code` to tell the clerk in their
 * language (the wire keeps `code` a string so an older client still reads a newer server's answer);
 * `message` is the server's own detail, for the log.
 */
export const rejectionCodes = [
  'invalid_mutation',
  'unknown_mutation',
  'unknown_service',
  'invalid_case_no',
  'station_mismatch',
  'invalid_initial_status',
  'invalid_dates',
  'case_conflict',
  /** The case number is already another case's (two installs numbered from the same range): decision 0016. */
  'case_no_taken',
  'case_not_found',
  'case_closed',
  'unknown_field',
  'server_owned_field',
  'invalid_value',
  'invalid_transition',
  'forbidden_transition',
  'document_missing',
  'document_conflict',
  'extension_refused',
  /** Desk steps (shared/domain/caseDesk.ts): the person is not in the case's unit. */
  'not_in_unit',
  /** Someone else's case: only its officer (or the unit's chief) may do this. */
  'not_assigned',
  /** The service's decision level needs another person (分層負責). */
  'level_not_allowed',
  /** Only same-day services close on the spot. */
  'not_same_day',
  /** The step does not fit the case's state (no proposal to decide, already assigned, …). */
  'step_not_allowed',
  /** The person's role may not take a case in through this channel (主動服務 is the bureau's own). */
  'channel_not_allowed',
  /** The intake's due date is not the one the versions it names give (decision 0028). */
  'due_date_mismatch',
  /** The intake names a catalogue or calendar version the server does not have (decision 0028). */
  'unknown_version',
  /** The case is outside what this person may change on this device (docs/decisions/0030-scope-by-work.md). */
  'out_of_scope',
  /**
   * The server could not store the mutation although it passed every check (the database refused a
   * value): refused alone, so the outbox moves on; the message carries the request id for IT (decision 0032).
   */
  'cannot_apply',
] as const;
export type RejectionCode = (typeof rejectionCodes)[number];

export const mutationResultSchema = z.discriminatedUnion('status', [
  z.object({
    id: z.number().int(),
    status: z.literal('applied'),
    /** True when an intake field was edited from an old base: the server kept its value and flagged the case. */
    conflict: z.boolean().optional(),
  }),
  z.object({ id: z.number().int(), status: z.literal('duplicate') }),
  z.object({ id: z.number().int(), status: z.literal('rejected'), code: z.string(), message: z.string() }),
]);
export type MutationResult = z.infer<typeof mutationResultSchema>;

export const pushResponseSchema = z.object({
  results: z.array(mutationResultSchema),
  /** The highest mutation id the server has consumed for this client. */
  lastMutationId: z.number().int().nonnegative(),
  serverTime: isoDateTimeSchema,
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

/**
 * Intake fields a `setField` may change, by dotted path. Everything else on a case is either fixed at
 * intake (id, case number, service) or server-owned (status, due date, clock pauses, approval).
 */
export const intakeFields = ['applicant.name', 'applicant.phone', 'applicant.address', 'checklist'] as const;
export type IntakeField = (typeof intakeFields)[number];

/**
 * An intake field's value as both sides compare it: the device sends it as a setField's `base`, the
 * server compares that with its own. One definition, so both sides read a field the same way.
 */
export function intakeFieldValue(record: CaseRecord, field: IntakeField): unknown {
  switch (field) {
    case 'applicant.name':
      return record.applicant.name;
    case 'applicant.phone':
      return record.applicant.phone;
    case 'applicant.address':
      return record.applicant.address ?? null;
    case 'checklist':
      return record.checklist;
  }
}

/** One edit that lost against a newer server value: both values stay visible for the reviewer. */
export const fieldConflictSchema = z.object({
  field: line(100),
  base: z.unknown(),
  serverValue: z.unknown(),
  clientValue: z.unknown(),
  /** Who made the losing edit (username) and when the server saw it. */
  by: line(64),
  at: isoDateTimeSchema,
});
export type FieldConflict = z.infer<typeof fieldConflictSchema>;

/** A case flagged "needs review" because edits conflicted; cleared by a person, never by sync. */
export const caseReviewSchema = z.object({
  needsReview: z.boolean(),
  conflicts: z.array(fieldConflictSchema).max(100),
});
export type CaseReview = z.infer<typeof caseReviewSchema>;

/**
 * Resolving "needs review" is a `setField` of the pseudo-field `review` (base null), so it travels
 * through the outbox like any edit and works offline. It names the conflicts of one field the person
 * decided, by the time the server recorded each (`at`), and which value stays:
 * - `server`: the case keeps the value it has;
 * - `other`: the device first queues an ordinary `setField` of the field with the other value and the
 *   server's value as its base, then this. Should the server's value have moved meanwhile, that edit
 *   becomes a new conflict, which this resolution does not name, so the case stays flagged.
 * The server drops the named conflicts (those already gone are ignored: two reviewers converge),
 * clears the flag when none is left, and audits the decision (`case.review-resolve`). A server
 * before this rule refuses the mutation as `server_owned_field`; nothing is lost, the case stays
 * flagged.
 */
export const REVIEW_FIELD = 'review';
export const reviewResolutionSchema = z.object({
  field: z.enum(intakeFields),
  conflictsAt: z.array(isoDateTimeSchema).min(1).max(100),
  keep: z.enum(['server', 'other']),
});
export type ReviewResolution = z.infer<typeof reviewResolutionSchema>;

/** A document attached to a case on the server: an add-only set keyed by `id`. */
export const caseDocumentSchema = z.object({
  id: uuidSchema,
  sha256: sha256Schema,
  kind: line(300).min(1),
  mime: line(100).min(1),
  size: z.number().int().nonnegative(),
  attachedAt: isoDateTimeSchema,
});
export type CaseDocument = z.infer<typeof caseDocumentSchema>;

export const serverCaseSchema = caseRecordSchema.extend({
  /** The server's own view: status is server-owned once the case has synced. */
  syncedAt: isoDateTimeSchema,
  review: caseReviewSchema.optional(),
  documents: z.array(caseDocumentSchema).optional(),
});
export type ServerCase = z.infer<typeof serverCaseSchema>;

export const changeSchema = z.discriminatedUnion('kind', [
  z.object({ seq: z.number().int().positive(), kind: z.literal('case'), id: uuidSchema, data: serverCaseSchema }),
  z.object({ seq: z.number().int().positive(), kind: z.literal('tombstone'), entity: z.literal('case'), id: uuidSchema }),
]);
export type Change = z.infer<typeof changeSchema>;

export const pullQuerySchema = z.object({
  cursor: z.coerce.number().int().nonnegative().default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
  /** The install's sync client id: the server keeps the scope each install pulled in (decision 0030). Older clients omit it. */
  client: uuidSchema.optional(),
});

export const pullResponseSchema = z.object({
  changes: z.array(changeSchema),
  cursor: z.number().int().nonnegative(),
  hasMore: z.boolean(),
  /** When true the client drops its pulled copy and pulls again from cursor 0. */
  reset: z.boolean(),
  serverTime: isoDateTimeSchema,
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

/** Header carrying the protocol version on every sync request. */
export const PROTOCOL_HEADER = 'x-counterdesk-protocol';

/**
 * Documents are uploaded before the `attachDocument` mutation that names them is pushed, in one of two
 * ways (docs/decisions/0015-whole-document-upload.md):
 * - up to WHOLE_UPLOAD_MAX_BYTES (nearly every scan): whole, and packed with others into one
 *   `POST WHOLE_UPLOAD_PATH` (a bundle): the body is the documents' bytes back to back, and the
 *   DOCUMENT_BUNDLE_HEADER lists each one's SHA-256 and size in that order. The server hashes each as it
 *   arrives and keeps those that match. One URL for every bundle: a browser asks CORS leave for it once.
 * - larger: with the tus 1.0 protocol under DOCUMENT_UPLOAD_PATH, resumable from the server's offset;
 *   the upload's metadata carries the SHA-256 the bytes must hash to.
 * `GET /v1/documents/:sha256?case=<caseId>` reads a document back (another computer opening the case):
 * only for a session that may see that case, and only when the case holds that document
 * (docs/decisions/0018-documents-on-every-computer.md).
 */
export const DOCUMENT_UPLOAD_PATH = '/v1/documents/uploads';
/**
 * The largest document sent whole, and the most bytes in one bundle. A connection dropped mid-request
 * costs at most this much again (less: the documents of a bundle that arrived whole are kept); above
 * it, tus's resume from the last byte the server wrote is worth its extra requests and files.
 */
export const WHOLE_UPLOAD_MAX_BYTES = 4 * 1024 * 1024;
export const WHOLE_UPLOAD_PATH = '/v1/documents';
/** The most documents in one bundle (the header stays far below Node's 16 KiB for all headers). */
export const BUNDLE_MAX_DOCUMENTS = 64;
export const DOCUMENT_BUNDLE_HEADER = 'x-counterdesk-documents';

/** The case a document is read for: the server serves a document only as part of a case the reader may see. */
export const documentReadQuerySchema = z.object({ case: uuidSchema });

/** Where a case's document is read from the server. */
export function documentReadPath(sha256: string, caseId: string): string {
  return `${WHOLE_UPLOAD_PATH}/${encodeURIComponent(sha256)}?case=${encodeURIComponent(caseId)}`;
}

export interface BundledDocument {
  sha256: string;
  size: number;
}

/** The DOCUMENT_BUNDLE_HEADER value: `<sha256 hex>:<size>` per document, comma-separated, in body order. */
export function bundleHeaderOf(documents: readonly BundledDocument[]): string {
  return documents.map((document) => `${document.sha256}:${document.size}`).join(',');
}

/** One `<sha256 hex>:<size>` item of a DOCUMENT_BUNDLE_HEADER value. */
const bundledDocumentSchema = z
  .string()
  .trim()
  .regex(/^[0-9a-f]{64}:(0|[1-9][0-9]{0,9})$/, 'is not <sha256 in hex>:<size>')
  .transform((item): BundledDocument => {
    const [sha256 = '', size = ''] = item.split(':');
    return { sha256, size: Number(size) };
  });

/** A DOCUMENT_BUNDLE_HEADER value: the documents in the body, in order. */
export const bundleHeaderSchema = z
  .string()
  .min(1)
  .transform((value) => value.split(','))
  .pipe(z.array(bundledDocumentSchema).max(BUNDLE_MAX_DOCUMENTS));

/** The documents a DOCUMENT_BUNDLE_HEADER value lists, or a sentence saying what is wrong with it. */
export function parseBundleHeader(value: string | undefined): BundledDocument[] | string {
  const parsed = bundleHeaderSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const items = value ? value.split(',') : [];
  const [issue] = parsed.error.issues;
  if (issue?.code === 'too_big') return `A bundle holds at most ${BUNDLE_MAX_DOCUMENTS} documents; this one lists ${items.length}`;
  const index = issue?.path[0];
  if (typeof index === 'number') return `Document ${index + 1} in ${DOCUMENT_BUNDLE_HEADER} is not <sha256 in hex>:<size>: ${(items[index] ?? '').trim().slice(0, 80)}`;
  return `${DOCUMENT_BUNDLE_HEADER} must list the documents in the body (<sha256>:<size>, …)`;
}

export const bundleOutcomeSchema = z.discriminatedUnion('status', [
  z.object({ sha256: sha256Schema, size: z.number().int().nonnegative(), status: z.literal('stored') }),
  /** The bytes sent hash to `actual`: nothing of them was kept. */
  z.object({ sha256: sha256Schema, size: z.number().int().nonnegative(), status: z.literal('checksum_mismatch'), actual: sha256Schema }),
]);
export type BundleOutcome = z.infer<typeof bundleOutcomeSchema>;
/** The answer to a bundle: one outcome per document, in the order they were sent. */
export const bundleResponseSchema = z.object({ documents: z.array(bundleOutcomeSchema) });
export type BundleResponse = z.infer<typeof bundleResponseSchema>;
/** The largest document accepted: far above any scan, low enough to hash in one piece on the device. */
export const MAX_DOCUMENT_BYTES = 256 * 1024 * 1024;
export const documentUploadMetadataSchema = z.object({
  sha256: sha256Schema,
  documentId: uuidSchema.optional(),
  mime: line(100).optional(),
});
