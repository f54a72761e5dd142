import type { WaitingLine } from './counterQueueModel';
import { useGroupName, useQueueText } from './useQueueText';

/** Who waits in each of the counter's groups, priority tickets counted apart. */
export function QueueWaiting({ lines }: { lines: readonly WaitingLine[] }) {
  const q = useQueueText();
  const groupName = useGroupName();
  if (lines.length === 0) return null;
  return (
    <ul className="queue-waiting" aria-label={q('waiting')}>
      {lines.map((line) => (
        <li key={line.group} data-testid="queue-waiting" data-group={line.group} data-count={line.count}>
          <span className="queue-group">{groupName(line.group)}</span>{' '}
          <strong>{q('waitingCount', { count: line.count })}</strong>
          {line.priority > 0 && <span className="queue-priority-count"> {q('priorityCount', { count: line.priority })}</span>}
        </li>
      ))}
    </ul>
  );
}
