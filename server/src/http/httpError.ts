/**
 * Errors as data at the HTTP edge: `HttpError` is a `DomainError` that knows its status, and the error
 * handler turns any `DomainError` into `{ error: { code, message, ...facts } }` with the status that
 * code maps to (shared/http/errors.ts).
 */
import { httpStatusOf } from '../../../shared/http/errors';
import type { ErrorBody, ErrorCode, ErrorFacts } from '../../../shared/http/errors';
import { DomainError } from '../domain/domainError';

export class HttpError extends DomainError {
  readonly statusCode: number;

  constructor(code: ErrorCode, message: string, facts: ErrorFacts = {}) {
    super(code, message, facts);
    this.name = 'HttpError';
    this.statusCode = httpStatusOf[code];
  }

  /** The HTTP answer to an error thrown below the routes. */
  static of(error: DomainError): HttpError {
    return error instanceof HttpError ? error : new HttpError(error.code, error.message, error.facts);
  }

  toBody(): ErrorBody {
    return { error: { code: this.code, message: this.message, ...this.facts } };
  }
}
