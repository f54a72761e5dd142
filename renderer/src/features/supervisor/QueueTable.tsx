import type { QueueCase } from '../../../../shared/schemas/supervision';
import { useT } from '../../lib/i18n';
import { useLocale } from '../../state/locale';
import type { DecisionAction } from './caseDecisions';
import { QueueDeadline } from './QueueDeadline';
import { QueueProposal } from './QueueProposal';

export interface QueueActions {
  selected: ReadonlySet<string>;
  onSelected: (next: ReadonlySet<string>) => void;
  onApprove: (item: QueueCase) => void;
  onOpen: (action: DecisionAction, item: QueueCase) => void;
}

/** A table of queued cases; with `actions`, each row can be selected (simple cases) and decided. */
export function QueueTable({ label, rows, actions }: { label: string; rows: readonly QueueCase[]; actions?: QueueActions }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const withActions = actions !== undefined;
  return (
    <table className="supervisor-table" aria-label={label}>
      <thead>
        <tr>
          {withActions && <th scope="col"><span className="visually-hidden">{t('supSimple')}</span></th>}
          <th scope="col">{t('supColCase')}</th>
          <th scope="col">{t('supService')}</th>
          <th scope="col">{t('supUnit')}</th>
          <th scope="col">{t('supColOfficer')}</th>
          <th scope="col">{t('supColApplicant')}</th>
          <th scope="col">{t('supColDue')}</th>
          <th scope="col">{t('supColRisk')}</th>
          {withActions && <th scope="col">{t('supColProposal')}</th>}
          {withActions && <th scope="col">{t('supColActions')}</th>}
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 && (
          <tr>
            <td colSpan={withActions ? 10 : 7}>{t('supEmpty')}</td>
          </tr>
        )}
        {rows.map((item) => (
          <tr key={item.id}>
            {actions && (
              <td>
                {item.simple && (
                  <input
                    type="checkbox"
                    aria-label={t('supSelect', { caseNo: item.caseNo })}
                    checked={actions.selected.has(item.id)}
                    onChange={(event) => {
                      const next = new Set(actions.selected);
                      if (event.target.checked) next.add(item.id);
                      else next.delete(item.id);
                      actions.onSelected(next);
                    }}
                  />
                )}
              </td>
            )}
            <td>
              {item.caseNo}
              {item.simple && withActions && <span className="tag">{t('supSimple')}</span>}
              {item.extended && <span className="tag">{t('supExtended')}</span>}
            </td>
            <td>{locale === 'en' ? item.serviceNameEn : item.serviceNameZh}</td>
            <td>{(locale === 'en' ? item.unitNameEn : item.unitNameZh) || item.unit}</td>
            <td>{item.assigneeName ?? t('supUnassigned')}</td>
            <td>
              {item.applicantMasked}
              {item.smsSkipped > 0 && <div className="sms-skipped">{t('supSmsSkipped')}</div>}
            </td>
            <td>{item.dueDate}</td>
            <td>
              <QueueDeadline item={item} />
            </td>
            {actions && (
              <td>
                <QueueProposal item={item} />
              </td>
            )}
            {actions && (
              <td className="actions">
                <button type="button" onClick={() => actions.onApprove(item)}>
                  {t('supApprove')}
                </button>
                <button type="button" onClick={() => actions.onOpen('reject', item)}>{t('supReject')}</button>
                <button type="button" onClick={() => actions.onOpen('return', item)}>{t('decide.returnToOfficer')}</button>
                <button type="button" onClick={() => actions.onOpen('return-documents', item)}>{t('supReturn')}</button>
                {!item.extended && (
                  <button type="button" onClick={() => actions.onOpen('extend', item)}>{t('supExtend')}</button>
                )}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
