import type { QueueCase } from '../../../../shared/schemas/supervision';
import { useT, type MessageKey } from '../../lib/i18n';

const riskKeys: Record<QueueCase['risk'], MessageKey> = {
  'at-risk': 'supRiskAtRisk',
  overdue: 'supRiskOverdue',
  'on-track': 'supRiskOnTrack',
  paused: 'supRiskPaused',
  unknown: 'supRiskUnknown',
};

/** A case's risk, the working days left (or overdue), and for one at risk the predicted decision date (the queue's, or the desk's). */
export function QueueDeadline({ item }: { item: Pick<QueueCase, 'risk' | 'remainingWorkingDays' | 'predictedDecisionOn'> }) {
  const t = useT();
  const days = item.remainingWorkingDays;
  const left = days === null ? '' : days < 0 ? t('supOverdueBy', { days: -days }) : t('supDaysLeft', { days });
  return (
    <>
      <span className={`risk risk-${item.risk}`}>{t(riskKeys[item.risk])}</span> {left}
      {item.predictedDecisionOn && item.risk === 'at-risk' && <div>{t('supPredicted', { date: item.predictedDecisionOn })}</div>}
    </>
  );
}
