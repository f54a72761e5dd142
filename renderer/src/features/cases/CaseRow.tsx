import { findService } from '../../../../shared/domain/catalogue';
import type { LocalCase } from '../../db/records';
import { rejectionText } from '../../lib/errorText';
import { useT } from '../../lib/i18n';
import { getCatalogue } from '../../lib/referenceData';
import { useLocale } from '../../state/locale';
import { CaseRowFrame, ClockCell } from '../windowedList/CaseRowFrame';

/** One case in the list: masked applicant, the clock (due date or paused), and its sync state. */
export function CaseRow({ c, index, onOpen }: { c: LocalCase; index: number; onOpen: (id: string) => void }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const service = findService(getCatalogue(), c.serviceId);
  return (
    <CaseRowFrame c={c} service={service} index={index} onOpen={onOpen}>
      <td>{c.receivedOn}</td>
      <ClockCell c={c} />
      <td>{t(`status.${c.status}`)}</td>
      <td data-testid="sync-state" data-state={c.syncState} title={c.syncState === 'rejected' ? rejectionText(locale, c.syncCode, c.caseNo) : undefined}>
        {t(`syncState.${c.syncState}`)}
      </td>
    </CaseRowFrame>
  );
}
