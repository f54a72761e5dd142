import type { ServingView } from './counterQueueModel';
import { minutesBetween } from './counterQueueModel';
import { useGroupName, useQueueText } from './useQueueText';

/** The ticket being served: number, group, priority mark, minutes waited, and the cases saved with it. */
export function QueueServing({ serving }: { serving: ServingView }) {
  const q = useQueueText();
  const groupName = useGroupName();
  const { ticket } = serving;
  if (!ticket) {
    return (
      <p className="queue-serving" data-testid="queue-serving">
        {q('servingNone')}
      </p>
    );
  }
  return (
    <p className="queue-serving" data-testid="queue-serving" data-number={ticket.number} data-status={serving.called ? 'called' : 'done'}>
      {q('serving')}: <strong className="queue-number">{ticket.number}</strong> · {groupName(ticket.group)}
      {ticket.priority && <span className="badge queue-priority"> {q(`priority.${ticket.priority}`)}</span>}
      {' · '}
      {q('waited', { minutes: minutesBetween(ticket.issuedAt, ticket.calledAt ?? ticket.issuedAt) })}
      {ticket.recalls > 0 && ` · ${q('recalled', { count: ticket.recalls })}`}
      {serving.cases.length > 0 && ` · ${q('casesSaved', { caseNos: serving.cases.map((c) => c.caseNo).join('、') })}`}
    </p>
  );
}
