import { z } from 'zod';
import { isoDateTimeSchema, line, text } from './primitives';

/**
 * The audit trail's wire format: devices push the entries of their local log (views, prints,
 * exports, changes of a case) to POST /v1/audit/push. Each entry keeps the id it was made with, so a
 * push repeated after a lost answer records nothing twice.
 */


/** What a device's local log records, and so all a device may claim to have done. */
export const deviceAuditActionSchema = z.enum(['created', 'viewed', 'printed-receipt', 'printed-notice', 'printed-decision', 'printed-result', 'documents-supplied', 'status-changed', 'feedback']);

export const deviceAuditEntrySchema = z.object({
  id: z.uuid(),
  /** When it happened, by the device's clock: kept as the entry's device time, never as its time. */
  at: isoDateTimeSchema,
  /** Who the device says was signed in; the server records the pushing session's user instead. */
  username: line(64).min(1),
  action: deviceAuditActionSchema,
  caseId: line(64).min(1).optional(),
  /** Why (受理、審核、補正、列印收執聯…). */
  purpose: line(200).optional(),
  detail: text(1000).optional(),
});
export type DeviceAuditEntry = z.infer<typeof deviceAuditEntrySchema>;

export const MAX_AUDIT_PUSH = 500;

export const auditPushRequestSchema = z.object({ entries: z.array(deviceAuditEntrySchema).min(1).max(MAX_AUDIT_PUSH) });
export type AuditPushRequest = z.infer<typeof auditPushRequestSchema>;

/** Every pushed id the server now holds, whether recorded by this push or an earlier one. */
export const auditPushResponseSchema = z.object({ acknowledged: z.array(z.uuid()) });
