import { z } from 'zod';
import { MAX_PUSH_BATCH } from '../../../shared/sync/protocol';
import { uuidSchema } from '../../../shared/schemas/primitives';

/** The envelope: strict about what routing needs, lenient about each mutation's content. */
export const pushEnvelopeSchema = z.object({
  protocolVersion: z.number().int(),
  clientId: uuidSchema,
  mutations: z
    .array(z.object({ id: z.number().int().positive().max(Number.MAX_SAFE_INTEGER), name: z.unknown(), args: z.unknown(), createdAt: z.unknown() }))
    .min(1)
    .max(MAX_PUSH_BATCH),
});
export type PushEnvelope = z.infer<typeof pushEnvelopeSchema>;
