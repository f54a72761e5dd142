import { useCallback, useEffect, useMemo, useRef } from 'react';
import { servicesOfGroup } from '../../../../shared/domain/queueGroups';
import { clearDraft } from '../../db/draftStore';
import type { LocalCase } from '../../db/records';
import { getCatalogue } from '../../lib/referenceData';
import { useCounterQueue } from '../../state/counterQueue';
import { useSession } from '../../state/sessionState';
import type { ApiOptions } from '../../sync/api';
import { IntakeForm } from '../intake/IntakeForm';
import { draftKey } from '../intake/intakeDraft';
import { caseTicketOf } from './counterQueueModel';
import { QueuePanel } from './QueuePanel';
import { useQueueText } from './useQueueText';
import { noteCaseSaved } from './useQueuePanel';

interface Props {
  api: ApiOptions;
  onSaved: (record: LocalCase) => void;
  /** Bumped to put the cursor back in the intake form (Alt+N). */
  focusSignal: number;
}

/** Each ticket's intake keeps its own draft, apart from the counter's draft without a ticket. */
const ticketDraftKey = (username: string, ticketId: string) => `${draftKey(username)}:ticket:${ticketId}`;

/**
 * The counter's intake under its queue panel. A called ticket opens a new intake of its own: its
 * group's services only, the ticket named above the form and kept by every case saved with it. The
 * counter's intake without a ticket (and its draft) comes back once the ticket is let go of; the
 * let-go ticket's draft is removed.
 */
export function CounterIntake({ api, onSaved, focusSignal }: Props) {
  const q = useQueueText();
  const username = useSession((s) => s.session?.user.username ?? '');
  const attached = useCounterQueue((s) => s.attached);
  const ticket = caseTicketOf(attached);
  const group = attached?.group;
  const services = useMemo(() => (group ? servicesOfGroup(getCatalogue(), group) : []), [group]);
  useReleasedDraftCleared(username, attached?.id);

  // Whether the ticket's intake holds something typed and not saved, as the form last said.
  const entered = useRef(false);
  const onEntered = useCallback((now: boolean) => {
    entered.current = now;
  }, []);
  const unsavedTicket = () => Promise.resolve(attached && entered.current ? attached.number : undefined);

  function saved(record: LocalCase) {
    if (attached) noteCaseSaved(attached.id, { id: record.id, caseNo: record.caseNo });
    onSaved(record);
  }

  // One screen, the intake's (the panel is part of it): `intake` names it as the intake form's own root does.
  return (
    <div className="intake counter-intake">
      <QueuePanel api={api} unsavedTicket={unsavedTicket} />
      {attached && ticket ? (
        <IntakeForm
          key={attached.id}
          onSaved={saved}
          onEntered={onEntered}
          focusSignal={focusSignal + 1}
          channel="counter"
          draftScope={`ticket:${attached.id}`}
          ticket={ticket}
          {...(services.length > 0 ? { services } : {})}
          title={q('intakeTitle', { number: ticket.number })}
        />
      ) : (
        <IntakeForm key="counter" onSaved={onSaved} focusSignal={focusSignal} />
      )}
    </div>
  );
}

/**
 * The draft of a ticket the counter let go of is removed: no case will be saved from it. A moment
 * later, because the form it left writes its draft once more as it closes (useIntakeDraft).
 */
function useReleasedDraftCleared(username: string, ticketId: string | undefined): void {
  const previous = useRef(ticketId);
  useEffect(() => {
    const left = previous.current;
    previous.current = ticketId;
    if (!left || left === ticketId) return;
    setTimeout(() => void clearDraft(ticketDraftKey(username, left)), RELEASED_DRAFT_DELAY_MS);
  }, [username, ticketId]);
}

const RELEASED_DRAFT_DELAY_MS = 1_000;
