import { useEffect, useState } from 'react';
import { getCase } from '../../db/caseStore';
import { serverErrorText } from '../../lib/errorText';
import { useT } from '../../lib/i18n';
import { useLocale } from '../../state/locale';
import { useSyncStatus } from '../../state/syncStatus';

/**
 * The outbox waits for the clerk: the server kept failing the change at its head (db/pushTrouble.ts).
 * Says which case, what the server said in words, the reference IT looks the request up by, and
 * offers to send it again.
 */
export function PushAttention({ onRetry }: { onRetry: () => Promise<void> }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const attention = useSyncStatus((s) => s.attention);
  const [found, setFound] = useState<{ caseId: string; caseNo: string }>();
  const [retrying, setRetrying] = useState(false);
  const caseId = attention?.caseId;

  useEffect(() => {
    let cancelled = false;
    if (caseId) {
      void getCase(caseId)
        .catch(() => undefined)
        .then((stored) => {
          if (!cancelled) setFound({ caseId, caseNo: stored?.caseNo ?? '' });
        });
    }
    return () => {
      cancelled = true;
    };
  }, [caseId]);
  const caseNo = found && found.caseId === caseId ? found.caseNo : '';

  if (!attention) return null;
  const retry = () => {
    setRetrying(true);
    void onRetry().finally(() => setRetrying(false));
  };
  return (
    <section className="push-attention" role="alert" aria-labelledby="push-attention-title">
      <h2 id="push-attention-title">{t('pushAttention.title')}</h2>
      <p>{t('pushAttention.body', { count: attention.failures, caseNo: caseNo || '—' })}</p>
      <p>{t('pushAttention.said', { reason: serverErrorText(locale, attention.code) })}</p>
      {attention.requestId && <p className="push-attention-reference">{t('pushAttention.reference', { id: attention.requestId })}</p>}
      <button type="button" onClick={retry} disabled={retrying} aria-busy={retrying}>
        {t('pushAttention.retry')}
      </button>
    </section>
  );
}
