import { useMemo, useState, type FormEvent } from 'react';
import type { Bilingual } from '../../../../shared/domain/bilingual';
import { deskActorOf } from '../../lib/caseSteps';
import type { LocalCase } from '../../db/records';
import { useDescribeError } from '../../lib/errorText';
import { LabelledField } from '../../lib/LabelledField';
import { translateBoth, useT } from '../../lib/i18n';
import { useSession } from '../../state/sessionState';
import { SignaturePanel } from '../signature/SignaturePanel';
import { WITHDRAWAL_REASON_MAX, withdrawCase, withdrawalContent } from './withdrawal';

interface Props {
  record: LocalCase;
  onCancel: () => void;
  onWithdrawn: (record: LocalCase) => void;
}

/**
 * The withdrawal dialog: the reason, then the applicant signs what the pad shows (the case and that
 * reason: a later change to the reason needs a new signature), then the case is withdrawn. Nothing is
 * withdrawn before the signature covers the reason; a refusal is said in words and keeps what was typed.
 */
export function WithdrawalDialog({ record, onCancel, onWithdrawn }: Props) {
  const t = useT();
  const describeError = useDescribeError();
  const session = useSession((s) => s.session);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<Bilingual>();
  const [signatureId, setSignatureId] = useState<string>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const content = useMemo(() => withdrawalContent(record, reason), [record, reason]);

  async function confirm(event: FormEvent) {
    event.preventDefault();
    if (!reason.trim()) {
      setReasonError(translateBoth('withdraw.reasonRequired'));
      document.getElementById('withdraw-reason')?.focus();
      return;
    }
    if (!signatureId || !session || busy) {
      setError(t('withdraw.signFirst'));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      onWithdrawn(await withdrawCase(record.id, reason, signatureId, deskActorOf(session.user)));
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div role="dialog" aria-modal="true" aria-labelledby="withdraw-title" className="decision-dialog case-dialog" onKeyDown={(event) => event.key === 'Escape' && onCancel()}>
      <h2 id="withdraw-title">{t('withdraw.title', { caseNo: record.caseNo })}</h2>
      <form onSubmit={(event) => void confirm(event)} noValidate>
        <LabelledField
          id="withdraw-reason"
          label={t('withdraw.reason')}
          hint={t('withdraw.reasonHint')}
          value={reason}
          onChange={(next) => {
            setReason(next);
            if (next.trim()) setReasonError(undefined);
          }}
          autoFocus
          rows={2}
          maxLength={WITHDRAWAL_REASON_MAX}
          error={reasonError}
        />
        <h3>{t('withdraw.signHeading')}</h3>
        <SignaturePanel
          caseId={record.id}
          contentToSign={content}
          purpose="withdrawal"
          label={t('withdraw.signHeading')}
          onCoverageChange={(covers, id) => setSignatureId(covers ? id : undefined)}
          serverDocuments={record.documents}
        />
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <div className="button-row">
          <button type="submit" disabled={busy} aria-describedby={signatureId ? undefined : 'withdraw-sign-first'}>
            {busy ? t('saving') : t('withdraw.confirm')}
          </button>
          <button type="button" onClick={onCancel}>
            {t('withdraw.cancel')}
          </button>
        </div>
        {!signatureId && (
          <p id="withdraw-sign-first" className="hint small">
            {t('withdraw.signFirst')}
          </p>
        )}
      </form>
    </div>
  );
}
