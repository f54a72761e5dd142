import { defineStore } from './defineStore';
import type { LocalCase } from '../db/records';

/**
 * The document currently in the print area: an 80 mm receipt (收執聯), an A4 deficiency notice
 * (退補件一次告知單), an A4 decision notice (處分書), or the 80 mm result slip of a same-day case done on
 * the spot (辦結單). It stays there after printing, for a reprint or a PDF.
 */
export type PrintKind = 'receipt' | 'notice' | 'decision' | 'result';

interface PrintJobState {
  job?: { template: PrintKind; case: LocalCase; requestedAt: number };
  printReceipt: (c: LocalCase) => void;
  printNotice: (c: LocalCase) => void;
  printDecision: (c: LocalCase) => void;
  printResult: (c: LocalCase) => void;
}

export const usePrintJob = defineStore<PrintJobState>((set) => ({
  printReceipt: (c) => set({ job: { template: 'receipt', case: c, requestedAt: Date.now() } }),
  printNotice: (c) => set({ job: { template: 'notice', case: c, requestedAt: Date.now() } }),
  printDecision: (c) => set({ job: { template: 'decision', case: c, requestedAt: Date.now() } }),
  printResult: (c) => set({ job: { template: 'result', case: c, requestedAt: Date.now() } }),
}));
