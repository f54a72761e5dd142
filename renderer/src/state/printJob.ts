import { defineStore } from './defineStore';
import type { LocalCase } from '../db/records';

/**
 * The document currently in the print area: an 80 mm receipt (收執聯), an A4 deficiency notice
 * (退補件一次告知單) or an A4 decision notice (處分書). It stays there after printing, for a reprint or a PDF.
 */
export type PrintKind = 'receipt' | 'notice' | 'decision';

interface PrintJobState {
  job?: { template: PrintKind; case: LocalCase; requestedAt: number };
  printReceipt: (c: LocalCase) => void;
  printNotice: (c: LocalCase) => void;
  printDecision: (c: LocalCase) => void;
}

export const usePrintJob = defineStore<PrintJobState>((set) => ({
  printReceipt: (c) => set({ job: { template: 'receipt', case: c, requestedAt: Date.now() } }),
  printNotice: (c) => set({ job: { template: 'notice', case: c, requestedAt: Date.now() } }),
  printDecision: (c) => set({ job: { template: 'decision', case: c, requestedAt: Date.now() } }),
}));
