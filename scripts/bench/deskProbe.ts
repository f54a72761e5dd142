import type { Page } from '@playwright/test';

/**
 * What the desk bench waits for after an input, evaluated in the page (the app's CSP forbids eval, so
 * the condition is data): both desk lists answered a newer query and painted rows (or said none), or the
 * desk steps' status line reads a given text.
 */
export type DeskDone = { kind: 'lists'; after: readonly number[] } | { kind: 'step'; text: string };

const LISTS = ['desk-mine', 'desk-unassigned'] as const;

/** The query sequence numbers the two lists show now (a new answer raises them). */
export async function listSeqs(page: Page): Promise<number[]> {
  return page.evaluate((ids) => ids.map((id) => Number(document.querySelector<HTMLElement>(`[data-testid=${id}] [data-search-seq]`)?.dataset.searchSeq ?? 0)), LISTS);
}

/**
 * Installs a one-shot probe: from the next `eventType` event to the frame after `done` holds, in ms
 * (read with readProbe). The frame after the DOM changed is the one that paints it.
 */
export async function armProbe(page: Page, eventType: 'input' | 'keydown', done: DeskDone): Promise<void> {
  await page.evaluate(
    ([type, until, ids]) => {
      const holds = (): boolean => {
        if (until.kind === 'step') return document.querySelector('[data-testid=desk-step-status]')?.textContent === until.text;
        return ids.every((id, i) => {
          const list = document.querySelector(`[data-testid=${id}]`);
          const status = list?.querySelector<HTMLElement>('[data-search-seq]');
          return Number(status?.dataset.searchSeq) > (until.after[i] ?? 0) && (status?.dataset.count === '0' || list?.querySelector('tbody tr[data-case-no]') !== null);
        });
      };
      (window as unknown as { __deskProbe?: Promise<number> }).__deskProbe = new Promise<number>((resolve) => {
        const onEvent = (event: Event) => {
          window.removeEventListener(type, onEvent, true);
          const t0 = event.timeStamp;
          const poll = () => {
            if (!holds()) {
              setTimeout(poll, 0);
              return;
            }
            requestAnimationFrame(() => {
              const channel = new MessageChannel();
              channel.port1.onmessage = () => resolve(performance.now() - t0);
              channel.port2.postMessage(null);
            });
          };
          poll();
        };
        window.addEventListener(type, onEvent, true);
      });
    },
    [eventType, done, LISTS] as const,
  );
}

export async function readProbe(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __deskProbe?: Promise<number> }).__deskProbe ?? Promise.resolve(Number.NaN));
}

/** Runs in the page: raw IndexedDB reads of the first 50 rows of each list for a status filter ('' for all), in ms. */
export async function rawListReadInPage([status, queues]: readonly [string, readonly string[]]): Promise<number> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('counterdesk');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const t0 = performance.now();
  const index = db.transaction('cases').objectStore('cases').index(status ? '[deskQueue+status+dueDate]' : '[deskQueue+dueDate]');
  await Promise.all(
    queues.map(
      (queue) =>
        new Promise<void>((resolve, reject) => {
          const range = status ? IDBKeyRange.bound([queue, status, ''], [queue, status, '\uffff']) : IDBKeyRange.bound([queue, ''], [queue, '\uffff']);
          const request = index.getAll(range, 50);
          request.onsuccess = () => resolve();
          request.onerror = () => reject(request.error);
        }),
    ),
  );
  const elapsed = performance.now() - t0;
  db.close();
  return elapsed;
}

/** Runs in the page: a raw IndexedDB put of a copy of the case `caseNo` as stored (sealed), in ms. */
export async function rawPutInPage(caseNo: string): Promise<number> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('counterdesk');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const record = await new Promise<Record<string, unknown>>((resolve, reject) => {
    const request = db.transaction('cases').objectStore('cases').index('caseNo').get(caseNo);
    request.onsuccess = () => resolve(request.result as Record<string, unknown>);
    request.onerror = () => reject(request.error);
  });
  const copy = { ...record, id: `raw-${Math.random()}`, caseNo: `RAW-${Math.random()}` };
  const t0 = performance.now();
  const tx = db.transaction('cases', 'readwrite');
  tx.objectStore('cases').put(copy);
  await new Promise<void>((resolve) => {
    tx.oncomplete = () => resolve();
  });
  const elapsed = performance.now() - t0;
  const cleanup = db.transaction('cases', 'readwrite');
  cleanup.objectStore('cases').delete(copy.id);
  await new Promise<void>((resolve) => {
    cleanup.oncomplete = () => resolve();
  });
  db.close();
  return elapsed;
}
