import type { QueueGroupCode } from '../../../../shared/domain/queueGroups';

export type TransferTarget = { group: QueueGroupCode } | { stationCode: string };

/** A station code as the administrator gives them (2–6 capital letters or digits, decision 0016). */
const stationCodePattern = /^[A-Z0-9]{2,6}$/;

/** Where the transfer dialog sends the ticket; undefined when the station typed cannot be one. */
export function transferTarget(kind: 'group' | 'counter', group: QueueGroupCode, stationText: string): TransferTarget | undefined {
  if (kind === 'group') return { group };
  const stationCode = stationText.trim().toUpperCase();
  return stationCodePattern.test(stationCode) ? { stationCode } : undefined;
}
