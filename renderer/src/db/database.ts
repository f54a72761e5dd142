import Dexie, { type EntityTable } from 'dexie';
import type { LocalCase, MetaRow, OutboxEntry } from './records';
import type { AuditRow, DocumentRow, DraftRow, FeedbackRow } from './counterRecords';
import { deviceDataKey, type DataKeyHolder } from './dataKeyHolder';
import { deskIndexMiddleware } from './deskIndex';
import { encryptionMiddleware } from './encryptionMiddleware';

export interface CounterDeskDbOptions {
  /**
   * Encrypt taxpayer data at rest under the data key this holder holds while the device is unlocked
   * (encryptionMiddleware.ts). The app's database always does; a test database may go without.
   */
  encryption?: DataKeyHolder;
}

/**
 * The device's own store. Schema versions only ever grow: an upgrade must keep every record an older
 * version wrote, because unsynced intake exists nowhere else.
 */
export class CounterDeskDb extends Dexie {
  cases!: EntityTable<LocalCase, 'id'>;
  outbox!: EntityTable<OutboxEntry, 'id'>;
  meta!: EntityTable<MetaRow, 'key'>;
  drafts!: EntityTable<DraftRow, 'key'>;
  audit!: EntityTable<AuditRow, 'id'>;
  feedback!: EntityTable<FeedbackRow, 'id'>;
  documents!: EntityTable<DocumentRow, 'id'>;

  /** Set when this database encrypts at rest: the document store seals document bytes under it too. */
  readonly encryption: DataKeyHolder | undefined;

  constructor(name = 'counterdesk', options: CounterDeskDbOptions = {}) {
    super(name);
    this.encryption = options.encryption;
    if (options.encryption) this.use(encryptionMiddleware(options.encryption));
    this.use(deskIndexMiddleware());
    this.version(1).stores({
      cases: 'id, &caseNo, receivedAt, status, syncState',
      outbox: 'id, state, caseId',
      meta: 'key',
    });
    // Sync: the upload state of each document (resumable, by tus upload URL), kept apart from the
    // document rows so a document's bytes and its upload bookkeeping never overwrite each other.
    this.version(2).stores({
      uploads: 'documentId, state, caseId',
    });
    // The counter: search indexes for the case list (exact look-ups, a name prefix, and compound
    // indexes so that a status or service filter pages in received order without a scan), the
    // autosaved intake drafts, the local audit log, the citizens' ratings and scanned documents.
    this.version(3).stores({
      cases:
        'id, &caseNo, receivedAt, status, syncState, receivedOn, dueDate, serviceId, applicant.idNumber, applicant.phone, applicant.name, [status+receivedAt], [serviceId+receivedAt], [status+serviceId+receivedAt]',
      drafts: 'key',
      audit: '++id, caseId, at',
      feedback: '++id, caseId, at',
      documents: 'id, caseId, sha256',
    });
    // Accounts and audit: each local audit entry gets the id it is pushed under (so a repeated push
    // records nothing twice) and a pushed flag (0/1: IndexedDB cannot index booleans).
    this.version(4)
      .stores({ audit: '++id, caseId, at, &entryId, pushed' })
      .upgrade((tx) =>
        tx
          .table('audit')
          .toCollection()
          .modify((row: { entryId?: string; pushed?: number }) => {
            row.entryId ??= crypto.randomUUID();
            row.pushed ??= 0;
          }),
      );
    // Drive-through and field visits, and data safety on travelling laptops: the cars waiting in the
    // lane, the day's visit plan taken before leaving, and this device's wrapped data keys.
    this.version(5).stores({
      laneCars: 'id, arrivedAt, state',
      visits: 'id, planDate, state',
      keyring: 'id',
    });
    // The outbox in push order among the pending entries only: each push reads just the batch it
    // sends, instead of every pending entry, which would make a large offline backlog quadratic to push.
    this.version(6).stores({
      outbox: 'id, state, caseId, [state+id]',
    });
    // The officer's desk (deskIndex.ts): each desk list and each of its filters (status, service, both)
    // is one key range of the case's desk queue, in due-date order, so 20,000 open cases of a unit page
    // like a short list. A case off the desk has no queue and is in none of them.
    this.version(7).stores({
      cases:
        'id, &caseNo, receivedAt, status, syncState, receivedOn, dueDate, serviceId, applicant.idNumber, applicant.phone, applicant.name, [status+receivedAt], [serviceId+receivedAt], [status+serviceId+receivedAt], [deskQueue+dueDate], [deskQueue+status+dueDate], [deskQueue+serviceId+dueDate], [deskQueue+serviceId+status+dueDate]',
    });
  }
}

let current: CounterDeskDb | undefined;

export function getDb(): CounterDeskDb {
  current ??= new CounterDeskDb('counterdesk', { encryption: deviceDataKey });
  return current;
}
