import { useState } from 'react';
import type { Bilingual } from '../../../../shared/domain/bilingual';
import type { Proposal } from '../../../../shared/schemas/caseDesk';
import type { QueueCase } from '../../../../shared/schemas/supervision';
import type { DecisionLevel } from '../../../../shared/schemas/unit';
import { FieldError } from '../../lib/FieldError';
import { LabelledField } from '../../lib/LabelledField';
import { translateBoth, useT, type MessageKey } from '../../lib/i18n';
import type { DecisionAction } from './caseDecisions';
import { ProposalFacts } from './ProposalFacts';

export interface Decision {
  action: DecisionAction;
  item: QueueCase;
  /** For a return for documents: the case's checklist as this device holds it. */
  documents: string[];
  /** The officer's proposal and the level that decides, as this device holds the case (none before it syncs). */
  proposal?: Proposal;
  level?: DecisionLevel;
}

const titles: Record<DecisionAction, MessageKey> = {
  approve: 'supApprove',
  reject: 'supReject',
  return: 'decide.returnToOfficer',
  'return-documents': 'supReturn',
  extend: 'supExtend',
};

/** Why the dialog cannot be confirmed yet, per field; nothing when it can. */
function check(dialog: Decision, reason: string, missing: readonly string[]): { reason?: Bilingual; missing?: Bilingual } {
  // Deciding as proposed may reuse the officer's reasons; anything else says its own.
  const asProposed = dialog.action === 'approve' && dialog.proposal?.outcome !== 'reject';
  return {
    ...(reason.trim() === '' && !asProposed ? { reason: translateBoth('supReasonRequired') } : {}),
    ...(dialog.action === 'return-documents' && missing.length === 0 ? { missing: translateBoth('decide.chooseDocuments') } : {}),
  };
}

/**
 * A decision on one case, with the officer's proposal (outcome, reasons, what it grants) and the level
 * that decides in view; a reason where one is needed (always, except approving as proposed), the days
 * of an extension, and for a return for documents what the applicant must supply.
 */
export function DecisionDialog({ dialog, onCancel, onConfirm }: { dialog: Decision; onCancel: () => void; onConfirm: (reason: string, days: number, missing: string[]) => void }) {
  const t = useT();
  const [reason, setReason] = useState('');
  const [days, setDays] = useState(5);
  const [missing, setMissing] = useState<string[]>([]);
  const [errors, setErrors] = useState<{ reason?: Bilingual; missing?: Bilingual }>({});
  return (
    <div role="dialog" aria-modal="true" aria-labelledby="decision-title" className="decision-dialog case-dialog" onKeyDown={(event) => event.key === 'Escape' && onCancel()}>
      <h3 id="decision-title">
        {t(titles[dialog.action])} · {dialog.item.caseNo}
      </h3>
      <ProposalFacts proposal={dialog.proposal} level={dialog.level} />
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const found = check(dialog, reason, missing);
          setErrors(found);
          if (found.reason || found.missing) return;
          onConfirm(reason.trim(), days, missing);
        }}
      >
        <LabelledField id="decision-reason" label={t('supReason')} value={reason} onChange={setReason} autoFocus rows={2} maxLength={2000} error={errors.reason} />
        {dialog.action === 'extend' && (
          <div className="field">
            <label htmlFor="decision-days">{t('supExtensionDays')}</label>
            <input id="decision-days" type="number" min={1} max={730} value={days} onChange={(event) => setDays(Number(event.target.value))} />
          </div>
        )}
        {dialog.action === 'return-documents' && (
          <fieldset aria-describedby={errors.missing ? 'decision-missing-error' : undefined}>
            <legend>{t('supMissingDocs')}</legend>
            {dialog.documents.map((document) => (
              <label key={document}>
                <input type="checkbox" checked={missing.includes(document)} onChange={(event) => setMissing(event.target.checked ? [...missing, document] : missing.filter((other) => other !== document))} />
                {document}
              </label>
            ))}
            <FieldError id="decision-missing-error" message={errors.missing} />
          </fieldset>
        )}
        <div className="button-row">
          <button type="submit">{t('supConfirm')}</button>
          <button type="button" onClick={onCancel}>
            {t('supCancel')}
          </button>
        </div>
      </form>
    </div>
  );
}
