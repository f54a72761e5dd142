import type { Bilingual } from '../../../../shared/domain/bilingual';
import { queueGroupOf } from '../../../../shared/domain/queueGroups';
import { instantText } from '../../features/admin/instantText';
import { translateBoth } from '../../lib/i18n';
import type { PrintableTicket } from './issueKioskTicket';

/**
 * What the paper ticket says, in both languages (the next citizen may read the other one): the
 * number, the group, why it is served first, how many are ahead, the time and the phone page's QR.
 * A ticket printed offline says so instead of a count the kiosk cannot know.
 */
export interface TicketLayout {
  bureau: Bilingual;
  title: Bilingual;
  number: string;
  group: Bilingual;
  priority: Bilingual | null;
  ahead: Bilingual | null;
  offline: Bilingual | null;
  /** Taipei time as the bureau writes it: '115/12/07 14:05'. */
  issued: string;
  hint: Bilingual;
  followUrl: string;
}

export function ticketLayout(ticket: PrintableTicket): TicketLayout {
  const group = queueGroupOf(ticket.group);
  return {
    bureau: translateBoth('bureau'),
    title: translateBoth('kiosk.ticketTitle'),
    number: ticket.number,
    group: { zh: group.zh, en: group.en },
    priority: ticket.priority ? translateBoth(`kiosk.priority.${ticket.priority}`) : null,
    ahead: ticket.ahead === null ? null : translateBoth('kiosk.ahead', { count: ticket.ahead }),
    offline: ticket.offline ? translateBoth('kiosk.issuedOffline') : null,
    issued: instantText(ticket.issuedAt),
    hint: translateBoth('kiosk.scanHint'),
    followUrl: ticket.followUrl,
  };
}
