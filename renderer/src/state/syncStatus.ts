import { initialSyncStatus, type SyncStatus } from '../sync/syncStatus';
import { defineStore } from './defineStore';

/** The app's sync status, written by its one sync engine (app/Workspace.tsx) and read by the screens. */
export const useSyncStatus = defineStore<SyncStatus>(() => ({ ...initialSyncStatus }));
