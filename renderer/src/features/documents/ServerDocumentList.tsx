import { taipeiDate } from '../../../../shared/domain/rocDate';
import type { CaseDocument } from '../../../../shared/sync/protocol';
import { useT } from '../../lib/i18n';
import { BilingualMessage } from './BilingualMessage';
import { translateBoth } from '../../lib/i18n';
import type { DocumentFetchState } from './useDocumentFetch';

/**
 * The documents of a case that the server holds and this computer does not yet: what each is, with
 * "download and open". While one travels its bytes show against its size; a failure is said next to
 * it, in both languages, with a retry. Nothing is fetched until asked (decision 0018).
 */

export function documentTypeLabel(mime: string): string {
  const labels: Record<string, string> = { 'application/pdf': 'PDF', 'image/jpeg': 'JPEG', 'image/png': 'PNG', 'image/webp': 'WebP' };
  return labels[mime] ?? mime;
}

const kilobytes = (bytes: number) => (bytes / 1024).toFixed(0);

export function ServerDocumentList({ documents, states, onOpen }: { documents: readonly CaseDocument[]; states: ReadonlyMap<string, DocumentFetchState>; onOpen: (document: CaseDocument) => void }) {
  const t = useT();
  const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
  if (documents.length === 0) return null;
  return (
    <section aria-label={t('serverDocsTitle')}>
      <h3>{t('serverDocsTitle')}</h3>
      <ul className="server-documents">
        {documents.map((document) => {
          const state = states.get(document.id);
          return (
            <li key={document.id} data-testid="server-document">
              <strong>{document.kind}</strong> · {documentTypeLabel(document.mime)} · {kilobytes(document.size)} KB · <time dateTime={document.attachedAt}>{taipeiDate(new Date(document.attachedAt))}</time>{' '}
              <button type="button" aria-label={state?.status === 'failed' ? `${t('serverDocRetry')} ${document.kind}` : t('serverDocOpenLabel', { kind: document.kind })} disabled={state?.status === 'fetching'} onClick={() => onOpen(document)}>
                {state?.status === 'failed' ? t('serverDocRetry') : t('serverDocOpen')}
              </button>
              {state?.status === 'fetching' && <FetchProgress label={t('serverDocProgressLabel', { kind: document.kind })} received={state.received} total={state.total} />}
              {state?.status === 'failed' && <BilingualMessage tone="error" text={state.text} />}
              {!state && offline && <BilingualMessage tone="info" text={translateBoth('serverDocNeedsServer')} />}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export function FetchProgress({ label, received, total }: { label: string; received: number; total: number }) {
  const t = useT();
  return (
    <span className="fetch-progress" role="status">
      <progress aria-label={label} value={received} max={Math.max(total, 1)} />{' '}
      <span data-testid="fetch-received">{t('serverDocReceived', { received: kilobytes(received), total: kilobytes(total) })}</span>
    </span>
  );
}
