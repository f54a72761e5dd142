import { useEffect, useState } from 'react';
import { getCase } from '../../db/caseStore';
import { acknowledgeRejection, listRejectedMutations } from '../../db/outbox';
import type { OutboxEntry } from '../../db/records';
import { rejectionText } from '../../lib/errorText';
import { translate } from '../../lib/i18n';
import { useLocale } from '../../state/locale';
import { useSyncStatus } from '../../state/syncStatus';

interface RefusedChange {
  entry: OutboxEntry;
  /** The case's number as the clerk knows it (the case may be gone from this device: then empty). */
  caseNo: string;
}

async function withCaseNumbers(entries: readonly OutboxEntry[]): Promise<RefusedChange[]> {
  return Promise.all(
    entries.map(async (entry) => ({
      entry,
      caseNo: entry.mutation.name === 'createCase' ? entry.mutation.args.case.caseNo : ((await getCase(entry.caseId))?.caseNo ?? ''),
    })),
  );
}

/** The request id a `cannot_apply` refusal quotes (server/src/sync/applyAlone.ts), for IT. */
function referenceOf(entry: OutboxEntry): string | undefined {
  if (entry.code !== 'cannot_apply') return undefined;
  return /request ([A-Za-z0-9._:-]{1,100})$/.exec(entry.message ?? '')?.[1];
}

/** The changes the server refused, each with the server's reason in words, until the clerk dismisses it. */
export function RejectedMutations({ onOpenCase }: { onOpenCase?: (caseId: string) => void }) {
  const locale = useLocale((s) => s.locale);
  const revision = useSyncStatus((s) => s.revision);
  const [entries, setEntries] = useState<RefusedChange[]>([]);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    let cancelled = false;
    void listRejectedMutations()
      .then(withCaseNumbers)
      .then((rows) => {
        if (!cancelled) setEntries(rows);
      });
    return () => {
      cancelled = true;
    };
  }, [revision, reload]);

  if (entries.length === 0) return null;
  return (
    <section className="rejected-mutations" aria-label={translate(locale, 'rejectedTitle')}>
      <h2>{translate(locale, 'rejectedTitle')}</h2>
      <ul>
        {entries.map(({ entry, caseNo }) => (
          <li key={entry.id}>
            <span className="rejected-what">{translate(locale, 'refusedChange', { what: translate(locale, `mutation.${entry.mutation.name}`), caseNo: caseNo || '—' })}</span>{' '}
            <span className="rejected-why">{rejectionText(locale, entry.code, caseNo)}</span>{' '}
            {referenceOf(entry) && <span className="rejected-reference">{translate(locale, 'rejectedReference', { id: referenceOf(entry) ?? '' })}</span>}{' '}
            {onOpenCase && caseNo && (
              <button type="button" className="link-button" onClick={() => onOpenCase(entry.caseId)}>
                {translate(locale, 'openRefusedCase')}
              </button>
            )}{' '}
            <button type="button" className="link-button" onClick={() => void acknowledgeRejection(entry.id).then(() => setReload((n) => n + 1))}>
              {translate(locale, 'dismiss')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
