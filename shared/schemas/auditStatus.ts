/** The audit chain's state as the administrator's console shows it (GET /v1/admin/audit-status). */
import { z } from 'zod';

export const auditStatusSchema = z.object({
  entries: z.number().int().nonnegative(),
  head: z.object({ seq: z.number().int().nonnegative(), hash: z.string(), at: z.string().nullable() }),
  lastAnchor: z.object({ day: z.string(), seq: z.number().int().nonnegative(), hash: z.string(), writtenAt: z.string() }).nullable(),
  verification: z.object({ ok: z.boolean(), checkedAt: z.string(), problem: z.string().nullable() }),
});
export type AuditStatus = z.infer<typeof auditStatusSchema>;
