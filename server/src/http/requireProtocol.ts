/**
 * The one check of the sync protocol version, for every route a device syncs through (push, pull,
 * documents, case numbers): the `x-counterdesk-protocol` header and, when the body declares one, the
 * body's `protocolVersion`. An older client is refused with 426 `protocol_outdated` before its body is
 * read any further, since its shape may have changed.
 */
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../../shared/sync/protocol';
import { HttpError } from './httpError';

const versionOnlySchema = z.object({ protocolVersion: z.unknown() });

export function requireProtocol(request: FastifyRequest, options: { body?: boolean } = {}): void {
  const declared = options.body ? versionOnlySchema.safeParse(request.body) : undefined;
  if (request.headers[PROTOCOL_HEADER] !== String(PROTOCOL_VERSION) || (declared?.success && declared.data.protocolVersion !== PROTOCOL_VERSION)) {
    throw new HttpError('protocol_outdated', `This server speaks sync protocol ${PROTOCOL_VERSION}: update CounterDesk to sync again`);
  }
}
