/**
 * Errors as data: a route throws `HttpError` with a code from shared/http/errors.ts, and the error
 * handler turns it into `{ error: { code, message, ...facts } }` with the status that code maps to. Facts a
 * client acts on (the fields that failed, where to resend from) travel as typed fields, never inside
 * the message.
 */
import type { z } from 'zod';
import { httpStatusOf } from '../../../shared/http/errors';
import type { ErrorBody, ErrorCode, ErrorFacts } from '../../../shared/http/errors';

export interface ErrorIssue {
  path: string;
  message: string;
}

export class HttpError extends Error {
  readonly code: ErrorCode;
  readonly statusCode: number;
  readonly facts: ErrorFacts;

  constructor(code: ErrorCode, message: string, facts: ErrorFacts = {}) {
    super(message);
    this.name = 'HttpError';
    this.code = code;
    this.statusCode = httpStatusOf[code];
    this.facts = facts;
  }

  toBody(): ErrorBody {
    return { error: { code: this.code, message: this.message, ...this.facts } };
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
  if (!result.success) throw new HttpError('validation_failed', `The ${what} is not valid`, { issues: issuesOf(result.error) });
  return result.data;
}
