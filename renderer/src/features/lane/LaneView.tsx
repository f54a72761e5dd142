import { useEffect, useState } from 'react';
import type { LaneCar, LaneRemovalReason } from '../../db/laneStore';
import type { LocalCase } from '../../db/records';
import { useT } from '../../lib/i18n';
import { useAltShortcuts } from '../../lib/shortcuts';
import type { ApiOptions } from '../../sync/api';
import { LaneFlow } from './LaneFlow';
import { LaneNotices } from './LaneNotices';
import { LaneQueue } from './LaneQueue';
import type { ListedCar } from './laneQueueModel';
import { useCarLabel } from './useCarLabel';
import { PlateRefused, useLaneCars } from './useLaneCars';
import './lane.css';
import { useDescribeError } from '../../lib/errorText';

/**
 * The drive-through window (免下車服務): the cars waiting in the lane beside the intake flow of the car
 * being served, on one screen sized for a touch screen. The cars queue on the server (group L, by
 * plate) when it answers, else in this computer's own list, said so on screen; the car being served is
 * kept in IndexedDB, so a reload or a crash keeps it (with its case, once registered).
 */
export function LaneView({ api, onCaseSaved }: { api: ApiOptions; onCaseSaved: () => void }) {
  const t = useT();
  const describeError = useDescribeError();
  const label = useCarLabel();
  const lane = useLaneCars(api);
  const { cars, reload } = lane;
  const [servingId, setServingId] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [error, setError] = useState<string>();
  const [plateError, setPlateError] = useState(false);

  useEffect(() => {
    let cancelled = false;
    void reload().then((list) => {
      // After a reload the car that was being served is served again.
      if (!cancelled) setServingId((current) => current ?? list.find((car) => car.mine && car.state === 'in-service')?.id);
    });
    return () => {
      cancelled = true;
    };
  }, [reload]);

  const serving = cars.find((car) => car.id === servingId);

  /** A failed write or call is shown, and the lane is read again as it is. */
  async function guarded(action: () => Promise<void>): Promise<void> {
    setError(undefined);
    try {
      await action();
    } catch (reason) {
      setError(describeError(reason));
    }
    await reload().catch(() => undefined);
  }

  function served(car: LaneCar | undefined) {
    setNotice(car ? undefined : t('laneNoneWaiting'));
    if (car) setServingId(car.id);
  }

  const takeNext = () => guarded(async () => served(await lane.takeNext()));
  const take = (car: ListedCar) => guarded(async () => served(car.state === 'waiting' ? await lane.take(car) : car));

  async function add(plate: string): Promise<boolean> {
    let added = false;
    await guarded(async () => {
      setPlateError(false);
      const car = await lane.add(plate).catch((reason: unknown) => {
        if (reason instanceof PlateRefused) return 'refused' as const;
        throw reason;
      });
      if (car === 'refused') {
        // Said beside the plate field, where the cursor goes back.
        setPlateError(true);
        requestAnimationFrame(() => document.getElementById('lane-plate')?.focus());
        return;
      }
      added = true;
      setNotice(undefined);
      // An empty window takes the car that just arrived (the queue's next, which is that car when nobody waits before it).
      if (!servingId) served(car ? await lane.take(car) : await lane.takeNext());
    });
    return added;
  }

  const remove = (car: ListedCar, reason: LaneRemovalReason) =>
    guarded(async () => {
      await lane.remove(car, reason);
      if (car.id === servingId) setServingId(undefined);
      setNotice(t('laneRemoved', { car: label(car), reason: t(`laneReason.${reason}`) }));
    });

  async function registered(car: LaneCar, record: LocalCase) {
    await lane.registered(car, record.id);
    await reload();
    onCaseSaved();
  }

  async function printed(car: LaneCar, record: LocalCase) {
    await lane.printed(car, record.id);
    setServingId(undefined);
    await reload();
    setNotice(t(record.desk?.handover?.method === 'on-the-spot' ? 'spot.laneDone' : 'laneDone', { car: label(car), caseNo: record.caseNo }));
  }

  const anyWaiting = cars.some((car) => car.state === 'waiting');
  useAltShortcuts({ t: anyWaiting ? () => void takeNext() : undefined });

  return (
    <section className="lane" aria-labelledby="lane-title">
      <h2 id="lane-title">{t('laneTitle')}</h2>
      <LaneNotices offline={lane.reach === 'unreachable'} notice={notice} error={error} />
      <div className="lane-layout">
        <LaneQueue cars={cars} servingId={servingId} plateRequired={lane.reach !== 'unreachable'} plateError={plateError} onAdd={add} onTake={(car) => void take(car)} onRemove={remove} />
        <div className="lane-main">
          {serving ? (
            <LaneFlow key={serving.id} car={serving} carLabel={label(serving)} onRegistered={(record) => registered(serving, record)} onPrinted={(record) => printed(serving, record)} />
          ) : (
            <div className="lane-idle">
              <p>{t('laneNoCar')}</p>
              {anyWaiting && (
                <button type="button" className="lane-big lane-primary" aria-keyshortcuts="Alt+T" onClick={() => void takeNext()}>
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
