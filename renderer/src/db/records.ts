import { z } from 'zod';
import { caseRecordSchema } from '../../../shared/schemas/case';
import { caseDocumentSchema, caseReviewSchema, mutationSchema } from '../../../shared/sync/protocol';
import { signInResponseSchema } from '../../../shared/schemas/auth';

/**
 * Shapes of what the device stores. Everything read back from IndexedDB is parsed with these schemas:
 * a record written by an older version of the app must be understood or reported, never trusted blindly.
 */

export const syncStateSchema = z.enum(['pending', 'synced', 'rejected']);
export type SyncState = z.infer<typeof syncStateSchema>;

export const localCaseSchema = caseRecordSchema.extend({
  syncState: syncStateSchema,
  /** Why the server refused the case, in the server's words (English detail, for the log). */
  syncMessage: z.string().optional(),
  /** The server's refusal code: what the clerk reads, in their language (lib/errorText.ts). */
  syncCode: z.string().optional(),
  syncedAt: z.string().optional(),
  /** Set by the server when edits conflicted: both values, for a person to decide. */
  review: caseReviewSchema.optional(),
  /** The documents the server holds for the case (an add-only set). */
  documents: z.array(caseDocumentSchema).optional(),
});
export type LocalCase = z.infer<typeof localCaseSchema>;

export const outboxStateSchema = z.enum(['pending', 'applied', 'duplicate', 'rejected']);

export const outboxEntrySchema = z.object({
  /** The mutation id: gap-free for the life of this install. */
  id: z.number().int().positive(),
  caseId: z.string(),
  mutation: mutationSchema,
  state: outboxStateSchema,
  code: z.string().optional(),
  message: z.string().optional(),
  /** When the clerk dismissed a rejection from the list (it stays in the outbox for the record). */
  acknowledgedAt: z.string().optional(),
});
export type OutboxEntry = z.infer<typeof outboxEntrySchema>;

export interface MetaRow {
  key: string;
  value: unknown;
}

export const storedSessionSchema = signInResponseSchema;
export type StoredSession = z.infer<typeof storedSessionSchema>;
