import { findService } from '../../../../shared/domain/catalogue';
import { maskIdNumber, maskName } from '../../../../shared/domain/masking';
import type { LocalCase } from '../../db/records';
import type { useT } from '../../lib/i18n';
import { rejectionText } from '../../lib/errorText';
import { getCatalogue } from '../../lib/referenceData';
import type { Locale } from '../../state/locale';
import { clockState } from '../notice/deficiency';

/** One case in the list: masked applicant, the clock (due date or paused), and its sync state. */
export function CaseRow({ c, index, locale, t, onOpen }: { c: LocalCase; index: number; locale: Locale; t: ReturnType<typeof useT>; onOpen: (id: string) => void }) {
  const service = findService(getCatalogue(), c.serviceId);
  const clock = clockState(c);
  return (
    <tr data-case-no={c.caseNo} aria-rowindex={index + 2}>
      <td className="mono">{c.caseNo}</td>
      <td className="ellipsis">{service ? (locale === 'en' ? service.nameEn : service.nameZh) : c.serviceId}</td>
      <td>
        {maskName(c.applicant.name)} {maskIdNumber(c.applicant.idNumber)}
      </td>
      <td>{c.receivedOn}</td>
      <td data-testid="clock" data-clock={clock.kind}>
        {clock.kind === 'paused' ? t('clockPausedSince', { date: clock.since }) : clock.dueDate}
      </td>
      <td>{t(`status.${c.status}`)}</td>
      <td data-testid="sync-state" data-state={c.syncState} title={c.syncState === 'rejected' ? rejectionText(locale, c.syncCode, c.caseNo) : undefined}>
        {t(`syncState.${c.syncState}`)}
      </td>
      <td>
        <button type="button" onClick={() => onOpen(c.id)} aria-label={`${t('openCase')} ${c.caseNo}`}>
          {t('openCase')}
        </button>
      </td>
    </tr>
  );
}
