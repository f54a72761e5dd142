import { z } from 'zod';
import { caseStatusSchema } from './case';
import { isoDateSchema } from './primitives';

/** What the citizen's progress page may show: nothing personal beyond the masked name. */
export const publicCaseSchema = z.object({
  caseNo: z.string(),
  status: caseStatusSchema,
  service: z.object({ id: z.string(), nameZh: z.string(), nameEn: z.string() }),
  receivedOn: isoDateSchema,
  dueDate: isoDateSchema,
  applicantMasked: z.string(),
});
export type PublicCase = z.infer<typeof publicCaseSchema>;
