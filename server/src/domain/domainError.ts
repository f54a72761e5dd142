/**
 * The one error the layers below the routes throw: a code from the shared error union
 * (shared/http/errors.ts), a message for people, and the facts a client acts on (the fields that
 * failed, where to resend from) as typed fields. It knows nothing of HTTP: the error handler
 * (http/errorHandling.ts) answers it with the status its code maps to, so store/ and the services
 * never import http/.
 */
import type { z } from 'zod';
import type { ErrorCode, ErrorFacts } from '../../../shared/http/errors';

export interface ErrorIssue {
  path: string;
  message: string;
}

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly facts: ErrorFacts;

  constructor(code: ErrorCode, message: string, facts: ErrorFacts = {}) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.facts = facts;
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
  if (!result.success) throw new DomainError('validation_failed', `The ${what} is not valid`, { issues: issuesOf(result.error) });
  return result.data;
}
