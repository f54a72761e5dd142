/**
 * Every failure leaves the server as the typed error body of shared/http/errors.ts: our own
 * `DomainError`s (HttpError among them), Fastify's (unparsable JSON, body too large, wrong content type, bad URL) and anything
 * unexpected, which becomes a logged 500 `internal_error` that reveals nothing of its cause.
 * The citizen's HTML pages under /q/ get HTML instead of JSON.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorCode } from '../../../shared/http/errors';
import { pageContentSecurityPolicy, renderNotFoundPage, renderUnavailablePage } from '../public/progressPage';
import { DomainError } from '../domain/domainError';
import { HttpError } from './httpError';
import { applySecurityHeaders } from './securityHeaders';

const codeOfStatus: Record<number, ErrorCode> = {
  400: 'validation_failed',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  406: 'validation_failed',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  423: 'account_locked',
  426: 'protocol_outdated',
  429: 'rate_limited',
  503: 'unavailable',
};

/** Messages for people, for the Fastify errors a client can cause. Fastify's own texts name internals. */
const fastifyMessages: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'The request body is not valid JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'The request body is empty but its content type is JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'The request body is too large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'The request body must be JSON (Content-Type: application/json)',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'The Content-Length header does not match the body',
  FST_ERR_BAD_URL: 'The URL is not valid',
  FST_ERR_MAX_PARAM_LENGTH: 'A part of the URL is too long',
};

function isHtmlRoute(request: FastifyRequest): boolean {
  return request.url === '/q' || request.url.startsWith('/q/') || request.url.startsWith('/q?');
}

function toHttpError(error: unknown): HttpError | undefined {
  if (error instanceof DomainError) return HttpError.of(error);
  if (typeof error !== 'object' || error === null) return undefined;
  const { statusCode, code } = error as { statusCode?: unknown; code?: unknown };
  if (typeof statusCode !== 'number' || statusCode < 400 || statusCode >= 500) return undefined;
  const errorCode = codeOfStatus[statusCode] ?? 'validation_failed';
  const message = (typeof code === 'string' ? fastifyMessages[code] : undefined) ?? 'The request is not valid';
  return new HttpError(errorCode, message);
}

/**
 * The database cannot take the request now: the pool waited in vain for a free connection or for a
 * new one to open (pg-pool's connect timeout, DATABASE_POOL_TIMEOUT_MS), PostgreSQL refused the
 * connection, is out of resources (class 53) or is starting up (57P03). Temporary: a 503 with
 * Retry-After tells devices to retry with back-off, where a 500 would read as a fault of the server.
 */
function isOverloaded(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (code.startsWith('53') || code === '57P03' || code === 'ECONNREFUSED')) return true;
  return /timeout exceeded when trying to connect|connection terminated due to connection timeout/i.test(error.message);
}

const RETRY_AFTER_SECONDS = 2;

function sendHtml(reply: FastifyReply, status: number, html: string): FastifyReply {
  return reply.code(status).header('content-security-policy', pageContentSecurityPolicy).type('text/html; charset=utf-8').send(html);
}

/** The public case lookups answer every caller mistake with the one "Case not found" (no oracle). */
function isPublicLookup(request: FastifyRequest): boolean {
  return request.url.startsWith('/v1/public/');
}

/**
 * Sends the typed error for any error; used as Fastify's error handler and for its router's own
 * errors (malformed URL encoding, an over-long path parameter), which skip the error handler.
 */
export function replyWithError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const overloaded = isOverloaded(error);
  // A caller's mistake (4xx); an overloaded database is the server's state, answered 503 below.
  const known = overloaded ? undefined : toHttpError(error);
  if (isHtmlRoute(request)) reply.header('content-security-policy', pageContentSecurityPolicy);
  applySecurityHeaders(reply);
  if (overloaded) {
    request.log.warn({ err: error }, 'database overloaded');
    reply.header('retry-after', String(RETRY_AFTER_SECONDS));
  } else if (!known) request.log.error({ err: error }, 'unhandled error');
  if (isHtmlRoute(request)) {
    return known ? sendHtml(reply, 404, renderNotFoundPage()) : sendHtml(reply, 503, renderUnavailablePage());
  }
  let httpError = overloaded ? new HttpError('unavailable', 'The server is busy: try again in a moment') : (known ?? new HttpError('internal_error', 'The server failed to handle this request'));
  if (isPublicLookup(request) && known) httpError = new HttpError('not_found', 'Case not found');
  return reply.code(httpError.statusCode).type('application/json; charset=utf-8').send(httpError.toBody());
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => replyWithError(error, request, reply));

  app.setNotFoundHandler((request, reply) => {
    if (isHtmlRoute(request)) return sendHtml(reply, 404, renderNotFoundPage());
    const error = new HttpError('not_found', `No route ${request.method} ${(request.url.split('?')[0] ?? '').slice(0, 200)}`);
    return reply.code(404).type('application/json; charset=utf-8').send(error.toBody());
  });
}
