/**
 * The citizen's progress: JSON at /v1/public/cases/:caseNo?v= and the HTML page at /q/:caseNo?v=
 * (the URL in the receipt's QR code): the stages with their dates, what is missing, how to reach the
 * bureau (public/publicProgress.ts), and once the case is closed the way to its survey. Anything wrong
 * gives the one same 404, never a hint.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../context/appContext';
import { publicLookupLimit } from '../authz/rateLimit';
import { HttpError } from '../http/httpError';
import { findPublicCase } from '../public/findPublicCase';
import { surveyOpen } from '../public/survey';
import { pageContentSecurityPolicy, renderNotFoundPage, renderProgressPage } from '../public/progressPage';

const paramsSchema = z.object({ caseNo: z.string().min(1).max(64) });
const querySchema = z.object({ v: z.string().min(1).max(128).optional() });

/** The case number and verifier asked for; an input out of shape asks for no case, down the same path. */
function lookupInput(request: FastifyRequest): { caseNo: string; verifier: string | undefined } {
  const params = paramsSchema.safeParse(request.params);
  const query = querySchema.safeParse(request.query);
  if (!params.success || !query.success) return { caseNo: '', verifier: undefined };
  return { caseNo: params.data.caseNo, verifier: query.data.v };
}

const notFound = () => new HttpError('not_found', 'Case not found');

function sendPage(reply: FastifyReply, status: number, html: string): FastifyReply {
  return reply
    .code(status)
    .header('content-security-policy', pageContentSecurityPolicy)
    .header('x-robots-tag', 'noindex, nofollow')
    .type('text/html; charset=utf-8')
    .send(html);
}

export function registerPublicRoutes(app: FastifyInstance, context: AppContext): void {
  app.get('/v1/public/cases/:caseNo', { config: { action: 'public', rateLimit: publicLookupLimit, audit: 'public-view' } }, async (request, reply) => {
    const input = lookupInput(request);
    const found = await findPublicCase(context.db, input.caseNo, input.verifier);
    if (!found) throw notFound();
    return reply.code(200).header('x-robots-tag', 'noindex, nofollow').send(found);
  });

  app.get('/q/:caseNo', { config: { action: 'public', rateLimit: publicLookupLimit, audit: 'public-view' } }, async (request, reply) => {
    const input = lookupInput(request);
    const found = await findPublicCase(context.db, input.caseNo, input.verifier);
    if (!found) return sendPage(reply, 404, renderNotFoundPage());
    // Once the case is closed, the short survey (routes/surveyRoutes.ts) at the same link's address.
    const surveyUrl = surveyOpen(found.status) ? `/q/${encodeURIComponent(found.caseNo)}/survey?v=${encodeURIComponent(input.verifier ?? '')}` : undefined;
    return sendPage(reply, 200, renderProgressPage(found, context.config.notifications.bureau, surveyUrl));
  });
}
