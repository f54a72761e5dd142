/**
 * GET /v1/catalogue and GET /v1/calendar: the reference data devices work with, for any enrolled
 * device (no user needed, so a device can update before anyone signs in).
 *
 * Invariant: the answer is the latest published version, or the built-in default when none is
 * published; its ETag is the version, so a device that already holds it gets 304 and no body.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { defaultCalendar } from '../../../shared/domain/calendar';
import { defaultCatalogue } from '../../../shared/domain/catalogue';
import type { AppContext } from '../context/appContext';
import { latestReferenceVersion } from '../store/referenceVersionStore';

/** A strong ETag for a version; percent-encoding keeps any version string a valid header value. */
export function versionEtag(version: string): string {
  return `"${encodeURIComponent(version)}"`;
}

/** True when If-None-Match names `etag` (weak or strong) or is `*`. */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const trimmed = tag.trim();
    return trimmed === '*' || trimmed.replace(/^W\//, '') === etag;
  });
}

function sendVersioned(request: FastifyRequest, reply: FastifyReply, version: string, body: unknown): FastifyReply {
  const etag = versionEtag(version);
  // Devices must ask again each time: a newer version may be published at any moment.
  reply.header('etag', etag).header('cache-control', 'no-cache');
  if (matches(request.headers['if-none-match'], etag)) return reply.code(304).send();
  return reply.code(200).send(body);
}

export function registerReferenceRoutes(app: FastifyInstance, context: AppContext): void {
  const { db } = context;

  app.get('/v1/catalogue', { config: { action: 'device' } }, async (request, reply) => {
    const catalogue = (await latestReferenceVersion(db, 'catalogue')) ?? defaultCatalogue;
    return sendVersioned(request, reply, catalogue.version, catalogue);
  });

  app.get('/v1/calendar', { config: { action: 'device' } }, async (request, reply) => {
    const calendar = (await latestReferenceVersion(db, 'calendar')) ?? defaultCalendar.toData();
    return sendVersioned(request, reply, calendar.version, calendar);
  });
}
