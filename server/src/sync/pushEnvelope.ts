import { z } from 'zod';
import { MAX_PUSH_BATCH } from '../../../shared/sync/protocol';
import type { Mutation } from '../../../shared/sync/protocol';
import { uuidSchema } from '../../../shared/schemas/primitives';
import type { MutationOutcome } from './mutationOutcome';

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
export type EnvelopeMutation = PushEnvelope['mutations'][number];

/** A mutation of the envelope after its one parse: valid, or already its rejection. */
export type ParsedMutation = { raw: EnvelopeMutation } & ({ mutation: Mutation; rejection?: undefined } | { mutation?: undefined; rejection: MutationOutcome });
