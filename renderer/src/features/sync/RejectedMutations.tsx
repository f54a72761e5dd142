import { useEffect, useState } from 'react';
import { acknowledgeRejection, listRejectedMutations } from '../../db/caseStore';
import type { OutboxEntry } from '../../db/records';
import { useLocale, useT } from '../../lib/i18n';
import { useSyncStatus } from '../../sync/syncEngine';
import { syncText } from './syncMessages';

/** The refusal in the clerk's words where this screen knows the code (decision 0016), else the server's. */
function reasonOf(entry: OutboxEntry, t: ReturnType<typeof useT>): string {
  if (entry.code === 'case_no_taken' && entry.mutation.name === 'createCase') return t('caseNoTakenRejected', { caseNo: entry.mutation.args.case.caseNo });
  return entry.message ?? entry.code ?? '';
}

/** The changes the server refused, each with the server's reason, until the clerk dismisses it. */
export function RejectedMutations({ onOpenCase }: { onOpenCase?: (caseId: string) => void }) {
  const locale = useLocale((s) => s.locale);
  const t = useT();
  const revision = useSyncStatus((s) => s.revision);
  const [entries, setEntries] = useState<OutboxEntry[]>([]);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    let cancelled = false;
    void listRejectedMutations().then((rows) => {
      if (!cancelled) setEntries(rows);
    });
    return () => {
      cancelled = true;
    };
  }, [revision, reload]);

  if (entries.length === 0) return null;
  return (
    <section className="rejected-mutations" aria-label={syncText(locale, 'rejectedTitle')}>
      <h2>{syncText(locale, 'rejectedTitle')}</h2>
      <ul>
        {entries.map((entry) => (
          <li key={entry.id}>
            <span className="rejected-what">
              {entry.mutation.name} #{entry.id}
            </span>{' '}
            <span className="rejected-why">{reasonOf(entry, t)}</span>{' '}
            {onOpenCase && (
              <button type="button" className="link-button" onClick={() => onOpenCase(entry.caseId)}>
                {entry.caseId.slice(0, 8)}…
              </button>
            )}{' '}
            <button type="button" className="link-button" onClick={() => void acknowledgeRejection(entry.id).then(() => setReload((n) => n + 1))}>
              {syncText(locale, 'dismiss')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
