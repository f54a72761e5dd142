import { describe, expect, it } from 'vitest';
import { caseRecordSchema } from './case';
import { jsonValueProblem } from './boundedJson';
import { parseStored } from './parseStored';
import { line, text } from './primitives';

describe('text people type (decision 0032)', () => {
  it('refuses control characters and lone surrogates in a line, and lets a note keep its line breaks', () => {
    const name = line(100).trim().min(1);
    for (const bad of ['王\u0000明', 'a\tb', 'a\nb', 'a\rb', '\u007F', '\u0085', '\uD800', 'x\uDFFF']) expect(name.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    for (const good of ['王大明', ' 王大明 ', '😀', 'Ｏ\u200D', "O'Brien-Smith"]) expect(name.safeParse(good).success, good).toBe(true);
    expect(text(100).safeParse('第一行\n第二行').success).toBe(true);
    expect(text(100).safeParse('第一行\r\n第二行').success).toBe(false);
    expect(line(3).safeParse('abcd').success).toBe(false);
  });

  it('measures a nested value without recursing into it', () => {
    let deep: unknown = 'x';
    for (let level = 0; level < 100_000; level += 1) deep = [deep];
    expect(jsonValueProblem(deep, 8, 64_000)).toMatch(/deeper than 8/);
    expect(jsonValueProblem({ a: [1, 'two', null, true] }, 8, 64_000)).toBeUndefined();
    expect(jsonValueProblem(JSON.parse('{"a": {"__proto__": 1}}'), 8, 64_000)).toMatch(/__proto__/);
    expect(jsonValueProblem(Array.from({ length: 70_000 }, () => 0), 8, 64_000)).toMatch(/larger than/);
    expect(jsonValueProblem('\u0000', 8, 64_000)).toMatch(/control character/);
  });
});

describe('reading what was stored before the text rules', () => {
  const stored = {
    id: '0190a3c5-0000-7000-8000-000000000001',
    caseNo: '115KL01000001X',
    verifier: 'abcdefghijklmnop',
    serviceId: 'LVT-SELF-USE',
    channel: 'counter',
    applicant: { kind: 'person', idNumber: 'A123456789', name: '王\u0001大\n明', phone: '' },
    checklist: [{ document: '申請書\u0000', state: 'provided' }],
    status: 'received',
    receivedOn: '2026-03-02',
    receivedAt: '2026-03-02T09:15:00+08:00',
    dueDate: '2026-03-18',
    stationCode: 'KL01',
    createdBy: 'clerk',
  };

  it('shows each unreadable character as U+FFFD instead of failing, and leaves the stored value as it was', () => {
    expect(caseRecordSchema.safeParse(stored).success).toBe(false);
    const read = parseStored(caseRecordSchema, stored);
    expect(read.applicant.name).toBe('王\uFFFD大 明');
    expect(read.checklist[0]?.document).toBe('申請書\uFFFD');
    expect(stored.applicant.name).toBe('王\u0001大\n明');
  });

  it('still refuses what no repair makes readable', () => {
    expect(() => parseStored(caseRecordSchema, { ...stored, status: 'lost' })).toThrow();
  });
});
