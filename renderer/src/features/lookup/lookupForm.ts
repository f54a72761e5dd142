import { lookupReasonCodeSchema } from '../../../../shared/schemas/caseLookup';
import type { CaseLookupRequest } from '../../../../shared/schemas/caseLookup';
import type { MessageKey } from '../../lib/i18n';

/** The lookup form as typed. */
export interface LookupFields {
  query: string;
  reasonCode: string;
  reason: string;
}

export const emptyLookupFields: LookupFields = { query: '', reasonCode: '', reason: '' };

export type LookupErrors = Partial<Record<keyof LookupFields, MessageKey>>;

/**
 * The form's checks, the server's own rules (shared/schemas/caseLookup.ts) said beside each field: a
 * lookup is never sent without its reason.
 */
export function checkLookup(fields: LookupFields): { ok: true; value: CaseLookupRequest } | { ok: false; errors: LookupErrors } {
  const errors: LookupErrors = {};
  const query = fields.query.trim();
  const reason = fields.reason.trim();
  const reasonCode = lookupReasonCodeSchema.safeParse(fields.reasonCode);
  if (query.length < 4 || query.length > 40) errors.query = 'lookup.queryRequired';
  if (!reasonCode.success) errors.reasonCode = 'lookup.reasonCodeRequired';
  if (reason.length < 2 || reason.length > 300) errors.reason = 'lookup.reasonRequired';
  if (!reasonCode.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { query, reasonCode: reasonCode.data, reason } };
}
