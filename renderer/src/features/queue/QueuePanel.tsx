import { useState } from 'react';
import { useFunctionKeys } from '../../lib/shortcuts';
import { useCounterQueue, type QueueAction } from '../../state/counterQueue';
import type { ApiOptions } from '../../sync/api';
import { availableActions, servingView, waitingLines, type PanelActionName } from './counterQueueModel';
import { PriorityDialog } from './PriorityDialog';
import { QueuePanelView } from './QueuePanelView';
import { TransferDialog } from './TransferDialog';
import { useQueuePanel, type LeaveGuard } from './useQueuePanel';

/** The panel's keys: F-keys, so that the intake keeps every Alt letter (lib/shortcuts.ts). */
export const QUEUE_KEYS: Readonly<Record<PanelActionName, string>> = { call: 'F2', recall: 'F3', noShow: 'F4', finish: 'F6', transfer: 'F7', priority: 'F8' };

const nameOf: Record<QueueAction, PanelActionName> = { call: 'call', recall: 'recall', 'no-show': 'noShow', finish: 'finish', transfer: 'transfer', priority: 'priority' };

/**
 * The counter's queue, always in view above its intake (compact): the counter's label and groups of
 * the day, who waits in each (priority counted), the ticket being served, and the clerk's actions —
 * each on an F-key. When the queue cannot be reached it says so in both languages and the intake goes
 * on without a ticket.
 */
export function QueuePanel({ api, unsavedTicket }: { api: ApiOptions; unsavedTicket: LeaveGuard['unsavedTicket'] }) {
  const { queue, reach, attached, savedCases, busy } = useCounterQueue();
  const panel = useQueuePanel(api, { unsavedTicket, keyOf: (action) => QUEUE_KEYS[nameOf[action]] });
  const [dialog, setDialog] = useState<'transfer' | 'priority'>();
  const serving = servingView(queue, attached, savedCases);
  const ticket = serving.ticket;
  const available = availableActions(serving, reach, busy === undefined && dialog === undefined);
  const close = () => {
    setDialog(undefined);
    // Focus goes back to the panel's main action.
    document.getElementById('queue-call-next')?.focus();
  };
  const act: Record<PanelActionName, () => void> = {
    call: () => void panel.callNext(),
    recall: () => {
      if (ticket) void panel.recall(ticket);
    },
    noShow: () => {
      if (ticket) void panel.noShow(ticket);
    },
    finish: () => {
      if (ticket) void panel.finish(ticket, serving.called);
    },
    transfer: () => setDialog('transfer'),
    priority: () => setDialog('priority'),
  };
  const handlers = Object.fromEntries(Object.entries(act).map(([name, run]) => [name, available.has(name as PanelActionName) ? run : undefined])) as Record<PanelActionName, (() => void) | undefined>;
  useFunctionKeys(Object.fromEntries(Object.entries(QUEUE_KEYS).map(([name, key]) => [key, handlers[name as PanelActionName]])));

  return (
    <QueuePanelView label={queue?.counter?.label} reach={reach} lines={waitingLines(queue)} serving={serving} keys={QUEUE_KEYS} handlers={handlers} busy={busy} note={panel.note}>
      {dialog === 'transfer' && ticket && (
        <TransferDialog
          ticket={ticket}
          onCancel={close}
          onTransfer={async (to) => {
            // The dialog stays while the server answers, so that a counter it refuses is said beside its field.
            const outcome = await panel.transfer(ticket, to);
            if (outcome === 'station-refused') return false;
            close();
            return true;
          }}
        />
      )}
      {dialog === 'priority' && (
        <PriorityDialog
          groups={queue?.counter?.groups ?? []}
          onCancel={close}
          onIssue={(group, reason) => {
            close();
            void panel.priority(group, reason);
          }}
        />
      )}
    </QueuePanelView>
  );
}
