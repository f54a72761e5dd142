/**
 * Runs in the page: the baseline of a desk filter change, raw IndexedDB reads of the first 50 rows of
 * each desk queue for a status ('' for all), from the same indexes the desk reads; in ms.
 */
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
