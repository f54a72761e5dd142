import type { QueueAction } from '../../state/counterQueue';
import type { PanelNote } from './useQueuePanel';
import { useQueueText, type QueueMessageKey } from './useQueueText';

const progress: Record<QueueAction, QueueMessageKey> = {
  call: 'calling',
  recall: 'recalling',
  'no-show': 'working',
  finish: 'working',
  transfer: 'working',
  priority: 'issuing',
};

const done: Record<QueueAction, QueueMessageKey> = {
  call: 'calledNumber',
  recall: 'recalledNumber',
  'no-show': 'noShowDone',
  finish: 'finishDone',
  transfer: 'transferDone',
  priority: 'calledNumber',
};

/** The line under the actions: the action under way, else what came of the last one. */
export function QueueNote({ note, busy }: { note: PanelNote | undefined; busy: QueueAction | undefined }) {
  const q = useQueueText();
  const text = busy
    ? q(progress[busy])
    : note?.kind === 'called'
      ? q('calledNumber', { number: note.number })
      : note?.kind === 'none-waiting'
        ? q('noneWaiting')
        : note?.kind === 'done'
          ? q(done[note.action], { number: note.number })
          : note?.kind === 'unsaved'
            ? q('unsaved', { number: note.number, key: note.key })
            : undefined;
  return (
    <>
      <p className="queue-note" role="status" data-testid="queue-note">
        {text}
      </p>
      {note?.kind === 'error' && (
        <p className="error" role="alert">
          {note.text}
        </p>
      )}
    </>
  );
}
