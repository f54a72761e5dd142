/**
 * Runs in the page: the baseline of a step that stores a case, a raw IndexedDB put of a copy of the case
 * numbered `caseNo` as it is stored (sealed: encrypted at rest); returns its ms and deletes the copy.
 */
export async function rawPutInPage(caseNo: string): Promise<number> {
  const db = await new Promise<IDBDatabase>((res, rej) => {
    const req = indexedDB.open('counterdesk');
    req.onsuccess = () => res(req.result);
    req.onerror = () => rej(req.error);
  });
  // The case number is kept in the clear (an index); the rest of the record is sealed.
  const record = await new Promise<Record<string, unknown>>((res, rej) => {
    const req = db.transaction('cases').objectStore('cases').index('caseNo').get(caseNo);
    req.onsuccess = () => res(req.result as Record<string, unknown>);
    req.onerror = () => rej(req.error);
  });
  const copy = { ...record, id: `raw-${Math.random()}`, caseNo: `RAW-${Math.random()}` };
  const t0 = performance.now();
  const tx = db.transaction('cases', 'readwrite');
  tx.objectStore('cases').put(copy);
  await new Promise<void>((res) => {
    tx.oncomplete = () => res();
  });
  const elapsed = performance.now() - t0;
  const cleanup = db.transaction('cases', 'readwrite');
  cleanup.objectStore('cases').delete(copy.id);
  await new Promise<void>((res) => {
    cleanup.oncomplete = () => res();
  });
  db.close();
  return elapsed;
}
