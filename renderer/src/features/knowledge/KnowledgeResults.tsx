import { findService, type Catalogue } from '../../../../shared/domain/catalogue';
import { useT } from '../../lib/i18n';
import type { KnowledgeHit } from './knowledgeIndex';
import { useBilingualText } from './useBilingualText';

interface Props {
  catalogue: Catalogue;
  /** What was searched, repeated in the count so that a screen reader hears which search answered. */
  query: string;
  hits: readonly KnowledgeHit[];
  onPick: (hit: KnowledgeHit) => void;
}

/** The search's matches: a service by its name, an answer by its question and its service. */
export function KnowledgeResults({ catalogue, query, hits, onPick }: Props) {
  const t = useT();
  const text = useBilingualText();
  return (
    <div className="knowledge-results" data-testid="knowledge-results" data-count={hits.length}>
      <p className="hint small" role="status">
        {hits.length === 0 ? t('knowledge.noResults', { query }) : t('knowledge.resultCount', { count: hits.length, query })}
      </p>
      <ul aria-label={t('knowledge.results')}>
        {hits.map((hit) => {
          const service = findService(catalogue, hit.serviceId);
          if (!service) return null;
          const name = text({ zh: service.nameZh, en: service.nameEn });
          const entry = hit.qaId ? service.qa?.find((qa) => qa.id === hit.qaId) : undefined;
          return (
            <li key={`${hit.serviceId}:${hit.qaId ?? ''}`}>
              <button type="button" className="link-button" onClick={() => onPick(hit)}>
                {entry ? text(entry.q) : name}
              </button>
              {entry && <span className="hint small"> {t('knowledge.answerOf', { service: name })}</span>}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
