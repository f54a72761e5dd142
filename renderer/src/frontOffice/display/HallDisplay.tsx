import { useCallback } from 'react';
import { queueGroupOf, type QueueGroupCode } from '../../../../shared/domain/queueGroups';
import type { DisplayCall } from '../../../../shared/schemas/ticketQueue';
import { BothLanguages } from '../../lib/BothLanguages';
import { translateBoth } from '../../lib/i18n';
import { useChime } from './useChime';
import { useHallFeed } from './useHallFeed';

function groupText(code: QueueGroupCode) {
  const group = queueGroupOf(code);
  return { zh: group.zh, en: group.en };
}

/** The newest call, large, and announced to screen readers. */
function NewestCall({ call }: { call: DisplayCall | undefined }) {
  const words = call ? translateBoth('hallDisplay.announce', { number: call.number, counter: call.counter }) : undefined;
  return (
    <section className="hall-newest" aria-labelledby="hall-newest-title">
      <h2 id="hall-newest-title">
        <BothLanguages text={translateBoth('hallDisplay.nowCalling')} />
      </h2>
      <div aria-live="assertive" aria-atomic="true">
        {call && words ? (
          <p className="hall-newest-call" data-seq={call.seq}>
            <span className="hall-newest-number">{call.number}</span>
            <span className="hall-newest-counter">{call.counter}</span>
            <span className="visually-hidden">
              <BothLanguages text={words} />
            </span>
          </p>
        ) : (
          <p className="hall-none">
            <BothLanguages text={translateBoth('hallDisplay.noCalls')} />
          </p>
        )}
      </div>
    </section>
  );
}

/**
 * The hall's TV (/display): the newest call, the number each counter serves now, the last calls and
 * who waits per group. Both languages at once (everyone in the hall reads it), large and high-contrast.
 */
export function HallDisplay({ origin }: { origin: string }) {
  const { chime, enabled } = useChime();
  const onFreshCall = useCallback(() => chime.play(), [chime]);
  const { hall, connected } = useHallFeed(origin, onFreshCall);
  const [newest, ...earlier] = hall.lastCalls;

  return (
    <div className="hall">
      <header className="hall-header">
        <h1>
          <BothLanguages text={translateBoth('hallDisplay.title')} separator=" · " />
        </h1>
        {!enabled && (
          <button type="button" className="hall-sound" onClick={() => void chime.enable()}>
            <BothLanguages text={translateBoth('hallDisplay.enableSound')} />
          </button>
        )}
        {!connected && (
          <p className="hall-offline" role="status">
            <BothLanguages text={translateBoth('hallDisplay.reconnecting')} />
          </p>
        )}
      </header>
      <main className="hall-main">
        <NewestCall call={newest} />
        <ServingTable serving={hall.serving} />
        <EarlierCalls calls={earlier} />
        <WaitingList waiting={hall.waiting} />
      </main>
    </div>
  );
}

function ServingTable({ serving }: { serving: { counter: string; number: string }[] }) {
  return (
    <section className="hall-serving" aria-labelledby="hall-serving-title">
      <h2 id="hall-serving-title">
        <BothLanguages text={translateBoth('hallDisplay.serving')} />
      </h2>
      <table>
        <thead>
          <tr>
            <th scope="col">
              <BothLanguages text={translateBoth('hallDisplay.counter')} />
            </th>
            <th scope="col">
              <BothLanguages text={translateBoth('hallDisplay.number')} />
            </th>
          </tr>
        </thead>
        <tbody>
          {serving.map((s) => (
            <tr key={s.counter}>
              <th scope="row">{s.counter}</th>
              <td className="hall-number">{s.number}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function EarlierCalls({ calls }: { calls: DisplayCall[] }) {
  return (
    <section className="hall-earlier" aria-labelledby="hall-earlier-title">
      <h2 id="hall-earlier-title">
        <BothLanguages text={translateBoth('hallDisplay.lastCalls')} />
      </h2>
      <ol>
        {calls.map((call) => (
          <li key={call.seq}>
            <span className="hall-number">{call.number}</span> → {call.counter}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The kiosk's groups always; the lane's cars only while some wait (they queue outside, by plate). */
function shownWaiting(waiting: { group: QueueGroupCode; count: number }[]) {
  return waiting.filter((w) => queueGroupOf(w.group).atKiosk || w.count > 0);
}

function WaitingList({ waiting }: { waiting: { group: QueueGroupCode; count: number }[] }) {
  return (
    <section className="hall-waiting" aria-labelledby="hall-waiting-title">
      <h2 id="hall-waiting-title">
        <BothLanguages text={translateBoth('hallDisplay.waiting')} />
      </h2>
      <ul>
        {shownWaiting(waiting).map((w) => (
          <li key={w.group}>
            <span className="hall-group">
              {w.group} <BothLanguages text={groupText(w.group)} />
            </span>
            <span className="hall-count">
              <BothLanguages text={translateBoth('hallDisplay.waitingCount', { count: w.count })} />
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
