import { useState, type FormEvent } from 'react';
import { priorityReasons, type PriorityReason, type QueueGroupCode } from '../../../../shared/domain/queueGroups';
import { useGroupName, useQueueText } from './useQueueText';

interface Props {
  /** The counter's groups of the day; the first is chosen. */
  groups: readonly QueueGroupCode[];
  onCancel: () => void;
  onIssue: (group: QueueGroupCode, reason: PriorityReason) => void;
}

/**
 * 免抽號: a citizen served first without drawing a number (愛心櫃台). The clerk says why and in which
 * group; the ticket is issued and called at this counter at once, and the intake opens with it.
 */
export function PriorityDialog({ groups, onCancel, onIssue }: Props) {
  const q = useQueueText();
  const groupName = useGroupName();
  const choices: readonly QueueGroupCode[] = groups.length > 0 ? groups.filter((g) => g !== 'L') : ['A', 'B', 'C', 'D'];
  const [group, setGroup] = useState<QueueGroupCode>(choices[0] ?? 'D');
  const [reason, setReason] = useState<PriorityReason>('senior');

  function submit(event: FormEvent) {
    event.preventDefault();
    onIssue(group, reason);
  }

  return (
    <div role="dialog" aria-modal="true" aria-labelledby="queue-priority-title" className="case-dialog queue-dialog" onKeyDown={(event) => event.key === 'Escape' && onCancel()}>
      <h3 id="queue-priority-title">{q('priorityTitle')}</h3>
      <form noValidate onSubmit={submit}>
        <fieldset>
          <legend>{q('priorityReason')}</legend>
          {priorityReasons.map((option, index) => (
            <label key={option}>
              <input type="radio" name="queue-priority-reason" checked={reason === option} onChange={() => setReason(option)} autoFocus={index === 0} /> {q(`priority.${option}`)}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{q('group')}</legend>
          {choices.map((option) => (
            <label key={option}>
              <input type="radio" name="queue-priority-group" checked={group === option} onChange={() => setGroup(option)} /> {groupName(option)}
            </label>
          ))}
        </fieldset>
        <div className="button-row">
          <button type="submit">{q('priorityConfirm')}</button>
          <button type="button" onClick={onCancel}>
            {q('cancel')}
          </button>
        </div>
      </form>
    </div>
  );
}
