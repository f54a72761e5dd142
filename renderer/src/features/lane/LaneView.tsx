import { useCallback, useEffect, useState } from 'react';
import { addLaneCar, completeLaneCar, linkLaneCase, listLaneCars, removeLaneCar, takeLaneCar, type LaneCar, type LaneRemovalReason } from '../../db/laneStore';
import type { LocalCase } from '../../db/records';
import { useT } from '../../lib/i18n';
import { useAltShortcuts } from '../../lib/shortcuts';
import { LaneFlow } from './LaneFlow';
import { LaneQueue } from './LaneQueue';
import { useCarLabel } from './useCarLabel';
import './lane.css';
import { useDescribeError } from '../../lib/errorText';

/**
 * The drive-through window (免下車服務): the cars waiting in the lane beside the intake flow of the car
 * being served, on one screen sized for a touch screen. The list lives in IndexedDB, so a reload or a
 * crash keeps the queue and the car in service (with its case, once registered).
 */
export function LaneView({ onCaseSaved }: { onCaseSaved: () => void }) {
  const t = useT();
  const describeError = useDescribeError();
  const label = useCarLabel();
  const [cars, setCars] = useState<LaneCar[]>([]);
  const [servingId, setServingId] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [error, setError] = useState<string>();

  const reload = useCallback(async () => {
    const list = await listLaneCars();
    setCars(list);
    return list;
  }, []);

  useEffect(() => {
    let cancelled = false;
    void listLaneCars().then((list) => {
      if (cancelled) return;
      setCars(list);
      // After a reload the car that was being served is served again.
      setServingId((current) => current ?? list.find((car) => car.state === 'in-service')?.id);
    });
    return () => {
      cancelled = true;
    };
  }, []);

  const serving = cars.find((car) => car.id === servingId);

  /** A failed write (full disk, a locked database) is shown, and the list is read again as it is. */
  async function guarded(action: () => Promise<void>): Promise<void> {
    setError(undefined);
    try {
      await action();
    } catch (reason) {
      setError(describeError(reason));
      await reload().catch(() => undefined);
    }
  }

  async function take(car: LaneCar) {
    setNotice(undefined);
    await takeLaneCar(car.id);
    await reload();
    setServingId(car.id);
  }

  const add = (plate: string) =>
    guarded(async () => {
      const car = await addLaneCar(plate);
      await reload();
      setNotice(undefined);
      // An empty window takes the car that just arrived.
      if (!servingId) await take(car);
    });

  const remove = (car: LaneCar, reason: LaneRemovalReason) =>
    guarded(async () => {
      await removeLaneCar(car.id, reason);
      if (car.id === servingId) setServingId(undefined);
      await reload();
      setNotice(t('laneRemoved', { car: label(car), reason: t(`laneReason.${reason}`) }));
    });

  async function registered(car: LaneCar, record: LocalCase) {
    await linkLaneCase(car.id, record.id);
    await reload();
    onCaseSaved();
  }

  async function printed(car: LaneCar, record: LocalCase) {
    await completeLaneCar(car.id);
    setServingId(undefined);
    await reload();
    setNotice(t(record.desk?.handover?.method === 'on-the-spot' ? 'spot.laneDone' : 'laneDone', { car: label(car), caseNo: record.caseNo }));
  }

  const nextWaiting = cars.find((car) => car.state === 'waiting');
  useAltShortcuts({ t: nextWaiting ? () => void guarded(() => take(nextWaiting)) : undefined });

  return (
    <section className="lane" aria-labelledby="lane-title">
      <h2 id="lane-title">{t('laneTitle')}</h2>
      {notice && (
        <p className="lane-notice" role="status">
          {notice}
        </p>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="lane-layout">
        <LaneQueue cars={cars} servingId={servingId} onAdd={add} onTake={(car) => void guarded(() => take(car))} onRemove={remove} />
        <div className="lane-main">
          {serving ? (
            <LaneFlow key={serving.id} car={serving} carLabel={label(serving)} onRegistered={(record) => registered(serving, record)} onPrinted={(record) => printed(serving, record)} />
          ) : (
            <div className="lane-idle">
              <p>{t('laneNoCar')}</p>
              {nextWaiting && (
                <button type="button" className="lane-big lane-primary" aria-keyshortcuts="Alt+T" onClick={() => void guarded(() => take(nextWaiting))}>
                  {t('laneTakeNext')} <kbd>Alt+T</kbd>
                </button>
              )}
            </div>
          )}
        </div>
      </div>
    </section>
  );
}
