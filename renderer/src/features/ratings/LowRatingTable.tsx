import { findService } from '../../../../shared/domain/catalogue';
import type { Rating } from '../../../../shared/schemas/visitRating';
import { useT } from '../../lib/i18n';
import { getCatalogue } from '../../lib/referenceData';
import { useLocale } from '../../state/locale';

interface LowRatingTableProps {
  ratings: readonly Rating[];
  /** The rating whose change is being sent: its buttons wait. */
  busyId: string | undefined;
  onAcknowledge: (rating: Rating) => void;
  onOpenPetition: (rating: Rating) => void;
}

/**
 * 今日低評分: each low rating with what the supervisor follows it up by — the score and comment, the
 * service, the counter and clerk, the case number and the time — and what can be done with it.
 */
export function LowRatingTable({ ratings, busyId, onAcknowledge, onOpenPetition }: LowRatingTableProps) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const serviceName = (serviceId: string) => {
    const service = findService(getCatalogue(), serviceId);
    return service ? (locale === 'en' ? service.nameEn : service.nameZh) : serviceId;
  };
  return (
    <table className="supervisor-table" aria-labelledby="low-ratings-heading">
      <thead>
        <tr>
          <th scope="col">{t('ratings.colScore')}</th>
          <th scope="col">{t('ratings.colComment')}</th>
          <th scope="col">{t('ratings.colService')}</th>
          <th scope="col">{t('ratings.colCounter')}</th>
          <th scope="col">{t('ratings.colClerk')}</th>
          <th scope="col">{t('ratings.colCase')}</th>
          <th scope="col">{t('ratings.colTime')}</th>
          <th scope="col">{t('ratings.colActions')}</th>
        </tr>
      </thead>
      <tbody>
        {ratings.map((rating) => (
          <tr key={rating.id}>
            <th scope="row">{t('ratings.score', { score: rating.score })}</th>
            <td>{rating.comment ?? t('ratings.noComment')}</td>
            <td>{serviceName(rating.serviceId)}</td>
            <td>{rating.stationCode}</td>
            <td>{rating.clerk}</td>
            <td className="mono">{rating.caseNo}</td>
            <td>
              {new Date(rating.ratedAt).toLocaleString(locale === 'en' ? 'en' : 'zh-TW')} · {t(`ratings.source.${rating.source}`)}
            </td>
            <td>
              {rating.acknowledgedAt ? (
                <span>{t('ratings.acknowledged')}</span>
              ) : (
                <button type="button" disabled={busyId === rating.id} onClick={() => onAcknowledge(rating)}>
                  {t('ratings.acknowledge')}
                </button>
              )}{' '}
              {rating.petitionId ? (
                <span>{t('ratings.hasPetition')}</span>
              ) : (
                <button type="button" disabled={busyId === rating.id} onClick={() => onOpenPetition(rating)}>
                  {t('ratings.openPetition')}
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
