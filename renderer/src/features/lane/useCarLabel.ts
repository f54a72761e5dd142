import type { LaneCar } from '../../db/laneStore';
import { useT } from '../../lib/i18n';

/** How a car is named on screen: its plate, else "car 3" (the day's number at this window). */
export function useCarLabel(): (car: Pick<LaneCar, 'plate' | 'number'>) => string {
  const t = useT();
  return (car) => car.plate ?? t('laneCarNumber', { number: car.number });
}
