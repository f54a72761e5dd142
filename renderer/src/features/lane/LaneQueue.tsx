import { useEffect, useState, type FormEvent } from 'react';
import type { LaneRemovalReason } from '../../db/laneStore';
import { FieldError } from '../../lib/FieldError';
import { translateBoth, useT } from '../../lib/i18n';
import { useAltShortcuts } from '../../lib/shortcuts';
import { minutesWaited } from './laneModel';
import type { ListedCar } from './laneQueueModel';
import { LaneCarItem } from './LaneCarItem';

/** Minutes are shown whole, so a quarter-minute tick keeps them at most 15 s late. */
const TICK_MS = 15_000;

interface Props {
  cars: readonly ListedCar[];
  servingId?: string;
  /** The queue numbers cars by their plate: a plate is then needed, and one it cannot take is refused here. */
  plateRequired: boolean;
  plateError: boolean;
  /** True when the car was added. */
  onAdd: (plate: string) => Promise<boolean>;
  onTake: (car: ListedCar) => void;
  onRemove: (car: ListedCar, reason: LaneRemovalReason) => Promise<void>;
}

/**
 * The cars waiting in the lane, in the order they are served, each with the minutes it has waited
 * (kept live). A car is added when it pulls up — with its plate while the queue numbers the cars, else
 * optionally (unnamed cars are numbered) — taken into the flow, and removed only with a reason. A car
 * of the queue is taken in its order (Alt+T); only this window's own car can be resumed or removed.
 */
export function LaneQueue({ cars, servingId, plateRequired, plateError, onAdd, onTake, onRemove }: Props) {
  const t = useT();
  const [plate, setPlate] = useState('');
  const [now, setNow] = useState(() => Date.now());
  const [removing, setRemoving] = useState<{ id: string; reason: LaneRemovalReason }>();

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(timer);
  }, []);

  async function add(event?: FormEvent) {
    event?.preventDefault();
    // A refused plate stays as typed, beside its error.
    if (await onAdd(plate)) setPlate('');
    setNow(Date.now());
  }

  useAltShortcuts({ a: () => void add() });

  return (
    <section className="lane-queue" aria-labelledby="lane-queue-title">
      <h3 id="lane-queue-title">
        {t('laneQueue')} <span className="lane-count">({cars.length})</span>
      </h3>
      <form className="lane-arrive" onSubmit={(e) => void add(e)} aria-label={t('laneAddCar')} noValidate>
        <div className="field">
          <label htmlFor="lane-plate">{plateRequired ? t('lanePlateRequired') : t('lanePlate')}</label>
          <input
            id="lane-plate"
            value={plate}
            autoComplete="off"
            spellCheck={false}
            maxLength={14}
            aria-invalid={plateError || undefined}
            aria-describedby={plateError ? 'lane-plate-error' : undefined}
            onChange={(e) => setPlate(e.target.value)}
          />
          <FieldError id="lane-plate-error" message={plateError ? translateBoth('lanePlateInvalid') : undefined} />
        </div>
        <button type="submit" className="lane-big" aria-keyshortcuts="Alt+A">
          {t('laneAddCar')} <kbd>Alt+A</kbd>
        </button>
      </form>
      {cars.length === 0 ? (
        <p className="hint">{t('laneQueueEmpty')}</p>
      ) : (
        <ol className="lane-cars">
          {cars.map((car) => (
            <LaneCarItem
              key={car.id}
              car={car}
              serving={car.id === servingId}
              minutes={minutesWaited(car.arrivedAt, now)}
              removing={removing?.id === car.id ? removing.reason : undefined}
              onRemoving={(reason) => setRemoving(reason ? { id: car.id, reason } : undefined)}
              onTake={() => onTake(car)}
              onRemove={(reason) => void onRemove(car, reason).then(() => setRemoving(undefined))}
            />
          ))}
        </ol>
      )}
    </section>
  );
}

