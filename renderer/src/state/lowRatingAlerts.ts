import { defineStore } from './defineStore';

/**
 * How many of today's low ratings nobody has acknowledged yet, for the number on the supervisor's
 * ratings tab (docs/decisions/0037-ratings-reach-the-bureau.md). Written by the count the workspace
 * polls and by the ratings screen whenever it reads or changes the list; undefined until known.
 */
interface LowRatingAlertsState {
  unacknowledged: number | undefined;
  setUnacknowledged: (count: number | undefined) => void;
}

export const useLowRatingAlerts = defineStore<LowRatingAlertsState>((set) => ({
  unacknowledged: undefined,
  setUnacknowledged: (unacknowledged) => set({ unacknowledged }),
}));
