/**
 * The §51 pauses (行政程序法) after a status change on `today`: entering awaiting-documents opens a
 * pause; leaving it closes the open pause on that day. One rule for the device and the server.
 */
import type { CaseStatus, ClockPauseRecord } from '../schemas/case';

export function pausesAfter(pauses: readonly ClockPauseRecord[], from: CaseStatus, to: CaseStatus, today: string): ClockPauseRecord[] {
  if (from === 'awaiting-documents' && to !== 'awaiting-documents') {
    return pauses.map((pause) => (pause.to === undefined ? { from: pause.from, to: today < pause.from ? pause.from : today } : pause));
  }
  if (to === 'awaiting-documents' && !pauses.some((pause) => pause.to === undefined)) {
    return [...pauses, { from: today }];
  }
  return [...pauses];
}
