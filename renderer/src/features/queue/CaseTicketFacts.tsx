import type { CaseRecord } from '../../../../shared/schemas/case';
import { durationWords, ticketTimes } from './ticketTimes';
import { useQueueText } from './useQueueText';

/** The queue ticket a case was taken in from, in a case's facts: its number, the wait and the service time, in words. */
export function CaseTicketFacts({ record }: { record: Pick<CaseRecord, 'ticket' | 'receivedAt'> }) {
  const q = useQueueText();
  const { ticket } = record;
  if (!ticket) return null;
  const times = ticketTimes(ticket, record.receivedAt);
  const say = (minutes: number) => {
    const words = durationWords(minutes);
    return q(words.key, words.params);
  };
  return (
    <>
      <dt>{q('caseTicket')}</dt>
      <dd data-testid="detail-ticket" data-number={ticket.number} data-wait={times.wait} data-service={times.service}>
        <span className="mono">{ticket.number}</span> · {q('ticketWait', { duration: say(times.wait) })} · {q('ticketService', { duration: say(times.service) })}
      </dd>
    </>
  );
}
