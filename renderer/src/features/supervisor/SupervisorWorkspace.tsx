import { useState } from 'react';
import { ON_TIME_TARGET } from '../../../../shared/schemas/supervision';
import type { QueueCase, QueueFilter } from '../../../../shared/schemas/supervision';
import { getCase } from '../../db/caseStore';
import { useDescribeError } from '../../lib/errorText';
import { useT } from '../../lib/i18n';
import type { ApiOptions } from '../../sync/api';
import type { CaseDecisions } from './caseDecisions';
import { DecisionDialog, type Decision, type DecisionAction } from './DecisionDialog';
import { OnTimeThisMonth } from './OnTimeThisMonth';
import { QueueTable } from './QueueTable';
import { RenewalList } from './RenewalList';
import { SupervisorFilters } from './SupervisorFilters';
import { useSupervisorQueue } from './useSupervisorQueue';

/**
 * The supervisor's workspace: the queue of cases pending approval and of cases at risk, read from the
 * server (online only), with filters; decisions go through `decisions` (the outbox), so a decision
 * made offline is kept and synced later.
 */
export function SupervisorWorkspace({ api, decisions }: { api: ApiOptions; decisions: CaseDecisions }) {
  const t = useT();
  const describeError = useDescribeError();
  const [filter, setFilter] = useState<QueueFilter>({});
  const { queue, setQueue, error, offline, selected, setSelected, load } = useSupervisorQueue(api, filter);
  const [dialog, setDialog] = useState<Decision>();
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
    const local = action === 'return' ? await getCase(item.id) : undefined;
    setDialog({ action, item, documents: local ? local.checklist.map((entry) => entry.document) : [] });
  }

  async function bulkApprove() {
    const chosen = queue?.pendingApproval.filter((item) => selected.has(item.id) && item.simple) ?? [];
    for (const item of chosen) await run(item, () => decisions.approve(item.id));
    setSelected(new Set());
  }

  const simpleSelected = queue?.pendingApproval.filter((item) => selected.has(item.id) && item.simple).length ?? 0;

  return (
    <section className="supervisor" aria-labelledby="supervisor-heading">
      <h2 id="supervisor-heading">{t('supTab')}</h2>
      <OnTimeThisMonth rate={queue?.onTimeThisMonth} target={ON_TIME_TARGET} />
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
        actions={{ selected, onSelected: setSelected, onApprove: (item) => void run(item, () => decisions.approve(item.id)), onOpen: (action, item) => void open(action, item) }}
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
