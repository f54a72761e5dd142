/**
 * Who may take a case in through which channel, and what each channel must carry. The device offers
 * only what is allowed; the server checks again when the case arrives (server/src/sync/createCase.ts).
 *
 * - 主動服務 (bureau): the bureau opens a case itself, without the applicant at a counter (disaster
 *   relief, low-income or disability exemption renewals) — its officers and supervisors, never a
 *   counter clerk taking an applicant in.
 * - 里長轉介 (referral): the village chief who referred the applicant is named.
 */
import type { Bilingual } from './bilingual';
import type { Role } from '../schemas/auth';
import type { CaseRecord, Channel } from '../schemas/case';

export const BUREAU_CASE_ROLES: readonly Role[] = ['officer', 'supervisor'];

export function opensBureauCases(roles: readonly Role[]): boolean {
  return roles.some((role) => BUREAU_CASE_ROLES.includes(role));
}

/**
 * Whether the applicant is there in person (counter, lane, home visit, brought by the village chief):
 * to sign, take a receipt or a result, and read the customer display. Not on a phone call, nor for a
 * case the bureau opened itself.
 */
export function applicantPresent(channel: Channel): boolean {
  return channel !== 'phone' && channel !== 'bureau';
}

export type ChannelRefusal = { code: 'channel_not_allowed' | 'invalid_value'; message: Bilingual };

/** Why this person may not take this new case in through its channel; undefined when they may. */
export function channelRefusal(record: Pick<CaseRecord, 'channel' | 'referrer'>, roles: readonly Role[]): ChannelRefusal | undefined {
  if (record.channel === 'bureau' && !opensBureauCases(roles)) {
    return { code: 'channel_not_allowed', message: { zh: '只有承辦人或主管可以主動立案', en: 'Only officers and supervisors open cases on the bureau’s own initiative.' } };
  }
  if (record.channel === 'referral' && !record.referrer) {
    return { code: 'invalid_value', message: { zh: '里長轉介須填寫轉介人', en: 'A referral names who referred the applicant.' } };
  }
  return undefined;
}
