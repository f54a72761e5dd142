/**
 * A JSON body parser for routes whose every object is rebuilt by a zod schema before use: plain
 * `JSON.parse`, which turns a `__proto__` or `constructor` key into an ordinary own property and never
 * touches a prototype. Fastify's own parser refuses a whole body holding such a key; on the push that
 * would let one hostile value in one mutation stop every mutation sent with it (decision 0032). Here the
 * schemas drop keys they do not name, and the open values of a setField refuse such keys
 * (shared/schemas/boundedJson.ts), so the key costs its own mutation only.
 */
import type { FastifyInstance } from 'fastify';

function bodyError(code: string, message: string): Error {
  return Object.assign(new Error(message), { statusCode: 400, code });
}

/** Replaces the JSON parser of `scope` (an encapsulated plugin: the rest of the app keeps Fastify's). */
export function usePlainJsonParser(scope: FastifyInstance): void {
  scope.removeContentTypeParser('application/json');
  scope.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text === '') {
      done(bodyError('FST_ERR_CTP_EMPTY_JSON_BODY', 'The request body is empty'), undefined);
      return;
    }
    try {
      done(null, JSON.parse(text));
    } catch {
      done(bodyError('FST_ERR_CTP_INVALID_JSON_BODY', 'The request body is not valid JSON'), undefined);
    }
  });
}
