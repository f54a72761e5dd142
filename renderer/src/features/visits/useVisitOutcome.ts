import { useState } from 'react';
import type { Bilingual } from '../../../../shared/domain/bilingual';
import { parsePhone } from '../../../../shared/domain/phone';
import type { ReceiptMethod } from '../../../../shared/schemas/visit';
import { recordAudit } from '../../db/auditStore';
import type { LocalCase } from '../../db/records';
import { recordLocalOutcome, type LocalVisit } from '../../db/visitStore';
import { typedTextProblem } from '../../lib/typedTextProblem';
import { usePrintJob } from '../../state/printJob';
import { useSession } from '../../state/sessionState';
import { useVisitText } from './useVisitText';
import { visitBilingual } from './visitMessages';

export const reasons = ['nobody-home', 'declined', 'rescheduled', 'incomplete-documents', 'other'] as const;
export type Reason = (typeof reasons)[number];

/** The English part of a preset reason is stored with it: the supervisor may read either language. */
function reasonText(reason: Reason, detail: string): string {
  const preset = reason === 'other' ? '' : `${visitBilingual(`reason.${reason}`).zh} / ${visitBilingual(`reason.${reason}`).en}`;
  return [preset, detail.trim()].filter((part) => part !== '').join('：');
}

export interface VisitOutcomeErrors {
  receipt?: Bilingual;
  detail?: Bilingual;
}

/**
 * How the visit ends: the receipt (printed or SMS, which needs a mobile number), done, or not done with
 * a reason. Each outcome is recorded on this computer and sent with the next sync.
 */
export function useVisitOutcome(visit: LocalVisit, made: LocalCase | undefined, onChanged: () => void) {
  const v = useVisitText();
  const username = useSession((s) => s.session?.user.username ?? '');
  const { printReceipt } = usePrintJob();
  const [receipt, setReceipt] = useState<ReceiptMethod | undefined>(visit.localOutcome?.state === 'done' ? visit.localOutcome.receipt : undefined);
  const [printed, setPrinted] = useState(false);
  const [reason, setReason] = useState<Reason>('nobody-home');
  const [detail, setDetail] = useState('');
  const [errors, setErrors] = useState<VisitOutcomeErrors>({});
  const [message, setMessage] = useState<string>();
  const hasMobile = (() => {
    const phone = parsePhone(made?.applicant.phone ?? visit.applicant.phone);
    return phone.ok && phone.kind === 'mobile';
  })();

  function print() {
    if (!made) return;
    printReceipt(made);
    void recordAudit(made.id, username, 'printed-receipt');
    setReceipt('printed');
    setPrinted(true);
  }

  async function markDone() {
    if (made && !receipt) {
      setErrors({ receipt: visitBilingual('receiptRequired') });
      return;
    }
    if (receipt === 'sms' && !hasMobile) {
      setErrors({ receipt: visitBilingual('smsNeedsMobile') });
      return;
    }
    setErrors({});
    await recordLocalOutcome(visit.id, { state: 'done', ...(made ? { caseId: made.id, receipt } : {}), reportedAt: new Date().toISOString() });
    setMessage(v('outcomeSaved'));
    onChanged();
  }

  /** `onRecorded` runs once the outcome is stored, before the parent hears of the change. */
  async function markNotDone(onRecorded: () => void) {
    const problem = reason === 'other' && detail.trim() === '' ? visitBilingual('reasonRequired') : typedTextProblem(detail);
    if (problem) {
      setErrors({ detail: problem });
      document.getElementById('visit-reason-detail')?.focus();
      return;
    }
    setErrors({});
    await recordLocalOutcome(visit.id, { state: 'not-done', reason: reasonText(reason, detail), reportedAt: new Date().toISOString() });
    onRecorded();
    setMessage(v('outcomeSaved'));
    onChanged();
  }

  return { receipt, setReceipt, printed, reason, setReason, detail, setDetail, errors, message, hasMobile, print, markDone, markNotDone };
}
