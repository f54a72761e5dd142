import { describe, expect, it } from 'vitest';
import { ensurePersistentStorage, STORAGE_PERSIST_KEY, useStoragePersistence, type PersistApi } from './storagePersistence';

function memory(initial: Record<string, string> = {}) {
  const values = new Map(Object.entries(initial));
  return { getItem: (key: string) => values.get(key) ?? null, setItem: (key: string, value: string) => void values.set(key, value), values };
}

function engine(answer: boolean, persisted = false) {
  let asked = 0;
  const api: PersistApi = {
    persist: async () => {
      asked += 1;
      return answer;
    },
    persisted: async () => persisted,
  };
  return { api, asked: () => asked };
}

describe('persistent storage', () => {
  it('asks once at the first start and remembers a refusal, which the device screen then shows', async () => {
    const store = memory();
    const refusing = engine(false);
    expect(await ensurePersistentStorage(refusing.api, store)).toBe('denied');
    expect(store.values.get(STORAGE_PERSIST_KEY)).toBe('denied');
    expect(useStoragePersistence.getState().state).toBe('denied');
    expect(await ensurePersistentStorage(refusing.api, store)).toBe('denied');
    expect(refusing.asked()).toBe(1);
  });

  it('reports granted when the engine says so, and unsupported where there is no API', async () => {
    const store = memory({ [STORAGE_PERSIST_KEY]: 'denied' });
    expect(await ensurePersistentStorage(engine(false, true).api, store)).toBe('granted');
    expect(await ensurePersistentStorage(undefined, memory())).toBe('unsupported');
    // A remembered value that does not parse is asked again.
    const odd = engine(true);
    expect(await ensurePersistentStorage(odd.api, memory({ [STORAGE_PERSIST_KEY]: 'maybe' }))).toBe('granted');
    expect(odd.asked()).toBe(1);
  });
});
