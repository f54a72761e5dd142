import { useEffect, useState, type FormEvent } from 'react';
import { laneRemovalReasonSchema, type LaneCar, type LaneRemovalReason } from '../../db/laneStore';
import { useT } from '../../lib/i18n';
import { useAltShortcuts } from '../../lib/shortcuts';
import { minutesWaited } from './laneModel';
import { useCarLabel } from './useCarLabel';

/** Minutes are shown whole, so a quarter-minute tick keeps them at most 15 s late. */
const TICK_MS = 15_000;

interface Props {
  cars: readonly LaneCar[];
  servingId?: string;
  onAdd: (plate: string) => Promise<void>;
  onTake: (car: LaneCar) => void;
  onRemove: (car: LaneCar, reason: LaneRemovalReason) => Promise<void>;
}

/**
 * The cars waiting in the lane, first arrived first, each with the minutes it has waited (kept live).
 * A car is added when it pulls up (the plate is optional: unnamed cars are numbered), taken into the
 * flow, and removed only with a reason.
 */
export function LaneQueue({ cars, servingId, onAdd, onTake, onRemove }: Props) {
  const t = useT();
  const label = useCarLabel();
  const [plate, setPlate] = useState('');
  const [now, setNow] = useState(() => Date.now());
  const [removing, setRemoving] = useState<{ id: string; reason: LaneRemovalReason }>();

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(timer);
  }, []);

  async function add(event?: FormEvent) {
    event?.preventDefault();
    await onAdd(plate);
    setPlate('');
    setNow(Date.now());
  }

  useAltShortcuts({ a: () => void add() });

  return (
    <section className="lane-queue" aria-labelledby="lane-queue-title">
      <h3 id="lane-queue-title">
        {t('laneQueue')} <span className="lane-count">({cars.length})</span>
      </h3>
      <form className="lane-arrive" onSubmit={(e) => void add(e)} aria-label={t('laneAddCar')}>
        <div className="field">
          <label htmlFor="lane-plate">{t('lanePlate')}</label>
          <input id="lane-plate" value={plate} autoComplete="off" spellCheck={false} maxLength={12} onChange={(e) => setPlate(e.target.value)} />
        </div>
        <button type="submit" className="lane-big" aria-keyshortcuts="Alt+A">
          {t('laneAddCar')} <kbd>Alt+A</kbd>
        </button>
      </form>
      {cars.length === 0 ? (
        <p className="hint">{t('laneQueueEmpty')}</p>
      ) : (
        <ol className="lane-cars">
          {cars.map((car) => {
            const name = label(car);
            const serving = car.id === servingId;
            return (
              <li key={car.id} data-testid="lane-car" data-state={car.state} data-serving={serving || undefined}>
                <div className="lane-car-line">
                  <strong>{name}</strong>
                  <span data-testid="lane-waited" data-minutes={minutesWaited(car.arrivedAt, now)}>
                    {t('laneWaited', { minutes: minutesWaited(car.arrivedAt, now) })}
                  </span>
                  {car.state === 'in-service' && <span className="badge badge-in-service">{t('laneInService')}</span>}
                </div>
                {removing?.id === car.id ? (
                  <div className="lane-remove">
                    <label htmlFor={`lane-remove-${car.id}`}>{t('laneRemoveReason')}</label>
                    <select
                      id={`lane-remove-${car.id}`}
                      value={removing.reason}
                      onChange={(e) => setRemoving({ id: car.id, reason: laneRemovalReasonSchema.parse(e.target.value) })}
                    >
                      {laneRemovalReasonSchema.options.map((reason) => (
                        <option key={reason} value={reason}>
                          {t(`laneReason.${reason}`)}
                        </option>
                      ))}
                    </select>
                    <button type="button" className="lane-big" onClick={() => void onRemove(car, removing.reason).then(() => setRemoving(undefined))}>
                      {t('laneRemoveConfirm')}
                    </button>
                    <button type="button" className="lane-big" onClick={() => setRemoving(undefined)}>
                      {t('laneCancel')}
                    </button>
                  </div>
                ) : (
                  <div className="lane-car-actions">
                    <button type="button" className="lane-big" aria-pressed={serving} aria-label={`${car.state === 'in-service' ? t('laneResume') : t('laneTake')} ${name}`} onClick={() => onTake(car)}>
                      {car.state === 'in-service' ? t('laneResume') : t('laneTake')}
                    </button>
                    <button type="button" className="lane-big lane-secondary" aria-label={`${t('laneRemove')} ${name}`} onClick={() => setRemoving({ id: car.id, reason: 'left' })}>
                      {t('laneRemove')}
                    </button>
                  </div>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
