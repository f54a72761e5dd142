import type { Petition } from '../../../../shared/schemas/visitRating';
import { useT } from '../../lib/i18n';
import { useLocale } from '../../state/locale';

/** 陳情案件: the open complaints first as the server orders them, each with its resolution once closed. */
export function PetitionList({ petitions, onClose }: { petitions: readonly Petition[]; onClose: (petition: Petition) => void }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  if (petitions.length === 0) return <p>{t('ratings.petitionsNone')}</p>;
  return (
    <table className="supervisor-table" aria-labelledby="petitions-heading">
      <thead>
        <tr>
          <th scope="col">{t('ratings.colCase')}</th>
          <th scope="col">{t('ratings.colOpened')}</th>
          <th scope="col">{t('ratings.colSummary')}</th>
          <th scope="col">{t('ratings.colComment')}</th>
          <th scope="col">{t('ratings.colStatus')}</th>
          <th scope="col">{t('ratings.colResolution')}</th>
          <th scope="col">{t('ratings.colActions')}</th>
        </tr>
      </thead>
      <tbody>
        {petitions.map((petition) => (
          <tr key={petition.id}>
            <th scope="row" className="mono">
              {petition.caseNo}
            </th>
            <td>
              {new Date(petition.openedAt).toLocaleString(locale === 'en' ? 'en' : 'zh-TW')} · {petition.openedBy}
            </td>
            <td>{petition.summary}</td>
            <td>{petition.comment ?? t('ratings.noComment')}</td>
            <td>{t(`ratings.status.${petition.status}`)}</td>
            <td>{petition.resolution ?? '—'}</td>
            <td>
              {petition.status === 'open' && (
                <button type="button" onClick={() => onClose(petition)}>
                  {t('ratings.closePetition')}
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
