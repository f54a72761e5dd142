/**
 * GET /v1/admin/health: the server's state for the administrator's console. Counts and settings only,
 * never taxpayer data.
 */
import { z } from 'zod';
import { isoDateTimeSchema } from './primitives';

export const serverHealthSchema = z.object({
  version: z.string(),
  checkedAt: isoDateTimeSchema,
  startedAt: isoDateTimeSchema,
  database: z.object({ kind: z.enum(['postgres', 'pglite']), reachable: z.boolean(), schemaVersion: z.number().int().nonnegative() }),
  /** Whether this process runs the background jobs, and whether an SMS gateway is configured. */
  jobs: z.object({ enabled: z.boolean(), smsGateway: z.boolean() }),
  notifications: z.object({ pending: z.number().int().nonnegative(), failed: z.number().int().nonnegative(), oldestPendingAt: isoDateTimeSchema.nullable() }),
  accounts: z.object({ activeUsers: z.number().int().nonnegative(), activeDevices: z.number().int().nonnegative(), liveSessions: z.number().int().nonnegative() }),
});
export type ServerHealth = z.infer<typeof serverHealthSchema>;
