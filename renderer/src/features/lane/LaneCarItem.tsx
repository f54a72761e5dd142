import { laneRemovalReasonSchema, type LaneRemovalReason } from '../../db/laneStore';
import { useT } from '../../lib/i18n';
import type { ListedCar } from './laneQueueModel';
import { useCarLabel } from './useCarLabel';

interface Props {
  car: ListedCar;
  serving: boolean;
  minutes: number;
  /** The reason chosen while the clerk removes this car. */
  removing: LaneRemovalReason | undefined;
  onRemoving: (reason: LaneRemovalReason | undefined) => void;
  onTake: () => void;
  onRemove: (reason: LaneRemovalReason) => void;
}

/**
 * One car of the lane. This window's cars (its own list's, and the queue's car it serves) can be taken
 * or resumed and removed with a reason; a car of the queue waits for its turn (Alt+T), and one another
 * window serves is only shown.
 */
export function LaneCarItem({ car, serving, minutes, removing, onRemoving, onTake, onRemove }: Props) {
  const t = useT();
  const label = useCarLabel();
  const name = label(car);
  const ours = car.mine && (car.source === 'local' || car.state === 'in-service');
  return (
    <li data-testid="lane-car" data-state={car.state} data-source={car.source} data-serving={serving || undefined}>
      <div className="lane-car-line">
        <strong>{name}</strong>
        <span data-testid="lane-waited" data-minutes={minutes}>
          {t('laneWaited', { minutes })}
        </span>
        {car.state === 'in-service' && <span className="badge badge-in-service">{car.mine ? t('laneInService') : t('laneInServiceElsewhere')}</span>}
        {car.source === 'local' && car.state === 'waiting' && <span className="badge">{t('laneLocalOnly')}</span>}
      </div>
      {removing ? (
        <div className="lane-remove">
          <label htmlFor={`lane-remove-${car.id}`}>{t('laneRemoveReason')}</label>
          <select id={`lane-remove-${car.id}`} value={removing} onChange={(e) => onRemoving(laneRemovalReasonSchema.parse(e.target.value))}>
            {laneRemovalReasonSchema.options.map((reason) => (
              <option key={reason} value={reason}>
                {t(`laneReason.${reason}`)}
              </option>
            ))}
          </select>
          <button type="button" className="lane-big" onClick={() => onRemove(removing)}>
            {t('laneRemoveConfirm')}
          </button>
          <button type="button" className="lane-big" onClick={() => onRemoving(undefined)}>
            {t('laneCancel')}
          </button>
        </div>
      ) : (
        ours && (
          <div className="lane-car-actions">
            <button type="button" className="lane-big" aria-pressed={serving} aria-label={`${car.state === 'in-service' ? t('laneResume') : t('laneTake')} ${name}`} onClick={onTake}>
              {car.state === 'in-service' ? t('laneResume') : t('laneTake')}
            </button>
            <button type="button" className="lane-big lane-secondary" aria-label={`${t('laneRemove')} ${name}`} onClick={() => onRemoving('left')}>
              {t('laneRemove')}
            </button>
          </div>
        )
      )}
    </li>
  );
}
