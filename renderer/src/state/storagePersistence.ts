/**
 * Persistent storage (docs/decisions/0034): without it the browser engine may evict IndexedDB under disk
 * pressure, and with it the only copy of work not yet synced. Asked once, at the first start; the answer
 * is remembered so IT can see a refusal on the device screen (Printers → This device) and fix the
 * profile, instead of the app asking at every start.
 */
import { z } from 'zod';
import { defineStore } from './defineStore';

export const persistStateSchema = z.enum(['granted', 'denied', 'unsupported']);
export type PersistState = z.infer<typeof persistStateSchema>;

export const STORAGE_PERSIST_KEY = 'counterdesk.storagePersist';

export interface PersistApi {
  persist?: () => Promise<boolean>;
  persisted?: () => Promise<boolean>;
}

export interface PersistMemory {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export const useStoragePersistence = defineStore<{ state?: PersistState }>(() => ({}));

/** The remembered answer, or the engine's when none is remembered (then asked once and remembered). */
export async function ensurePersistentStorage(storage: PersistApi | undefined, memory: PersistMemory): Promise<PersistState> {
  const remembered = persistStateSchema.safeParse(memory.getItem(STORAGE_PERSIST_KEY));
  let state: PersistState;
  if (!storage?.persist) state = 'unsupported';
  else if (await storage.persisted?.()) state = 'granted';
  else if (remembered.success) state = remembered.data === 'granted' ? 'denied' : remembered.data;
  else state = (await storage.persist()) ? 'granted' : 'denied';
  memory.setItem(STORAGE_PERSIST_KEY, state);
  useStoragePersistence.setState({ state });
  return state;
}
