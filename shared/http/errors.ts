import { z } from 'zod';

/**
 * Every error the central server returns, as one union. 4xx codes are the caller's mistakes, 5xx the
 * server's own faults. Clients switch on `code`; `message` is for people.
 */
export const errorCodes = [
  'validation_failed',
  'unauthorized',
  'forbidden',
  'not_found',
  'rate_limited',
  'account_locked',
  'protocol_outdated',
  'mutation_gap',
  'device_unknown',
  'device_revoked',
  'payload_too_large',
  'unsupported_media_type',
  'conflict',
  'checksum_mismatch',
  'internal_error',
  'unavailable',
  /** An account would hold the administrator together with a case role (shared/domain/roleSeparation.ts). */
  'role_separation',
] as const;

export const errorCodeSchema = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

export const errorBodySchema = z.object({
  error: z.object({
    code: errorCodeSchema,
    message: z.string(),
    /** Field-level details for validation_failed, keyed by dotted path. */
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    /** mutation_gap: the mutation id the client must send again from (the server's last + 1). */
    resendFrom: z.number().int().positive().optional(),
  }),
});
/** The facts an error carries besides its code and message, for clients to act on without parsing text. */
export type ErrorFacts = Pick<ErrorBody['error'], 'issues' | 'resendFrom'>;
export type ErrorBody = z.infer<typeof errorBodySchema>;

export const httpStatusOf: Record<ErrorCode, number> = {
  validation_failed: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  rate_limited: 429,
  account_locked: 423,
  protocol_outdated: 426,
  mutation_gap: 409,
  device_unknown: 403,
  device_revoked: 403,
  payload_too_large: 413,
  unsupported_media_type: 415,
  conflict: 409,
  /** The bytes sent do not hash to the SHA-256 they were sent under. */
  checksum_mismatch: 422,
  internal_error: 500,
  unavailable: 503,
  role_separation: 403,
};
