/**
 * The desk bench's data: one unit's open cases (PROPERTY, the demo officer's unit among others),
 * written with raw IndexedDB in the page before the officer first signs in, as a version before
 * encryption would have left them; the first unlock seals them (sealExisting), writing each through the
 * desk's index middleware. Statuses and holders as on a busy section: most new cases wait unassigned,
 * a tenth of those in review or awaiting approval are the signed-in officer's, the rest other officers'.
 */
import type { Page } from '@playwright/test';
import { defaultCatalogue, documentLabel, handlingUnitOf } from '../../../shared/domain/catalogue';
import { taipeiDate } from '../../../shared/domain/rocDate';

interface DeskSeedInput {
  open: number;
  closed: number;
  /** Today in Asia/Taipei (YYYY-MM-DD). */
  today: string;
  services: { id: string; docs: string[] }[];
  ids: string[];
}

interface DeskSeedCounts {
  ms: number;
  unassigned: number;
  mine: number;
}

/** Runs in the page: writes the seed in large transactions; returns how many cases each list holds. */
async function seedDeskInPage(input: DeskSeedInput): Promise<DeskSeedCounts> {
  const started = performance.now();
  const statuses = ['received', 'received', 'received', 'received', 'in-review', 'in-review', 'in-review', 'awaiting-documents', 'pending-approval', 'pending-approval'];
  const day = (offset: number) => new Date(Date.parse(`${input.today}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('counterdesk');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  let unassigned = 0;
  let mine = 0;
  const total = input.open + input.closed;
  const CHUNK = 5000;
  for (let start = 0; start < total; start += CHUNK) {
    const tx = db.transaction('cases', 'readwrite');
    const cases = tx.objectStore('cases');
    for (let i = start; i < Math.min(total, start + CHUNK); i += 1) {
      const sequence = i + 1;
      const closed = i >= input.open;
      const status = closed ? 'closed' : (statuses[i % statuses.length] ?? 'received');
      const held = status === 'in-review' || status === 'pending-approval' || (status === 'awaiting-documents' && i % 2 === 0) || closed;
      const assignee = held ? (Math.floor(i / 10) % 10 === 0 ? 'officer' : `officer${(i % 7) + 2}`) : undefined;
      if (!closed && assignee === undefined) unassigned += 1;
      if (!closed && assignee === 'officer') mine += 1;
      const service = input.services[i % input.services.length] ?? { id: 'HT-REGISTER', docs: [] };
      const receivedOn = day(-(i % 60));
      const at = `${receivedOn}T01:30:00.000Z`;
      cases.put({
        id: `0190f0e0-0000-7000-9000-${String(sequence).padStart(12, '0')}`,
        caseNo: `115-DK01-${String(sequence).padStart(6, '0')}-X`,
        verifier: 'benchbenchbenchbench',
        serviceId: service.id,
        channel: 'counter',
        applicant: { kind: 'person', idNumber: input.ids[i % input.ids.length], name: `王${String.fromCodePoint(0x4e00 + (i % 5000))}明`, phone: '0912345678' },
        checklist: service.docs.map((document, k) => ({ document, state: status === 'awaiting-documents' && k === 0 ? 'missing' : 'provided', source: 'service' })),
        status,
        receivedOn,
        receivedAt: at,
        dueDate: day(-(i % 60) + 10 + (i % 21)),
        stationCode: 'DK01',
        createdBy: 'clerk',
        clockPauses: status === 'awaiting-documents' ? [{ from: receivedOn }] : [],
        desk: {
          unit: 'PROPERTY',
          ...(assignee ? { assignee } : {}),
          ...(status === 'pending-approval' ? { proposal: { outcome: 'approve', reasons: '擬准', by: assignee, at } } : {}),
          ...(closed ? { closedOn: receivedOn } : {}),
          notes: [],
        },
        ...(closed ? {} : { deskQueue: assignee ? `officer:${assignee}` : 'unit:PROPERTY' }),
        syncState: 'synced',
      });
    }
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
  }
  db.close();
  return { ms: performance.now() - started, unassigned, mine };
}

/**
 * Seeds `open` open cases of PROPERTY's services that take days, and `closed` closed ones, into the
 * page's database (its schema made by the app, which must have opened it); returns what was seeded, in words.
 */
export async function seedDesk(page: Page, open: number, closed: number): Promise<string> {
  const services = defaultCatalogue.services.filter((s) => handlingUnitOf(s) === 'PROPERTY' && s.limit.basis !== 'immediate').map((s) => ({ id: s.id, docs: s.documents.map(documentLabel) }));
  const seeded = await page.evaluate(seedDeskInPage, { open, closed, today: taipeiDate(new Date()), services, ids: ['A123456789', 'F131104093', 'O158238845', 'Y123456788'] });
  const counts = `${open} open cases of PROPERTY (${seeded.unassigned} unassigned, ${seeded.mine} the officer's, the rest other officers') and ${closed} closed`;
  console.log(`  seeded ${counts} in ${Math.round(seeded.ms)} ms`);
  return counts;
}
