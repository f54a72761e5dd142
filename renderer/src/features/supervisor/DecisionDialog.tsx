import { useState } from 'react';
import type { QueueCase } from '../../../../shared/schemas/supervision';
import { useT } from '../../lib/i18n';

export type DecisionAction = 'approve' | 'reject' | 'return' | 'extend';
export interface Decision {
  action: DecisionAction;
  item: QueueCase;
  /** For a return: the case's checklist as this device holds it. */
  documents: string[];
}

/** A decision that needs a reason (and, for an extension, the days; for a return, the missing documents). */
export function DecisionDialog({ dialog, onCancel, onConfirm }: { dialog: Decision; onCancel: () => void; onConfirm: (reason: string, days: number, missing: string[]) => void }) {
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
