import { findService } from '../../../../shared/domain/catalogue';
import { maskIdNumber, maskName } from '../../../../shared/domain/masking';
import type { OfficeCalendar } from '../../../../shared/domain/calendar';
import type { LocalCase } from '../../db/records';
import type { useT } from '../../lib/i18n';
import { getCatalogue } from '../../lib/referenceData';
import type { Locale } from '../../state/locale';
import { clockState } from '../notice/deficiency';
import { QueueDeadline } from '../supervisor/QueueDeadline';
import { deskDeadline } from './deskRisk';

export interface DeskRowContext {
  locale: Locale;
  t: ReturnType<typeof useT>;
  today: string;
  calendar: OfficeCalendar;
  onOpen: (caseId: string) => void;
}

/** One case on a desk list: masked applicant, status (and a supervisor's return), due date, and its risk. */
export function DeskRow({ c, index, context }: { c: LocalCase; index: number; context: DeskRowContext }) {
  const { locale, t, today, calendar, onOpen } = context;
  const service = findService(getCatalogue(), c.serviceId);
  const clock = clockState(c, service);
  const deadline = deskDeadline(c, service, today, calendar);
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
}
