/**
 * The counter at full size: cases and their document records written straight into the page's
 * IndexedDB, plain, as a version before encryption at rest wrote them (the first unlock seals them).
 */
import type { Page } from '@playwright/test';
import { formatCaseNo } from '../../../shared/domain/caseNumber';
import { defaultCatalogue } from '../../../shared/domain/catalogue';
import type { SeededPerson } from './seededPeople';

/** Document records a seeded case has. */
export const DOCS_PER_CASE = 2;

/** The number of seeded case `sequence` (1, 2, …): station BENCH, so it never meets the counter's own. */
export function seededCaseNo(sequence: number): string {
  return formatCaseNo({ rocYear: 114, stationCode: 'BENCH', sequence });
}

interface SeedInput {
  caseNos: string[];
  docsPerCase: number;
  people: SeededPerson[];
  services: { id: string; docs: string[] }[];
}

/** Runs in the page: writes the seed with raw IndexedDB in large transactions. */
async function seedInPage(input: SeedInput): Promise<number> {
  const started = performance.now();
  const statuses = ['received', 'received', 'in-review', 'awaiting-documents', 'pending-approval', 'approved', 'closed'];
  const db = await new Promise<IDBDatabase>((res, rej) => {
    const req = indexedDB.open('counterdesk');
    req.onsuccess = () => res(req.result);
    req.onerror = () => rej(req.error);
  });
  const day0 = Date.UTC(2024, 0, 2);
  const total = input.caseNos.length;
  const CHUNK = 5000;
  for (let start = 0; start < total; start += CHUNK) {
    const tx = db.transaction(['cases', 'documents'], 'readwrite');
    const cases = tx.objectStore('cases');
    const docs = tx.objectStore('documents');
    for (let i = start; i < Math.min(total, start + CHUNK); i += 1) {
      const sequence = i + 1;
      const at = new Date(day0 + Math.floor((i / total) * 900 * 86_400_000));
      const receivedOn = new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
      const service = input.services[i % input.services.length] ?? { id: 'GEN-ADDRESS', docs: [] };
      const person = input.people[i % input.people.length];
      const id = `0190f0e0-0000-7000-8000-${String(sequence).padStart(12, '0')}`;
      const status = statuses[i % statuses.length] ?? 'received';
      cases.put({
        id,
        caseNo: input.caseNos[i],
        verifier: 'benchbenchbenchbench',
        serviceId: service.id,
        channel: 'counter',
        applicant: { kind: 'person', idNumber: person?.idNumber, name: person?.name, phone: person?.phone, address: { zip: '200', district: '仁愛區', line: `愛${(i % 9) + 1}路${i % 300}號` } },
        checklist: service.docs.map((document, k) => ({ document, state: status === 'awaiting-documents' && k === 0 ? 'missing' : 'provided', source: 'service' })),
        status,
        receivedOn,
        receivedAt: at.toISOString(),
        dueDate: new Date(at.getTime() + 20 * 86_400_000).toISOString().slice(0, 10),
        stationCode: 'BENCH',
        createdBy: 'clerk',
        clockPauses: status === 'awaiting-documents' ? [{ from: receivedOn }] : [],
        syncState: 'synced',
      });
      for (let d = 0; d < input.docsPerCase; d += 1) {
        docs.put({ id: `${id}-${d}`, caseId: id, kind: service.docs[d] ?? 'scan', mime: 'application/pdf', size: 120_000 + d, sha256: (sequence * 2 + d).toString(16).padStart(64, '0'), capturedAt: at.toISOString() });
      }
    }
    await new Promise<void>((res, rej) => {
      tx.oncomplete = () => res();
      tx.onerror = () => rej(tx.error);
    });
  }
  db.close();
  return performance.now() - started;
}

/** Seeds `cases` cases of `people` into the page's database (its schema made by the app, which must have opened it). */
export async function seedCases(page: Page, cases: number, people: SeededPerson[]): Promise<void> {
  const seedMs = await page.evaluate(seedInPage, {
    caseNos: Array.from({ length: cases }, (_, i) => seededCaseNo(i + 1)),
    docsPerCase: DOCS_PER_CASE,
    people,
    services: defaultCatalogue.services.map((s) => ({ id: s.id, docs: s.documents.map((d) => `${d.zh} / ${d.en}`) })),
  });
  console.log(`  seeded ${cases} cases and ${cases * DOCS_PER_CASE} document records in ${Math.round(seedMs)} ms`);
}
