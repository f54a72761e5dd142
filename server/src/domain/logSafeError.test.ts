import { describe, expect, it } from 'vitest';
import { logSafeError, scrubLogText } from './logSafeError';

/** An error shaped like pg's DatabaseError and PGlite's, with every field that can hold a value. */
function databaseError(): Error {
  const error = new Error('invalid input syntax for type uuid: "A123456789"');
  Object.assign(error, {
    code: '22P02',
    severity: 'ERROR',
    table: 'cases',
    column: 'id',
    constraint: 'cases_pkey',
    routine: 'string_to_uuid',
    detail: 'Failing row contains (A123456789, 王小明, 0912345678).',
    where: 'JSON data, line 1: {"name":"王小明"',
    hint: 'see 0912345678',
    internalQuery: 'SELECT 1',
    query: 'INSERT INTO cases VALUES ($1, $2)',
    params: ['A123456789', '王小明'],
  });
  return error;
}

describe('logSafeError', () => {
  it('keeps the code and schema names, and nothing that can hold a value', () => {
    const logged = logSafeError(databaseError());
    expect(logged).toMatchObject({ type: 'Error', code: '22P02', severity: 'ERROR', table: 'cases', column: 'id', constraint: 'cases_pkey', routine: 'string_to_uuid' });
    expect(logged.message).toBe('invalid input syntax for type uuid: "…"');
    for (const field of ['detail', 'where', 'hint', 'internalQuery', 'query', 'params']) expect(logged).not.toHaveProperty(field);
    const text = JSON.stringify(logged);
    for (const secret of ['A123456789', '王小明', '0912345678']) expect(text).not.toContain(secret);
  });

  it('keeps the call frames of the stack, with the message line scrubbed', () => {
    const logged = logSafeError(databaseError());
    const [first, ...frames] = logged.stack.split('\n');
    expect(first).toBe('Error: invalid input syntax for type uuid: "…"');
    expect(frames.length).toBeGreaterThan(0);
    expect(frames.every((line) => /^\s+at /.test(line))).toBe(true);
  });

  it('follows causes and the errors of an AggregateError, scrubbed alike', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED', errno: -111, syscall: 'connect' });
    const aggregate = Object.assign(new AggregateError([refused], ''), { code: 'ECONNREFUSED' });
    const wrapped = new Error('Connection terminated due to connection timeout', { cause: databaseError() });
    expect(logSafeError(aggregate)).toMatchObject({ type: 'AggregateError', code: 'ECONNREFUSED', errors: [{ code: 'ECONNREFUSED', syscall: 'connect', errno: -111 }] });
    expect(logSafeError(wrapped)).toMatchObject({ cause: { code: '22P02', message: 'invalid input syntax for type uuid: "…"' } });
  });

  it('says what was thrown when it is not an Error, without its content', () => {
    expect(logSafeError('name 王小明 A123456789')).toMatchObject({ type: 'string', message: 'name … …' });
    expect(logSafeError({ idNumber: 'A123456789' }).message).toBe('(a thrown value that is not an Error)');
  });
});

describe('scrubLogText', () => {
  it('replaces quoted spans, Han characters, national IDs and long digit runs', () => {
    expect(scrubLogText('value "0912345678" is out of range for type smallint')).toBe('value "…" is out of range for type smallint');
    expect(scrubLogText('Key (id_number)=(F223456785) already exists.')).toBe('Key (id_number)=(…) already exists.');
    expect(scrubLogText('applicant 林美惠 phone 0987654321')).toBe('applicant … phone …');
    // A quote inside the value cannot end the scrubbed span early.
    expect(scrubLogText('bad value "ab"cd" here')).toBe('bad value "…" here');
    expect(scrubLogText('connect ECONNREFUSED 127.0.0.1:5432')).toBe('connect ECONNREFUSED 127.0.0.1:5432');
  });
});
