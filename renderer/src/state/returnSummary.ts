import { defineStore } from './defineStore';

/**
 * "Back online: what was sent": the summary shown once after offline work, until the worker dismisses
 * it. features/visits/returnSummary.ts fills it from the sync status and the outcomes sent.
 */
export interface ReturnSummary {
  cases: number;
  documents: number;
  bytes: number;
  outcomes: number;
  /** Outcomes still waiting for their case to sync, or refused. */
  waiting: number;
  at: string;
}

interface ReturnSummaryState {
  summary?: ReturnSummary;
  dismiss: () => void;
}

export const useReturnSummary = defineStore<ReturnSummaryState>((set) => ({
  dismiss: () => set({ summary: undefined }),
}));
