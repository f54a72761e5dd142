import { useEffect } from 'react';
import { startReturnSummaryTracking } from './returnSummary';
import { useReturnSummary } from '../../state/returnSummary';
import { useVisitText } from './useVisitText';

const MB = 1024 * 1024;

/** The summary shown after the first sync that follows offline work, until dismissed. */
export function ReturnSummary() {
  const t = useVisitText();
  const { summary, dismiss } = useReturnSummary();
  useEffect(() => startReturnSummaryTracking(), []);
  if (!summary) return null;
  return (
    <section className="return-summary" aria-labelledby="return-summary-title" data-testid="return-summary">
      <h2 id="return-summary-title">{t('summaryTitle')}</h2>
      <div role="status">
        <ul>
          <li>{t('summaryCases', { count: summary.cases })}</li>
          <li>{t('summaryDocuments', { count: summary.documents, mb: (summary.bytes / MB).toFixed(1) })}</li>
          <li>{t('summaryOutcomes', { count: summary.outcomes })}</li>
          {summary.waiting > 0 && <li className="warning">{t('summaryWaiting', { count: summary.waiting })}</li>}
        </ul>
      </div>
      <button type="button" onClick={dismiss}>
        {t('summaryDismiss')}
      </button>
    </section>
  );
}
