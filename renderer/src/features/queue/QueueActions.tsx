import type { QueueAction } from '../../state/counterQueue';
import type { PanelActionName } from './counterQueueModel';
import { useQueueText, type QueueMessageKey } from './useQueueText';

type PanelKeys = Readonly<Record<PanelActionName, string>>;
type Handlers = Readonly<Record<PanelActionName, (() => void) | undefined>>;

const labels: Record<PanelActionName, QueueMessageKey> = {
  call: 'callNext',
  recall: 'recall',
  noShow: 'noShow',
  finish: 'finish',
  transfer: 'transfer',
  priority: 'priorityNow',
};

const actionOf: Record<PanelActionName, QueueAction> = { call: 'call', recall: 'recall', noShow: 'no-show', finish: 'finish', transfer: 'transfer', priority: 'priority' };

/** The clerk's actions, each with its key; one without a handler is not possible now and is disabled. */
export function QueueActions({ keys, handlers, busy }: { keys: PanelKeys; handlers: Handlers; busy: QueueAction | undefined }) {
  const q = useQueueText();
  return (
    <div className="queue-actions">
      {(Object.keys(labels) as PanelActionName[]).map((action) => (
        <button
          key={action}
          id={action === 'call' ? 'queue-call-next' : undefined}
          type="button"
          className={action === 'call' ? 'queue-call' : undefined}
          disabled={!handlers[action]}
          aria-keyshortcuts={keys[action]}
          aria-busy={busy === actionOf[action] || undefined}
          onClick={handlers[action]}
        >
          {q(labels[action])} <kbd>{keys[action]}</kbd>
        </button>
      ))}
    </div>
  );
}
