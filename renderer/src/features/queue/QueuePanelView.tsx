import type { ReactNode } from 'react';
import { BothLanguages } from '../../lib/BothLanguages';
import { translateBoth } from '../../lib/i18n';
import type { QueueAction } from '../../state/counterQueue';
import type { PanelActionName, ServingView, WaitingLine } from './counterQueueModel';
import { QueueActions } from './QueueActions';
import { QueueNote } from './QueueNote';
import { QueueServing } from './QueueServing';
import { QueueWaiting } from './QueueWaiting';
import type { PanelNote } from './useQueuePanel';
import { useQueueText } from './useQueueText';
import './queue.css';

interface Props {
  /** The counter's label of the day; the panel's name until the server says. */
  label: string | undefined;
  reach: 'unknown' | 'online' | 'unreachable';
  lines: readonly WaitingLine[];
  serving: ServingView;
  keys: Readonly<Record<PanelActionName, string>>;
  /** Each action's handler; none while it is not possible now. */
  handlers: Readonly<Record<PanelActionName, (() => void) | undefined>>;
  busy: QueueAction | undefined;
  note: PanelNote | undefined;
  /** The open dialog, if any. */
  children?: ReactNode;
}

/** The queue panel as it shows: one compact band of facts and actions (QueuePanel runs it). */
export function QueuePanelView({ label, reach, lines, serving, keys, handlers, busy, note, children }: Props) {
  const q = useQueueText();
  return (
    <section className="queue-panel" aria-labelledby="queue-panel-title" aria-busy={busy !== undefined}>
      <h2 id="queue-panel-title" className="queue-title">
        {label ?? q('title')}
      </h2>
      {reach === 'unreachable' ? (
        <p className="queue-unreachable" role="alert">
          <BothLanguages text={translateBoth('queue.unreachable')} />
        </p>
      ) : (
        <QueueWaiting lines={lines} />
      )}
      <QueueServing serving={serving} />
      <QueueActions keys={keys} handlers={handlers} busy={busy} />
      <QueueNote note={note} busy={busy} />
      {children}
    </section>
  );
}
