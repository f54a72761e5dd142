import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { deviceAuditEntrySchema, type DeviceAuditEntry } from '../../../shared/schemas/audit';
import { CounterDeskDb } from './database';
import { pendingAuditEntries, pushAuditEntries, recordAudit, recordAuditEntry } from './auditStore';

describe('local audit push', () => {
  it('pushes pending entries in batches, marks only what the server acknowledged, and never twice', async () => {
    const db = new CounterDeskDb(`audit-${Date.now()}`);
    await recordAuditEntry({ caseId: 'case-1', by: 'clerk', action: 'viewed', purpose: '受理' }, db);
    await recordAudit('case-1', 'clerk', 'printed-receipt', 'receipt 1', db);
    await recordAudit('case-2', 'clerk', 'viewed', undefined, db);

    const pending = await pendingAuditEntries(500, db);
    expect(pending).toHaveLength(3);
    for (const entry of pending) expect(deviceAuditEntrySchema.safeParse(entry).success).toBe(true);
    expect(pending[0]).toMatchObject({ username: 'clerk', action: 'viewed', caseId: 'case-1', purpose: '受理' });

    const sent: DeviceAuditEntry[][] = [];
    // The first answer is lost for one entry: it stays pending and goes again.
    const lost = pending[2]?.id;
    const first = await pushAuditEntries(async (entries) => {
      sent.push(entries);
      return entries.map((entry) => entry.id).filter((id) => sent.length > 1 || id !== lost);
    }, db);
    expect(first).toBe(3);
    expect(sent.map((batch) => batch.length)).toEqual([3, 1]);
    expect(await pendingAuditEntries(500, db)).toEqual([]);
    expect(await pushAuditEntries(async () => { throw new Error('must not be called'); }, db)).toBe(0);
  });

  it('stops when the server acknowledges nothing, keeping the entries', async () => {
    const db = new CounterDeskDb(`audit-none-${Date.now()}`);
    await recordAudit('case-1', 'clerk', 'viewed', undefined, db);
    expect(await pushAuditEntries(async () => [], db)).toBe(0);
    expect(await pendingAuditEntries(500, db)).toHaveLength(1);
  });
});
