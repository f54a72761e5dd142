import { useCallback, useEffect, useMemo, useState } from 'react';
import type { QueueCase, QueueFilter, SupervisorQueue } from '../../../../shared/schemas/supervision';
import { getCase } from '../../db/caseStore';
import { DateField } from '../dates/DateField';
import { useT } from '../../lib/i18n';
import { useLocale } from '../../state/locale';
import type { MessageKey } from '../../lib/i18n';
import { NetworkError } from '../../sync/api';
import type { ApiOptions } from '../../sync/api';
import type { CaseDecisions } from './caseDecisions';
import { currentDeviceHeaders } from '../../state/sessionState';
import { fetchQueue } from './supervisorApi';
import { getCatalogue } from '../../lib/referenceData';
import { useDescribeError } from '../../lib/errorText';

type Action = 'approve' | 'reject' | 'return' | 'extend';
interface Dialog {
  action: Action;
  item: QueueCase;
  /** For a return: the case's checklist as this device holds it. */
  documents: string[];
}

const riskKeys: Record<QueueCase['risk'], MessageKey> = {
  'at-risk': 'supRiskAtRisk',
  overdue: 'supRiskOverdue',
  'on-track': 'supRiskOnTrack',
  paused: 'supRiskPaused',
  unknown: 'supRiskUnknown',
};

/**
 * The supervisor's workspace: the queue of cases pending approval and of cases at risk, read from the
 * server (online only), with filters; decisions go through `decisions` (the outbox), so a decision
 * made offline is kept and synced later.
 */
export function SupervisorWorkspace({ api, decisions }: { api: ApiOptions; decisions: CaseDecisions }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const describeError = useDescribeError();
  const [filter, setFilter] = useState<QueueFilter>({});
  const [queue, setQueue] = useState<SupervisorQueue>();
  const [error, setError] = useState<string>();
  const [offline, setOffline] = useState(false);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [dialog, setDialog] = useState<Dialog>();
  const [messages, setMessages] = useState<string[]>([]);

  // Keyed on the values, not the object: the caller makes a new `api` object on every render.
  const { serverUrl, token } = api;
  const load = useCallback(async () => {
    try {
      const next = await fetchQueue({ serverUrl, token, headers: currentDeviceHeaders() }, filter);
      setQueue(next);
      setOffline(false);
      setError(undefined);
      setSelected((current) => new Set([...current].filter((id) => next.pendingApproval.some((item) => item.id === id && item.simple))));
    } catch (caught) {
      if (caught instanceof NetworkError) setOffline(true);
      else setError(describeError(caught));
    }
  }, [serverUrl, token, filter, describeError]);

  useEffect(() => {
    void load();
  }, [load]);

  const say = (message: string) => setMessages((current) => [message, ...current].slice(0, 5));

  async function run(item: QueueCase, decide: () => Promise<void>) {
    try {
      await decide();
      say(t('supQueued', { caseNo: item.caseNo }));
      setQueue((current) => current && { ...current, pendingApproval: current.pendingApproval.filter((other) => other.id !== item.id) });
    } catch (caught) {
      say(t('supRefused', { caseNo: item.caseNo, message: describeError(caught) }));
    }
  }

  async function open(action: Action, item: QueueCase) {
    const local = action === 'return' ? await getCase(item.id) : undefined;
    setDialog({ action, item, documents: local ? local.checklist.map((entry) => entry.document) : [] });
  }

  async function bulkApprove() {
    const chosen = queue?.pendingApproval.filter((item) => selected.has(item.id) && item.simple) ?? [];
    for (const item of chosen) await run(item, () => decisions.approve(item.id));
    setSelected(new Set());
  }

  const services = useMemo(() => getCatalogue().services.map((s) => ({ id: s.id, name: locale === 'en' ? s.nameEn : s.nameZh })), [locale]);
  const simpleSelected = queue?.pendingApproval.filter((item) => selected.has(item.id) && item.simple).length ?? 0;

  const deadline = (item: QueueCase) => {
    const days = item.remainingWorkingDays;
    const left = days === null ? '' : days < 0 ? t('supOverdueBy', { days: -days }) : t('supDaysLeft', { days });
    return (
      <>
        <span className={`risk risk-${item.risk}`}>{t(riskKeys[item.risk])}</span> {left}
        {item.predictedDecisionOn && item.risk === 'at-risk' && <div>{t('supPredicted', { date: item.predictedDecisionOn })}</div>}
      </>
    );
  };

  const table = (label: string, rows: readonly QueueCase[], withActions: boolean) => (
    <table className="supervisor-table" aria-label={label}>
      <thead>
        <tr>
          {withActions && <th scope="col"><span className="visually-hidden">{t('supSimple')}</span></th>}
          <th scope="col">{t('supColCase')}</th>
          <th scope="col">{t('supService')}</th>
          <th scope="col">{t('supUnit')}</th>
          <th scope="col">{t('supColApplicant')}</th>
          <th scope="col">{t('supColDue')}</th>
          <th scope="col">{t('supColRisk')}</th>
          {withActions && <th scope="col">{t('supColActions')}</th>}
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 && (
          <tr>
            <td colSpan={withActions ? 8 : 6}>{t('supEmpty')}</td>
          </tr>
        )}
        {rows.map((item) => (
          <tr key={item.id}>
            {withActions && (
              <td>
                {item.simple && (
                  <input
                    type="checkbox"
                    aria-label={t('supSelect', { caseNo: item.caseNo })}
                    checked={selected.has(item.id)}
                    onChange={(event) => {
                      const next = new Set(selected);
                      if (event.target.checked) next.add(item.id);
                      else next.delete(item.id);
                      setSelected(next);
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
            <td>{item.unit}</td>
            <td>
              {item.applicantMasked}
              {item.smsSkipped > 0 && <div className="sms-skipped">{t('supSmsSkipped')}</div>}
            </td>
            <td>{item.dueDate}</td>
            <td>{deadline(item)}</td>
            {withActions && (
              <td className="actions">
                <button type="button" onClick={() => void run(item, () => decisions.approve(item.id))}>
                  {t('supApprove')}
                </button>
                <button type="button" onClick={() => void open('reject', item)}>{t('supReject')}</button>
                <button type="button" onClick={() => void open('return', item)}>{t('supReturn')}</button>
                {!item.extended && (
                  <button type="button" onClick={() => void open('extend', item)}>{t('supExtend')}</button>
                )}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );

  return (
    <section className="supervisor" aria-labelledby="supervisor-heading">
      <h2 id="supervisor-heading">{t('supTab')}</h2>
      <form
        className="supervisor-filters"
        onSubmit={(event) => {
          event.preventDefault();
          void load();
        }}
      >
        <label>
          {t('supUnit')}
          <select value={filter.unit ?? ''} onChange={(event) => setFilter({ ...filter, unit: event.target.value || undefined })}>
            <option value="">{t('supAll')}</option>
            {(queue?.units ?? []).map((unit) => (
              <option key={unit} value={unit}>{unit}</option>
            ))}
          </select>
        </label>
        <label>
          {t('supService')}
          <select value={filter.service ?? ''} onChange={(event) => setFilter({ ...filter, service: event.target.value || undefined })}>
            <option value="">{t('supAll')}</option>
            {services.map((service) => (
              <option key={service.id} value={service.id}>{service.name}</option>
            ))}
          </select>
        </label>
        <DateField id="supervisor-due-by" label={t('supDueBy')} value={filter.dueBy ?? ''} onChange={(dueBy) => setFilter({ ...filter, dueBy: dueBy || undefined })} />
        <button type="submit">{t('supRefresh')}</button>
      </form>
      {offline && <p role="alert" className="offline">{t('supOffline')}</p>}
      {error && <p role="alert">{t('supLoadFailed', { message: error })}</p>}
      <div role="status" aria-live="polite">
        {messages.map((message, index) => (
          <p key={`${index}-${message}`}>{message}</p>
        ))}
      </div>
      <h3>{t('supPending')}</h3>
      <button type="button" disabled={simpleSelected === 0} onClick={() => void bulkApprove()}>
        {t('supBulkApprove', { count: simpleSelected })}
      </button>
      {table(t('supPending'), queue?.pendingApproval ?? [], true)}
      <h3>{t('supAtRisk')}</h3>
      {table(t('supAtRisk'), queue?.atRisk ?? [], false)}
      {dialog && (
        <DecisionDialog
          dialog={dialog}
          onCancel={() => setDialog(undefined)}
          onConfirm={(reason, days, missing) => {
            const { action, item } = dialog;
            setDialog(undefined);
            void run(item, () =>
              action === 'reject'
                ? decisions.reject(item.id, reason)
                : action === 'return'
                  ? decisions.returnForDocuments(item.id, reason, missing)
                  : action === 'extend'
                    ? decisions.extend(item.id, days, reason)
                    : decisions.approve(item.id, reason),
            );
          }}
        />
      )}
    </section>
  );
}

function DecisionDialog({ dialog, onCancel, onConfirm }: { dialog: Dialog; onCancel: () => void; onConfirm: (reason: string, days: number, missing: string[]) => void }) {
  const t = useT();
  const [reason, setReason] = useState('');
  const [days, setDays] = useState(5);
  const [missing, setMissing] = useState<string[]>([]);
  const [invalid, setInvalid] = useState(false);
  const title = t(dialog.action === 'reject' ? 'supReject' : dialog.action === 'return' ? 'supReturn' : dialog.action === 'extend' ? 'supExtend' : 'supApprove');
  return (
    <div role="dialog" aria-modal="true" aria-labelledby="decision-title" className="decision-dialog">
      <h3 id="decision-title">
        {title} · {dialog.item.caseNo}
      </h3>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (reason.trim() === '') {
            setInvalid(true);
            return;
          }
          onConfirm(reason.trim(), days, missing);
        }}
      >
        <label>
          {t('supReason')}
          <textarea value={reason} maxLength={500} required aria-invalid={invalid} aria-describedby={invalid ? 'reason-error' : undefined} onChange={(event) => setReason(event.target.value)} />
        </label>
        {invalid && <p id="reason-error" role="alert">{t('supReasonRequired')}</p>}
        {dialog.action === 'extend' && (
          <label>
            {t('supExtensionDays')}
            <input type="number" min={1} max={730} value={days} onChange={(event) => setDays(Number(event.target.value))} />
          </label>
        )}
        {dialog.action === 'return' && dialog.documents.length > 0 && (
          <fieldset>
            <legend>{t('supMissingDocs')}</legend>
            {dialog.documents.map((document) => (
              <label key={document}>
                <input
                  type="checkbox"
                  checked={missing.includes(document)}
                  onChange={(event) => setMissing(event.target.checked ? [...missing, document] : missing.filter((other) => other !== document))}
                />
                {document}
              </label>
            ))}
          </fieldset>
        )}
        <button type="submit">{t('supConfirm')}</button>
        <button type="button" onClick={onCancel}>{t('supCancel')}</button>
      </form>
    </div>
  );
}
