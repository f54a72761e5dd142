import { describeLimit, type Service } from '../../../../shared/domain/catalogue';
import { useT } from '../../lib/i18n';
import { useBilingualText } from './useBilingualText';

interface Props {
  service: Service;
  /** The answer a search led to: it is marked and scrolled into view. */
  qaId?: string | undefined;
}

/** One service's knowledge as the panel shows it: limit and its source, window, notes, steps, law, fees, Q&A. */
export function ServiceKnowledge({ service, qaId }: Props) {
  const t = useT();
  const text = useBilingualText();
  return (
    <section className="knowledge-service" aria-labelledby="knowledge-service-name">
      <h3 id="knowledge-service-name" tabIndex={-1}>
        {text({ zh: service.nameZh, en: service.nameEn })}
      </h3>
      <dl className="knowledge-facts">
        <dt>{t('knowledge.limit')}</dt>
        <dd>
          {text(describeLimit(service.limit))}
          <span className="hint small"> {t('knowledge.limitSource', { source: service.source })}</span>
          {!service.verified && <strong className="knowledge-unverified"> {t('limitUnverified')}</strong>}
        </dd>
        {service.filingWindow && (
          <>
            <dt>{t('knowledge.filingWindow')}</dt>
            <dd>{service.filingWindow}</dd>
          </>
        )}
        {service.note && (
          <>
            <dt>{t('knowledge.note')}</dt>
            <dd>{service.note}</dd>
          </>
        )}
        {service.legalBasis && (
          <>
            <dt>{t('knowledge.legalBasis')}</dt>
            <dd>{service.legalBasis}</dd>
          </>
        )}
        <dt>{t('knowledge.fees')}</dt>
        <dd>{service.fees ? text(service.fees) : t('knowledge.free')}</dd>
      </dl>
      {service.procedure && service.procedure.length > 0 && (
        <>
          <h4>{t('knowledge.procedure')}</h4>
          <ol className="knowledge-steps">
            {service.procedure.map((step, n) => (
              <li key={n}>{text(step)}</li>
            ))}
          </ol>
        </>
      )}
      {service.qa && service.qa.length > 0 && (
        <>
          <h4>{t('knowledge.qa')}</h4>
          <dl className="knowledge-qa">
            {service.qa.map((entry) => (
              <div key={entry.id} data-qa={entry.id} className={entry.id === qaId ? 'knowledge-qa-found' : undefined}>
                <dt>{text(entry.q)}</dt>
                <dd>{text(entry.a)}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
    </section>
  );
}
