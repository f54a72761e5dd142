/**
 * Errors as data: a route throws `HttpError` with a code from shared/http/errors.ts, and the error
 * handler turns it into `{ error: { code, message, issues? } }` with the status that code maps to.
 */
import type { z } from 'zod';
import { httpStatusOf } from '../../../shared/http/errors';
import type { ErrorBody, ErrorCode } from '../../../shared/http/errors';

export interface ErrorIssue {
  path: string;
  message: string;
}

export class HttpError extends Error {
  readonly code: ErrorCode;
  readonly statusCode: number;
  readonly issues: ErrorIssue[] | undefined;

  constructor(code: ErrorCode, message: string, issues?: ErrorIssue[]) {
    super(message);
    this.name = 'HttpError';
    this.code = code;
    this.statusCode = httpStatusOf[code];
    this.issues = issues;
  }

  toBody(): ErrorBody {
    return { error: { code: this.code, message: this.message, ...(this.issues ? { issues: this.issues } : {}) } };
  }
}

export function issuesOf(error: z.ZodError): ErrorIssue[] {
  return error.issues.slice(0, 50).map((issue) => ({
    path: issue.path.map(String).join('.') || '(root)',
    message: issue.message,
  }));
}

/** Parses untrusted input or throws `validation_failed` naming every bad field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new HttpError('validation_failed', `The ${what} is not valid`, issuesOf(result.error));
  return result.data;
}
