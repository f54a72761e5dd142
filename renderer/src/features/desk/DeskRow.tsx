import { memo } from 'react';
import { findService } from '../../../../shared/domain/catalogue';
import type { LocalCase } from '../../db/records';
import { useT } from '../../lib/i18n';
import { getCatalogue, referenceFor } from '../../lib/referenceData';
import { QueueDeadline } from '../supervisor/QueueDeadline';
import { CaseRowFrame, ClockCell } from '../windowedList/CaseRowFrame';
import { deskDeadline } from './deskRisk';

/**
 * One case on a desk list: masked applicant, status (and a supervisor's return), due date, and its
 * risk. Memoised: a filter change renders the list again before its new rows arrive, and the rows
 * already on screen need not be worked out again.
 */
export const DeskRow = memo(function DeskRow({ c, index, today, onOpen }: { c: LocalCase; index: number; today: string; onOpen: (caseId: string) => void }) {
  const t = useT();
  const service = findService(getCatalogue(), c.serviceId);
  const deadline = deskDeadline(c, service, today, referenceFor(c.versions).calendar);
  return (
    <CaseRowFrame c={c} service={service} index={index} onOpen={onOpen}>
      <td>
        {t(`status.${c.status}`)}
        {c.desk?.returned && c.status === 'in-review' && <span className="tag">{t('desk.returned')}</span>}
      </td>
      <ClockCell c={c} />
      <td data-risk={deadline?.risk ?? 'decided'}>{deadline ? <QueueDeadline item={deadline} /> : t('desk.decided')}</td>
    </CaseRowFrame>
  );
});
