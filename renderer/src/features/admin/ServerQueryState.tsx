import { useT } from '../../lib/i18n';
import type { ServerQuery } from './useServerQuery';

/** A console screen's load state in words: a refresh button, loading, offline, not available, or the error. */
export function ServerQueryState({ query }: { query: ServerQuery<unknown> }) {
  const t = useT();
  return (
    <>
      <button type="button" onClick={() => void query.reload()} disabled={query.loading}>
        {query.loading ? t('admin.loading') : t('admin.refresh')}
      </button>
      {query.offline && <p role="alert">{t('admin.offline')}</p>}
      {query.missing ? <p role="alert">{t('admin.notAvailable')}</p> : query.error && <p role="alert">{query.error}</p>}
    </>
  );
}
