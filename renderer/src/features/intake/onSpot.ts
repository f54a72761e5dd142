import { isSameDay, type Service } from '../../../../shared/domain/catalogue';
import { applicantPresent } from '../../../../shared/domain/intakeChannel';
import type { Channel, ChecklistItem } from '../../../../shared/schemas/case';
import type { MessageKey } from '../../lib/i18n';

/**
 * Same-day services done at once (隨到隨辦): the counter's and the lane's "Done" saves the case closed
 * and handed over. Only where the applicant is there to be handed the result: not for a call on the
 * 0800 line, nor a case the bureau opens itself.
 */
export function closesOnSpot(service: Service | undefined, channel: Channel): service is Service {
  return service !== undefined && isSameDay(service) && applicantPresent(channel);
}

/** Why "Done" cannot close this case now, in the texts' words; undefined when it can. */
export function onSpotRefusal(checklist: readonly Pick<ChecklistItem, 'state'>[]): MessageKey | undefined {
  // A missing document opens the §51 pause: the case waits for it instead (the desk rule agrees).
  return checklist.some((item) => item.state === 'missing') ? 'spot.documentsMissing' : undefined;
}

