import { create, type StateCreator, type StoreApi, type UseBoundStore } from 'zustand';

/**
 * The one way the renderer makes a store of shared state: screens subscribe to it with the returned
 * hook, code outside React reads and writes it with `getState`/`setState`. Every store lives in this
 * folder (renderer/src/state/), one file per store named after it; lint keeps zustand itself here.
 */
export function defineStore<T>(initial: StateCreator<T>): UseBoundStore<StoreApi<T>> {
  return create<T>()(initial);
}
