import { CaseDocuments } from '../documents/CaseDocuments';
import { SignaturePanel } from '../signature/SignaturePanel';
import { caseContentToSign } from '../signature/signatureBinding';
import { applicantPresent } from '../../../../shared/domain/intakeChannel';
import type { JsonValue } from '../signature/signatureBinding';
import { useMemo, useState } from 'react';
import { taipeiDate } from '../../../../shared/domain/rocDate';
import { recordAudit } from '../../db/auditStore';
import { updateCase } from '../../db/caseStore';
import { useDescribeError } from '../../lib/errorText';
import { useT } from '../../lib/i18n';
import { CaseFacts } from './CaseFacts';
import { CaseHistory } from './CaseHistory';
import { SupplyDocuments } from './SupplyDocuments';
import { useCaseRecord } from './useCaseRecord';
import { useAltShortcuts } from '../../lib/shortcuts';
import { useSession } from '../../state/sessionState';
import type { ApiOptions } from '../../sync/api';
import { missingDocuments, supplyDocuments } from '../notice/deficiency';
import { usePrintJob } from '../../state/printJob';
import { ReviewConflicts } from '../sync/ReviewConflicts';
import { DecisionLetterButton } from '../letter/DecisionLetterButton';
import { WithdrawButton } from '../withdrawal/WithdrawButton';
import { ReexaminationLinks } from '../reexamination/ReexaminationLinks';
import { CaseSteps } from '../desk/CaseSteps';

/**
 * Everything about one case: applicant, checklist, clock and its pauses, sync state, the audit
 * history, reprints, and recording the documents supplied later (補正), which resumes the clock.
 * Opening it is logged: taxpayer data is secret (稅捐稽徵法 §33).
 */
interface CaseDetailProps {
  caseId: string;
  onBack: () => void;
  onChanged: () => void;
  api?: ApiOptions;
  /** Opens another case (a re-examination and the case it re-examines link to each other). */
  onOpenCase?: (caseId: string) => void;
  /** Starts a re-examination's intake for this decided case. */
  onReexamine?: (caseId: string) => void;
}

export function CaseDetail({ caseId, onBack, onChanged, api, onOpenCase, onReexamine }: CaseDetailProps) {
  const t = useT();
  const describeError = useDescribeError();
  const { printReceipt, printNotice } = usePrintJob();
  const username = useSession((s) => s.session?.user.username ?? '');
  const { record, setRecord, history, feedback, reload } = useCaseRecord(caseId);
  const [message, setMessage] = useState<string>();

  useAltShortcuts({ b: onBack, p: record ? () => reprint('receipt') : undefined, d: record?.deficiency ? () => reprint('notice') : undefined });

  function reprint(kind: 'receipt' | 'notice') {
    if (!record) return;
    if (kind === 'receipt') printReceipt(record);
    else printNotice(record);
    void recordAudit(record.id, username, kind === 'receipt' ? 'printed-receipt' : 'printed-notice').then(reload);
  }

  /** True when the documents were recorded (the clock resumes); the ticks are then cleared. */
  async function recordSupplied(supplied: string[]): Promise<boolean> {
    if (!record) return false;
    try {
      const next = await updateCase(record.id, (current) => supplyDocuments(current, supplied, taipeiDate(new Date())));
      await recordAudit(record.id, username, 'documents-supplied', supplied.join('; '));
      setRecord(next);
      setMessage(t('documentsSupplied'));
      reload();
      onChanged();
      return true;
    } catch (error) {
      setMessage(describeError(error));
      return false;
    }
  }

  // What the citizen signs: the intake as it was entered. A later change to any of it shows the
  // signature as no longer covering the case.
  const contentToSign = useMemo<JsonValue | null>(
    () => (record ? caseContentToSign(record) : null),
    [record],
  );

  if (record === undefined) return <p role="status">{t('loading')}</p>;
  if (record === null) return <p role="alert">{t('noCases')}</p>;
  const missing = missingDocuments(record.checklist);

  return (
    <section className="case-detail" aria-labelledby="case-detail-title" data-case-no={record.caseNo}>
      <div className="button-row">
        <button type="button" onClick={onBack} aria-keyshortcuts="Alt+B">
          {t('backToList')} <kbd>Alt+B</kbd>
        </button>
        <button type="button" onClick={() => reprint('receipt')} aria-keyshortcuts="Alt+P">
          {t('printReceipt')} <kbd>Alt+P</kbd>
        </button>
        {record.deficiency && (
          <button type="button" onClick={() => reprint('notice')} aria-keyshortcuts="Alt+D">
            {t('printNotice')} <kbd>Alt+D</kbd>
          </button>
        )}
        <DecisionLetterButton record={record} onPrinted={reload} />
        <WithdrawButton
          record={record}
          onWithdrawn={(next) => {
            setRecord(next);
            setMessage(t('withdraw.done'));
            reload();
            onChanged();
          }}
        />
      </div>
      <h2 id="case-detail-title">
        {t('caseDetail')} <span className="mono">{record.caseNo}</span>
      </h2>
      {message && <p role="status">{message}</p>}
      <CaseFacts record={record} feedback={feedback} />
      <ReexaminationLinks record={record} onOpenCase={onOpenCase} onReexamine={onReexamine} />
      <CaseSteps
        record={record}
        api={api}
        onTaken={(next) => {
          setRecord(next);
          reload();
          onChanged();
        }}
      />

      {record.review?.needsReview && (
        <ReviewConflicts
          record={record}
          onResolved={() => {
            reload();
            onChanged();
          }}
        />
      )}

      <h3>{t('documents')}</h3>
      <ul className="doc-states">
        {record.checklist.map((item) => (
          <li key={item.document} data-state={item.state}>
            <span className={`badge badge-${item.state}`}>{t(`docState.${item.state}`)}</span> {item.document}
          </li>
        ))}
      </ul>

      {missing.length > 0 && <SupplyDocuments missing={missing} onSupply={recordSupplied} />}

      <CaseDocuments caseId={record.id} checklist={record.checklist} serverDocuments={record.documents} api={api} />
      {contentToSign && applicantPresent(record.channel) && <SignaturePanel caseId={record.id} contentToSign={contentToSign} serverDocuments={record.documents} api={api} />}

      <CaseHistory history={history} caseNo={record.caseNo} />
    </section>
  );
}
