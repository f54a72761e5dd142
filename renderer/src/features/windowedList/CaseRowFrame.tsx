import type { ReactNode } from 'react';
import type { Service } from '../../../../shared/domain/catalogue';
import { maskIdNumber, maskName } from '../../../../shared/domain/masking';
import type { LocalCase } from '../../db/records';
import { useT } from '../../lib/i18n';
import { useLocale } from '../../state/locale';
import { clockState } from '../notice/deficiency';

/**
 * One case's row in a windowed case table: its number, service and masked applicant first, then the
 * list's own cells (`children`), and last the button that opens it, named with the case number.
 */
export function CaseRowFrame({ c, service, index, onOpen, children }: { c: LocalCase; service: Service | undefined; index: number; onOpen: (caseId: string) => void; children: ReactNode }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  return (
    <tr data-case-no={c.caseNo} aria-rowindex={index + 2}>
      <td className="mono">{c.caseNo}</td>
      <td className="ellipsis">{service ? (locale === 'en' ? service.nameEn : service.nameZh) : c.serviceId}</td>
      <td>
        {maskName(c.applicant.name)} {maskIdNumber(c.applicant.idNumber)}
      </td>
      {children}
      <td>
        <button type="button" onClick={() => onOpen(c.id)} aria-label={`${t('openCase')} ${c.caseNo}`}>
          {t('openCase')}
        </button>
      </td>
    </tr>
  );
}

/** A case's clock cell: its due date, or since when it is paused (awaiting documents). */
export function ClockCell({ c }: { c: LocalCase }) {
  const t = useT();
  const clock = clockState(c);
  return (
    <td data-testid="clock" data-clock={clock.kind}>
      {clock.kind === 'paused' ? t('clockPausedSince', { date: clock.since }) : clock.dueDate}
    </td>
  );
}
