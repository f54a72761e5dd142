import { useState, type FormEvent } from 'react';
import type { Bilingual } from '../../../../shared/domain/bilingual';
import { queueGroups, type QueueGroupCode } from '../../../../shared/domain/queueGroups';
import type { Ticket } from '../../../../shared/schemas/ticketQueue';
import { LabelledField } from '../../lib/LabelledField';
import { translateBoth } from '../../lib/i18n';
import { transferTarget, type TransferTarget } from './transferTarget';
import { useGroupName, useQueueText } from './useQueueText';

interface Props {
  ticket: Ticket;
  onCancel: () => void;
  /** False when the server refused the counter named: the dialog then says so beside the field. */
  onTransfer: (to: TransferTarget) => Promise<boolean>;
}

/**
 * Sends the served ticket to another group's queue or to one counter (its station code), keeping its
 * place in the queue. Esc cancels; a station code that cannot be one is refused beside the field.
 */
export function TransferDialog({ ticket, onCancel, onTransfer }: Props) {
  const q = useQueueText();
  const groupName = useGroupName();
  const [kind, setKind] = useState<'group' | 'counter'>('group');
  const [group, setGroup] = useState<QueueGroupCode>(queueGroups.find((g) => g.atKiosk && g.code !== ticket.group)?.code ?? 'A');
  const [station, setStation] = useState('');
  const [error, setError] = useState<Bilingual>();
  const [sending, setSending] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const target = transferTarget(kind, group, station);
    if (!target) {
      setError(translateBoth('queue.badStation'));
      return;
    }
    setSending(true);
    const accepted = await onTransfer(target);
    setSending(false);
    if (!accepted) {
      setError(translateBoth('queue.unknownStation'));
      requestAnimationFrame(() => document.getElementById('queue-transfer-station')?.focus());
    }
  }

  return (
    <div role="dialog" aria-modal="true" aria-labelledby="queue-transfer-title" className="case-dialog queue-dialog" onKeyDown={(event) => event.key === 'Escape' && onCancel()}>
      <h3 id="queue-transfer-title">{q('transferTitle', { number: ticket.number })}</h3>
      <form noValidate onSubmit={(event) => void submit(event)} aria-busy={sending}>
        <fieldset>
          <legend>{q('transferTo')}</legend>
          <label>
            <input type="radio" name="queue-transfer-kind" checked={kind === 'group'} onChange={() => setKind('group')} autoFocus /> {q('transferToGroup')}
          </label>
          <label>
            <input type="radio" name="queue-transfer-kind" checked={kind === 'counter'} onChange={() => setKind('counter')} /> {q('transferToCounter')}
          </label>
        </fieldset>
        {kind === 'group' ? (
          <LabelledField
            id="queue-transfer-group"
            label={q('group')}
            value={group}
            onChange={(value) => setGroup(queueGroups.find((g) => g.code === value)?.code ?? group)}
            options={queueGroups.filter((g) => g.atKiosk === (ticket.group !== 'L')).map((g) => ({ value: g.code, label: groupName(g.code) }))}
          />
        ) : (
          <LabelledField id="queue-transfer-station" label={q('station')} hint={q('stationHint')} value={station} onChange={(value) => {
              setStation(value.toUpperCase());
              setError(undefined);
            }} maxLength={8} error={error} autoFocus />
        )}
        <div className="button-row">
          <button type="submit" disabled={sending}>
            {sending ? q('working') : q('transferConfirm')}
          </button>
          <button type="button" onClick={onCancel}>
            {q('cancel')}
          </button>
        </div>
      </form>
    </div>
  );
}
