import type { Collection } from 'dexie';
import { FIRST_PAGE, inMemory, parseRows, queryCases, type CaseResults, type CountOptions } from './caseQuery';
import { getDb, type CounterDeskDb } from './database';
import { deskQueueOf, type DeskStatus } from './deskIndex';

/**
 * The desk's lists over IndexedDB (deskIndex.ts): the cases of one or more desk queues — the officer's
 * own, or the unassigned cases of each unit the officer works in — in order of their due date, so the
 * fewest working days left (and the overdue) come first.
 *
 * - Each queue with its filters is one key range of a `[deskQueue+…+dueDate]` index, ordered by (due
 *   date, case id): a list of one queue (the officer's own) pages straight through its range. A list of
 *   several queues (an officer of three units) merges their ranges in the same order, reading index keys
 *   only — nothing is decrypted to be sorted — no more of each than the page needs; only the rows of a
 *   page are then read and opened.
 * - The count is separate from the first page, as in the case list (caseQuery.ts): the rows paint
 *   first, `count()` follows.
 * - A search text (case number, taxpayer id, phone, name) is answered by the case search's equality
 *   look-ups and kept to the queues asked for: a handful of rows, filtered in memory.
 */

export interface DeskQuery {
  /** The desk queues listed together (deskIndex.ts `officerQueue`, `unitQueue`). */
  queues: readonly string[];
  status?: DeskStatus;
  serviceId?: string;
  text?: string;
}

/** The fewest index keys read from a queue at a time while merging. */
const MIN_CHUNK = 50;

interface Entry {
  due: string;
  id: string;
}

/** One queue's range with the query's filters, in due-date order. */
function rangeOf(db: CounterDeskDb, queue: string, q: DeskQuery): Collection {
  const { status, serviceId } = q;
  if (status && serviceId) return db.cases.where('[deskQueue+serviceId+status+dueDate]').between([queue, serviceId, status, ''], [queue, serviceId, status, '\uffff']);
  if (status) return db.cases.where('[deskQueue+status+dueDate]').between([queue, status, ''], [queue, status, '\uffff']);
  if (serviceId) return db.cases.where('[deskQueue+serviceId+dueDate]').between([queue, serviceId, ''], [queue, serviceId, '\uffff']);
  return db.cases.where('[deskQueue+dueDate]').between([queue, ''], [queue, '\uffff']);
}

/** A queue's index entries, read a chunk at a time from where the last chunk ended. */
interface Stream {
  entries: Entry[];
  /** How many of `entries` the merge has taken. */
  taken: number;
  done: boolean;
  range: () => Collection;
}

/** Reads up to `size` more keys of a queue: a key cursor walks them, so a chunk costs what it reads. */
async function readChunk(stream: Stream, size: number): Promise<void> {
  const chunk: Entry[] = [];
  await stream
    .range()
    .offset(stream.entries.length)
    .limit(size)
    .eachKey((key, cursor) => {
      const due = Array.isArray(key) ? key[key.length - 1] : undefined;
      chunk.push({ due: typeof due === 'string' ? due : '', id: String(cursor.primaryKey) });
    });
  stream.entries.push(...chunk);
  if (chunk.length < size) stream.done = true;
}

const before = (a: Entry, b: Entry) => a.due < b.due || (a.due === b.due && a.id < b.id);

/**
 * The merged order of several queues' ranges, grown on demand: `idsUpTo(n)` gives the first n case ids
 * (fewer when the queues hold fewer). Calls are serialised, so pages fetched together merge once.
 */
function mergedIds(streams: Stream[]) {
  const ids: string[] = [];
  let chain: Promise<unknown> = Promise.resolve();

  async function grow(n: number): Promise<void> {
    while (ids.length < n) {
      // No queue can give more than what is still missing, so that is all a dry queue is asked for.
      const size = Math.max(n - ids.length, MIN_CHUNK);
      await Promise.all(streams.filter((s) => s.taken === s.entries.length && !s.done).map((s) => readChunk(s, size)));
      let next: Stream | undefined;
      for (const stream of streams) {
        const head = stream.entries[stream.taken];
        const best = next?.entries[next.taken];
        if (head && (!best || before(head, best))) next = stream;
      }
      const entry = next?.entries[next.taken];
      if (!next || !entry) return;
      next.taken += 1;
      ids.push(entry.id);
    }
  }

  return {
    idsUpTo(n: number): Promise<string[]> {
      const result = chain.then(() => grow(n)).then(() => ids.slice(0, n));
      chain = result.catch(() => undefined);
      return result;
    },
    /** Every entry of every queue has been read and merged. */
    complete: () => streams.every((s) => s.done && s.taken === s.entries.length),
    size: () => ids.length,
  };
}

/** Runs a desk query; the rows page lazily through `fetch`. */
export async function queryDesk(q: DeskQuery, db: CounterDeskDb = getDb()): Promise<CaseResults> {
  const text = q.text?.trim() ?? '';
  if (text !== '') {
    const found = await queryCases({ text, sort: 'due-asc', ...(q.status ? { status: q.status } : {}), ...(q.serviceId ? { serviceId: q.serviceId } : {}) }, db);
    const rows = await found.fetch(0, found.total ?? (await found.count()));
    const queues = new Set(q.queues);
    return inMemory(
      rows.filter((row) => queues.has(deskQueueOf(row) ?? '')),
      found.text,
      found.capped,
    );
  }

  const queues = [...new Set(q.queues)];
  const streams: Stream[] = queues.map((queue) => ({ entries: [], taken: 0, done: false, range: () => rangeOf(db, queue, q) }));
  const count = async ({ signal, onProgress }: CountOptions = {}) => {
    let total = 0;
    for (const stream of streams) {
      signal?.throwIfAborted();
      total += await stream.range().count();
      onProgress?.(total);
    }
    return total;
  };
  const [single] = streams;
  if (single && streams.length === 1) {
    // One queue is already in order: a page is one read of its range, values and all.
    const fetch = async (offset: number, limit: number) => parseRows(await single.range().offset(offset).limit(limit).toArray());
    const first = await single.range().limit(FIRST_PAGE).toArray();
    const firstPage = parseRows(first);
    const total = first.length < FIRST_PAGE ? first.length : undefined;
    return { total, count: total === undefined ? count : () => Promise.resolve(total), capped: false, text: { kind: 'none' }, firstPage, fetch };
  }
  const merged = mergedIds(streams);
  const fetch = async (offset: number, limit: number) => {
    const ids = (await merged.idsUpTo(offset + limit)).slice(offset);
    return parseRows(await db.cases.bulkGet(ids));
  };
  const firstPage = await fetch(0, FIRST_PAGE);
  const total = merged.complete() ? merged.size() : undefined;
  return { total, count: total === undefined ? count : () => Promise.resolve(total), capped: false, text: { kind: 'none' }, firstPage, fetch };
}
