import { useState } from 'react';
import type { AuditStatus } from '../../../../shared/schemas/auditStatus';
import { useDescribeError } from '../../lib/errorText';
import { useT } from '../../lib/i18n';
import { ApiError, type ApiOptions } from '../../sync/api';
import { currentDeviceHeaders } from '../../state/sessionState';
import { fetchAuditStatus, verifyAuditChain, writeAuditAnchor, type AuditVerification } from './adminApi';
import { instantText } from './instantText';
import { ServerQueryState } from './ServerQueryState';
import { useServerQuery } from './useServerQuery';

/**
 * 稽核紀錄 The audit chain: how many entries, its head, the last anchor written outside the database,
 * and whether the chain verifies; the administrator can write an anchor now and walk the whole chain.
 */
export function AuditStatusView({ api }: { api: ApiOptions }) {
  const t = useT();
  const describeError = useDescribeError();
  const query = useServerQuery(api, fetchAuditStatus);
  const [busy, setBusy] = useState<'anchor' | 'verify'>();
  const [outcome, setOutcome] = useState<string>();
  const [walk, setWalk] = useState<AuditVerification>();
  const call = { ...api, headers: currentDeviceHeaders() };

  async function act(kind: 'anchor' | 'verify') {
    setBusy(kind);
    setOutcome(undefined);
    try {
      if (kind === 'anchor') {
        await writeAuditAnchor(call);
        setOutcome(t('admin.anchorWritten'));
        await query.reload();
      } else setWalk(await verifyAuditChain({ ...call, timeoutMs: 120_000 }));
    } catch (caught) {
      setOutcome(caught instanceof ApiError && caught.status === 404 ? t('admin.notAvailable') : describeError(caught));
    } finally {
      setBusy(undefined);
    }
  }

  return (
    <section className="admin-audit" aria-labelledby="admin-audit-heading" aria-busy={query.loading || busy !== undefined}>
      <h2 id="admin-audit-heading">{t('admin.auditTab')}</h2>
      <p>{t('admin.auditIntro')}</p>
      <ServerQueryState query={query} />
      {query.data && <AuditFacts status={query.data} />}
      <p>
        <button type="button" disabled={busy !== undefined || query.missing} onClick={() => void act('anchor')}>
          {busy === 'anchor' ? t('admin.working') : t('admin.writeAnchor')}
        </button>{' '}
        <button type="button" disabled={busy !== undefined} onClick={() => void act('verify')}>
          {busy === 'verify' ? t('admin.verifying') : t('admin.verifyNow')}
        </button>
      </p>
      <div role="status" aria-live="polite">
        {outcome && <p>{outcome}</p>}
        {walk && <p>{walk.ok ? t('admin.walkOk', { entries: walk.entries }) : t('admin.walkBroken', { seq: walk.seq, entries: walk.entries })}</p>}
      </div>
    </section>
  );
}

function AuditFacts({ status }: { status: AuditStatus }) {
  const t = useT();
  const { verification, lastAnchor, head } = status;
  return (
    <dl className="facts">
      <dt>{t('admin.auditEntries')}</dt>
      <dd>{status.entries}</dd>
      <dt>{t('admin.auditHead')}</dt>
      <dd>
        {t('admin.auditHeadAt', { seq: head.seq, at: head.at ? instantText(head.at) : '—' })} <code className="hash">{head.hash}</code>
      </dd>
      <dt>{t('admin.lastAnchor')}</dt>
      <dd>{lastAnchor ? t('admin.lastAnchorAt', { day: lastAnchor.day, seq: lastAnchor.seq, at: instantText(lastAnchor.writtenAt) }) : t('admin.noAnchor')}</dd>
      <dt>{t('admin.verification')}</dt>
      <dd>
        {verification.ok ? t('admin.verifiedOk', { at: instantText(verification.checkedAt) }) : t('admin.verifiedBroken', { at: instantText(verification.checkedAt) })}
        {verification.problem && <code className="problem"> {verification.problem}</code>}
      </dd>
    </dl>
  );
}
