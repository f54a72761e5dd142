/**
 * Runs in the page: the baseline of a save, a raw IndexedDB put of a copy of the case the counter
 * saved as number `sequence`; returns its ms and deletes the copy.
 */
export async function rawPutInPage(sequence: number): Promise<number> {
  const db = await new Promise<IDBDatabase>((res, rej) => {
    const req = indexedDB.open('counterdesk');
    req.onsuccess = () => res(req.result);
    req.onerror = () => rej(req.error);
  });
  const record = await new Promise<Record<string, unknown>>((res) => {
    const req = db.transaction('cases').objectStore('cases').index('caseNo').openCursor(IDBKeyRange.lowerBound('1'), 'prev');
    let found: Record<string, unknown> | undefined;
    req.onsuccess = () => {
      const cursor = req.result;
      if (!cursor || found) return res(found ?? {});
      const value = cursor.value as Record<string, unknown>;
      // The case number names the station; the rest of the record is sealed (encrypted at rest).
      if (String(value.caseNo).includes(`-KL01-${String(sequence).padStart(6, '0')}-`)) {
        found = value;
        res(value);
      } else cursor.continue();
    };
  });
  const copy = { ...record, id: `raw-${sequence}-${Math.random()}`, caseNo: `RAW-${sequence}-${Math.random()}` };
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
