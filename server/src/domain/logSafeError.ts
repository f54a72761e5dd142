/**
 * What of an error may be written to a log. Taxpayer data is secret (稅捐稽徵法 §33) and errors carry
 * it in places nobody reads first: a PostgreSQL error's `detail` holds the whole failing row ("Failing
 * row contains (A123456789, 王小明, 0912…)"), its `where` the statement's context, PGlite's error the
 * query's `params`; a message quotes the value that did not parse (`invalid input syntax for type
 * uuid: "A123456789"`). So a log gets an allow-list of fields — the error's type, SQLSTATE code and the
 * names of the constraint, table, column and routine involved, which are what an operator needs — and
 * a message and stack with every quoted span, run of CJK characters, national ID and phone number
 * replaced. Nothing else of the error is copied, whatever fields a driver adds later.
 */

export interface LoggedError {
  type: string;
  message: string;
  /** The type and the scrubbed message, then the call frames. */
  stack: string;
  [field: string]: unknown;
}

/** Fields that name the schema or the system, never a value. */
const keptFields = ['code', 'severity', 'constraint', 'table', 'column', 'dataType', 'schema', 'routine', 'errno', 'syscall', 'statusCode'] as const;

const MAX_DEPTH = 3;
const MAX_NESTED = 5;

const quoted = /"[\s\S]*"/g;
// A name in Chinese, or any run of Han characters: the server's own messages are in English.
const cjkRun = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]+/g;
// National ID, resident certificate (old and new form) and mobile numbers, and any long digit run.
const idNumber = /\b[A-Z][1289A-D]\d{8}\b/gi;
const digitRun = /\d{7,}/g;

/** The text with every span that may hold a value replaced by `…`. */
export function scrubLogText(text: string): string {
  return text.replace(quoted, '"…"').replace(cjkRun, '…').replace(idNumber, '…').replace(digitRun, '…');
}

/** The call frames only: the stack's first lines repeat the message, unscrubbed. */
function framesOf(stack: unknown): string[] {
  if (typeof stack !== 'string') return [];
  return stack.split('\n').filter((line) => /^\s+at /.test(line)).map(scrubLogText);
}

function typeOf(error: Error): string {
  return error.constructor.name === 'Object' ? error.name : error.constructor.name || error.name;
}

function loggedError(error: unknown, depth: number): LoggedError {
  if (!(error instanceof Error)) {
    const message = typeof error === 'string' ? scrubLogText(error) : '(a thrown value that is not an Error)';
    return { type: typeof error, message, stack: message };
  }
  const type = typeOf(error);
  const message = scrubLogText(error.message);
  const logged: LoggedError = { type, message, stack: [`${type}: ${message}`, ...framesOf(error.stack)].join('\n') };
  const source = error as unknown as Record<string, unknown>;
  for (const field of keptFields) {
    const value = source[field];
    if (typeof value === 'string' || typeof value === 'number') logged[field] = typeof value === 'string' ? scrubLogText(value) : value;
  }
  if (depth < MAX_DEPTH) {
    if (error.cause !== undefined) logged.cause = loggedError(error.cause, depth + 1);
    // pg reports a refused connection to every address of a host name as an AggregateError.
    if (error instanceof AggregateError) logged.errors = error.errors.slice(0, MAX_NESTED).map((inner) => loggedError(inner, depth + 1));
  }
  return logged;
}

/** The error as it may be logged: pino's `err` serializer and every console line about an error. */
export function logSafeError(error: unknown): LoggedError {
  return loggedError(error, 0);
}
