import { memo } from 'react';
import { findService } from '../../../../shared/domain/catalogue';
import { maskIdNumber, maskName } from '../../../../shared/domain/masking';
import type { LocalCase } from '../../db/records';
import { useT } from '../../lib/i18n';
import { getCatalogue, referenceFor } from '../../lib/referenceData';
import { useLocale } from '../../state/locale';
import { clockState } from '../notice/deficiency';
import { QueueDeadline } from '../supervisor/QueueDeadline';
import { deskDeadline } from './deskRisk';

/**
 * One case on a desk list: masked applicant, status (and a supervisor's return), due date, and its
 * risk. Memoised: a filter change renders the list again before its new rows arrive, and the rows
 * already on screen need not be worked out again.
 */
export const DeskRow = memo(function DeskRow({ c, index, today, onOpen }: { c: LocalCase; index: number; today: string; onOpen: (caseId: string) => void }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const service = findService(getCatalogue(), c.serviceId);
  const clock = clockState(c);
  const deadline = deskDeadline(c, service, today, referenceFor(c.versions).calendar);
  return (
    <tr data-case-no={c.caseNo} aria-rowindex={index + 2}>
      <td className="mono">{c.caseNo}</td>
      <td className="ellipsis">{service ? (locale === 'en' ? service.nameEn : service.nameZh) : c.serviceId}</td>
      <td>
        {maskName(c.applicant.name)} {maskIdNumber(c.applicant.idNumber)}
      </td>
      <td>
        {t(`status.${c.status}`)}
        {c.desk?.returned && c.status === 'in-review' && <span className="tag">{t('desk.returned')}</span>}
      </td>
      <td data-clock={clock.kind}>{clock.kind === 'paused' ? t('clockPausedSince', { date: clock.since }) : clock.dueDate}</td>
      <td data-risk={deadline?.risk ?? 'decided'}>{deadline ? <QueueDeadline item={deadline} /> : t('desk.decided')}</td>
      <td>
        <button type="button" onClick={() => onOpen(c.id)} aria-label={`${t('openCase')} ${c.caseNo}`}>
          {t('openCase')}
        </button>
      </td>
    </tr>
  );
});
