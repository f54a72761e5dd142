import { useState } from 'react';
import { ON_TIME_TARGET } from '../../../../shared/schemas/supervision';
import type { QueueCase, QueueFilter } from '../../../../shared/schemas/supervision';
import { useDescribeError } from '../../lib/errorText';
import { useT } from '../../lib/i18n';
import type { ApiOptions } from '../../sync/api';
import { BureauCaseForm } from '../intake/BureauCaseForm';
import { applyDecision, decisionContext, type CaseDecisions, type DecisionAction } from './caseDecisions';
import { DecisionDialog, type Decision } from './DecisionDialog';
import { OnTimeThisMonth } from './OnTimeThisMonth';
import { QueueTable } from './QueueTable';
import { RenewalList } from './RenewalList';
import { SupervisorFilters } from './SupervisorFilters';
import { useSupervisorQueue } from './useSupervisorQueue';

interface Props {
  api: ApiOptions;
  decisions: CaseDecisions;
  /** A case opened here (主動立案) was saved: sync it soon. */
  onCaseSaved?: () => void;
}

/**
 * The supervisor's workspace: the queue of cases pending approval and of cases at risk, read from the
 * server (online only), with filters; decisions are desk steps through `decisions` (the outbox), so a
 * decision made offline is kept and synced later. A case the bureau opens itself starts here too.
 */
export function SupervisorWorkspace({ api, decisions, onCaseSaved }: Props) {
  const t = useT();
  const describeError = useDescribeError();
  const [filter, setFilter] = useState<QueueFilter>({});
  const { queue, setQueue, error, offline, selected, setSelected, load } = useSupervisorQueue(api, filter);
  const [dialog, setDialog] = useState<Decision>();
  const [opening, setOpening] = useState(false);
  const [messages, setMessages] = useState<string[]>([]);

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

  async function open(action: DecisionAction, item: QueueCase) {
    setDialog({ action, item, ...(await decisionContext(item.id)) });
  }

  /** Approving as proposed needs no words; approving a proposal to reject asks for the reasons first. */
  async function approve(item: QueueCase) {
    const context = await decisionContext(item.id);
    if (context.proposal?.outcome === 'reject') setDialog({ action: 'approve', item, ...context });
    else await run(item, () => decisions.approve(item.id));
  }

  async function bulkApprove() {
    const chosen = queue?.pendingApproval.filter((item) => selected.has(item.id) && item.simple) ?? [];
    for (const item of chosen) await run(item, () => decisions.approve(item.id));
    setSelected(new Set());
  }

  const simpleSelected = queue?.pendingApproval.filter((item) => selected.has(item.id) && item.simple).length ?? 0;

  if (opening) {
    return <BureauCaseForm closeLabel={t('bureau.close')} onSaved={() => onCaseSaved?.()} onClose={() => setOpening(false)} />;
  }
  return (
    <section className="supervisor" aria-labelledby="supervisor-heading">
      <h2 id="supervisor-heading">{t('supTab')}</h2>
      <OnTimeThisMonth rate={queue?.onTimeThisMonth} target={ON_TIME_TARGET} />
      <button type="button" onClick={() => setOpening(true)}>
        {t('bureau.open')}
      </button>
      <SupervisorFilters filter={filter} onFilter={setFilter} units={queue?.unitNames ?? []} onRefresh={() => void load()} />
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
      <QueueTable
        label={t('supPending')}
        rows={queue?.pendingApproval ?? []}
        actions={{ selected, onSelected: setSelected, onApprove: (item) => void approve(item), onOpen: (action, item) => void open(action, item) }}
      />
      <h3>{t('supAtRisk')}</h3>
      <QueueTable label={t('supAtRisk')} rows={queue?.atRisk ?? []} />
      <RenewalList api={api} />
      {dialog && (
        <DecisionDialog
          dialog={dialog}
          onCancel={() => setDialog(undefined)}
          onConfirm={(reason, days, missing) => {
            const { action, item } = dialog;
            setDialog(undefined);
            void run(item, () => applyDecision(decisions, action, item.id, { reason, days, missing }));
          }}
        />
      )}
    </section>
  );
}
