import type { LocalCase } from '../../db/records';
import { useLocale } from '../../lib/i18n';
import { syncText } from './syncMessages';

/** A case's sync state (synced / waiting / not accepted) and, when edits conflicted, both values. */
export function CaseSyncState({ record }: { record: Pick<LocalCase, 'syncState' | 'syncMessage' | 'review'> }) {
  const locale = useLocale((s) => s.locale);
  const label = record.syncState === 'synced' ? syncText(locale, 'caseSynced') : record.syncState === 'pending' ? syncText(locale, 'casePending') : syncText(locale, 'caseRejected');
  const show = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));
  return (
    <div className="case-sync-state" data-state={record.syncState}>
      <span>{label}</span>
      {record.syncState === 'rejected' && record.syncMessage && <span role="note"> · {record.syncMessage}</span>}
      {record.review?.needsReview && (
        <div role="note" className="case-needs-review">
          <strong>{syncText(locale, 'needsReview')}</strong>
          <ul>
            {record.review.conflicts.map((conflict, index) => (
              <li key={`${conflict.field}-${index}`}>
                {syncText(locale, 'conflictLine', { field: conflict.field, server: show(conflict.serverValue), client: show(conflict.clientValue) })} ({conflict.by})
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
