import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { findService } from '../../../../shared/domain/catalogue';
import { useT } from '../../lib/i18n';
import { getCatalogue } from '../../lib/referenceData';
import { knowledgeIndexFor, searchKnowledge, type KnowledgeHit } from './knowledgeIndex';
import { KnowledgeResults } from './KnowledgeResults';
import { ServiceKnowledge } from './ServiceKnowledge';
import './knowledge.css';

interface Props {
  /** The service chosen in the intake, shown first. */
  serviceId?: string | undefined;
  onClose: () => void;
}

/**
 * The procedure panel beside the intake: the chosen service's knowledge, and a search across every
 * service and answer. Not modal — the clerk keeps the intake in view and can read while the applicant
 * talks; Esc anywhere in it closes it (the opener puts focus back).
 */
export function KnowledgePanel({ serviceId, onClose }: Props) {
  const t = useT();
  const catalogue = getCatalogue();
  const [query, setQuery] = useState('');
  const [picked, setPicked] = useState<KnowledgeHit>();
  const searchRef = useRef<HTMLInputElement>(null);
  const hits = useMemo(() => searchKnowledge(knowledgeIndexFor(catalogue), query), [catalogue, query]);
  const shownId = picked?.serviceId ?? serviceId;
  const shown = shownId ? findService(catalogue, shownId) : undefined;

  useEffect(() => searchRef.current?.focus(), []);

  function onKeyDown(event: KeyboardEvent) {
    if (event.key !== 'Escape') return;
    // The intake's own Esc (back one field) must not also run.
    event.preventDefault();
    event.stopPropagation();
    onClose();
  }

  function pick(hit: KnowledgeHit) {
    setPicked(hit);
    setQuery('');
    requestAnimationFrame(() => {
      const target = hit.qaId ? document.querySelector<HTMLElement>(`.knowledge-panel [data-qa="${hit.qaId}"]`) : undefined;
      target?.scrollIntoView({ block: 'nearest' });
      document.getElementById('knowledge-service-name')?.focus();
    });
  }

  return (
    <div className="knowledge-panel" role="dialog" aria-modal="false" aria-labelledby="knowledge-title" onKeyDown={onKeyDown} data-testid="knowledge-panel">
      <div className="knowledge-head">
        <h2 id="knowledge-title">{t('knowledge.title')}</h2>
        <button type="button" onClick={onClose}>
          {t('knowledge.close')}
        </button>
      </div>
      <label htmlFor="knowledge-search">{t('knowledge.search')}</label>
      <input ref={searchRef} id="knowledge-search" type="search" autoComplete="off" spellCheck={false} value={query} onChange={(e) => setQuery(e.target.value)} aria-describedby="knowledge-hint" />
      <p id="knowledge-hint" className="hint small">
        {t('knowledge.hint')}
      </p>
      {query.trim() !== '' && <KnowledgeResults catalogue={catalogue} query={query.trim()} hits={hits} onPick={pick} />}
      {shown ? <ServiceKnowledge service={shown} qaId={picked?.serviceId === shown.id ? picked.qaId : undefined} /> : <p>{t('knowledge.noService')}</p>}
    </div>
  );
}
