import type { SupervisorQueue } from '../../../../shared/schemas/supervision';
import { useT } from '../../lib/i18n';
import { percentText } from '../../lib/percentText';

/** This month's on-time rate so far over the supervisor's units, against the target, on the supervisor's home. */
export function OnTimeThisMonth({ rate, target }: { rate: SupervisorQueue['onTimeThisMonth']; target: number }) {
  const t = useT();
  if (!rate) return null;
  const dates = { from: rate.from, to: rate.to };
  return (
    <section className="month-rate" aria-labelledby="month-rate-heading">
      <h3 id="month-rate-heading">{t('supMonthRate')}</h3>
      <p>
        {rate.rate === null ? (
          t('supMonthRateNone', dates)
        ) : (
          <>
            <strong className={rate.meetsTarget ? 'meets-target' : 'below-target'}>{t('supMonthRateLine', { ...dates, rate: percentText(rate.rate), count: rate.total, target: percentText(target) })}</strong>{' '}
            {t(rate.meetsTarget ? 'repMeets' : 'repBelow')}
          </>
        )}
      </p>
    </section>
  );
}
