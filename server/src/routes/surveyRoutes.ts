/**
 * The citizen's survey after closure: GET and POST /q/:caseNo/survey?v= (public/survey.ts,
 * public/surveyPage.ts), linked from the progress page once the case is closed. Rate-limited like
 * the progress page; a wrong number or verifier gets its one same 404 page. The form posts to its own
 * page as application/x-www-form-urlencoded, read here with URLSearchParams (a parser of this scope
 * only), guarded by the page's token (public/surveyToken.ts). One answer per case; a second is thanked
 * and not stored. Each page shown with the case and each answer is audited.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../context/appContext';
import { maskAddress } from '../audit/publicViewAudit';
import { publicLookupLimit } from '../authz/rateLimit';
import { findVerifiedCase } from '../public/findPublicCase';
import { formPageContentSecurityPolicy, renderNotFoundPage } from '../public/progressPage';
import { checkSurveyForm, emptySurveyForm, readSurveyForm, recordSurveyAnswer, surveyCaseOf, surveyOpen } from '../public/survey';
import type { SurveyErrors, SurveyForm } from '../public/survey';
import { renderSurveyForm, renderSurveyNotYet, renderSurveyThanks } from '../public/surveyPage';
import { crossSitePost, newSurveyToken, surveyCookie, surveyTokenOf, surveyTokensMatch } from '../public/surveyToken';
import { appendAuditNow } from '../store/auditStore';
import { hasSurveyAnswer } from '../store/ratingStore';

const paramsSchema = z.object({ caseNo: z.string().min(1).max(64) });
const querySchema = z.object({ v: z.string().min(1).max(128).optional() });
/** A survey form is a few hundred bytes; far more is not one. */
const SURVEY_BODY_LIMIT = 16 * 1024;

function sendPage(reply: FastifyReply, status: number, html: string): FastifyReply {
  return reply
    .code(status)
    .header('content-security-policy', formPageContentSecurityPolicy)
    .header('x-robots-tag', 'noindex, nofollow')
    .type('text/html; charset=utf-8')
    .send(html);
}

/** The case the link names, or undefined down the one path every failure takes. */
async function linkedCase(context: AppContext, request: FastifyRequest) {
  const params = paramsSchema.safeParse(request.params);
  const query = querySchema.safeParse(request.query);
  const caseNo = params.success ? params.data.caseNo : '';
  const verifier = params.success && query.success ? query.data.v : undefined;
  return findVerifiedCase(context.db, caseNo, verifier);
}

/** The form (again), with a fresh token in the page and its cookie. */
function sendForm(request: FastifyRequest, reply: FastifyReply, status: number, content: { stored: NonNullable<Awaited<ReturnType<typeof findVerifiedCase>>>; form: SurveyForm; errors: SurveyErrors; resend?: boolean }) {
  const token = newSurveyToken();
  reply.header('set-cookie', surveyCookie(token, request.protocol === 'https'));
  const action = request.url;
  return sendPage(reply, status, renderSurveyForm({ survey: surveyCaseOf(content.stored), action, form: content.form, errors: content.errors, token, ...(content.resend ? { resend: true } : {}) }));
}

export function registerSurveyRoutes(app: FastifyInstance, context: AppContext): void {
  const config = { action: 'public', rateLimit: publicLookupLimit } as const;

  app.get('/q/:caseNo/survey', { config }, async (request, reply) => {
    const stored = await linkedCase(context, request);
    if (!stored) return sendPage(reply, 404, renderNotFoundPage());
    const { record } = stored;
    await appendAuditNow(context.db, {
      at: context.now(),
      action: 'case.public-view',
      purpose: 'citizen survey',
      caseId: record.id,
      details: { caseNo: record.caseNo, address: maskAddress(request.ip), page: 'survey' },
    });
    if (!surveyOpen(record.status)) return sendPage(reply, 200, renderSurveyNotYet(surveyCaseOf(stored)));
    if (await hasSurveyAnswer(context.db, record.id)) return sendPage(reply, 200, renderSurveyThanks(surveyCaseOf(stored), 'already'));
    return sendForm(request, reply, 200, { stored, form: emptySurveyForm, errors: {} });
  });

  void app.register(async (scope) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: SURVEY_BODY_LIMIT }, (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(typeof body === 'string' ? body : body.toString('utf8'))));
    });
    scope.post('/q/:caseNo/survey', { config, bodyLimit: SURVEY_BODY_LIMIT }, async (request, reply) => {
      const stored = await linkedCase(context, request);
      if (!stored) return sendPage(reply, 404, renderNotFoundPage());
      const survey = surveyCaseOf(stored);
      if (!surveyOpen(stored.record.status)) return sendPage(reply, 409, renderSurveyNotYet(survey));
      if (await hasSurveyAnswer(context.db, stored.record.id)) return sendPage(reply, 200, renderSurveyThanks(survey, 'already'));
      const form = readSurveyForm(request.body);
      if (crossSitePost(request.headers['sec-fetch-site']) || !surveyTokensMatch(surveyTokenOf(request.headers.cookie), form.token)) {
        return sendForm(request, reply, 403, { stored, form, errors: {}, resend: true });
      }
      const checked = checkSurveyForm(form);
      if (!checked.ok) return sendForm(request, reply, 400, { stored, form, errors: checked.errors });
      const outcome = await recordSurveyAnswer(context.db, stored, checked.answer, { now: context.now(), address: maskAddress(request.ip) });
      return sendPage(reply, 200, renderSurveyThanks(survey, outcome));
    });
  });
}
