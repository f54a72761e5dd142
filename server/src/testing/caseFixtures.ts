/** Intake records and push bodies for tests, shaped by shared/schemas/case.ts and shared/sync/protocol.ts. */
import { randomBytes, randomUUID } from 'node:crypto';
import { defaultCalendar } from '../../../shared/domain/calendar';
import { defaultCatalogue } from '../../../shared/domain/catalogue';
import { intakeDueDate } from '../../../shared/domain/caseDueDate';
import { formatCaseNo } from '../../../shared/domain/caseNumber';
import type { CaseRecord } from '../../../shared/schemas/case';
import { PROTOCOL_VERSION } from '../../../shared/sync/protocol';

/** The due date the built-in versions give the intake, as a device computes it; the fixture's own for a service they lack. */
function builtInDueDate(record: CaseRecord): string {
  try {
    return intakeDueDate(record, { catalogue: defaultCatalogue, calendar: defaultCalendar });
  } catch {
    return record.dueDate;
  }
}

/**
 * An intake of an older device (no versions named). Its due date, unless given, is the one the
 * built-in versions give its service, receipt date and pauses, so the server's intake check stores it.
 */
export function buildCaseRecord(sequence: number, overrides: Partial<CaseRecord> = {}): CaseRecord {
  const stationCode = overrides.stationCode ?? 'KL01';
  const record: CaseRecord = {
    id: randomUUID(),
    caseNo: formatCaseNo({ rocYear: 115, stationCode, sequence }),
    verifier: randomBytes(18).toString('base64url'),
    serviceId: 'LVT-SELF-USE',
    channel: 'counter',
    applicant: { kind: 'person', idNumber: 'A123456789', name: '王大明', phone: '0912345678' },
    checklist: [
      { document: '申請書 / application form', state: 'provided' },
      { document: '建物登記謄本 / building register transcript', state: 'missing' },
    ],
    status: 'received',
    receivedOn: '2026-03-02',
    receivedAt: '2026-03-02T09:15:00+08:00',
    dueDate: '2026-03-18',
    stationCode,
    createdBy: 'clerk',
    ...overrides,
  };
  return overrides.dueDate === undefined ? { ...record, dueDate: builtInDueDate(record) } : record;
}

export function createCaseMutation(id: number, record: CaseRecord): { id: number; name: 'createCase'; args: { case: CaseRecord }; createdAt: string } {
  return { id, name: 'createCase', args: { case: record }, createdAt: '2026-03-02T09:15:01+08:00' };
}

export function pushBody(clientId: string, mutations: readonly unknown[]): { protocolVersion: number; clientId: string; mutations: readonly unknown[] } {
  return { protocolVersion: PROTOCOL_VERSION, clientId, mutations };
}
