import type { Bilingual } from '../../../../shared/domain/bilingual';
import { FieldError } from '../../lib/FieldError';
import { useVisitText } from './useVisitText';
import { reasons, type Reason } from './useVisitOutcome';

export interface VisitNotDoneFormProps {
  reason: Reason;
  onReason: (reason: Reason) => void;
  detail: string;
  onDetail: (detail: string) => void;
  error?: Bilingual;
  onSubmit: () => void;
  onCancel: () => void;
}

/** Why the visit was not done: a preset reason and, for "other", the clerk's own words. */
export function VisitNotDoneForm({ reason, onReason, detail, onDetail, error, onSubmit, onCancel }: VisitNotDoneFormProps) {
  const v = useVisitText();
  return (
    <form
      aria-labelledby="visit-not-done-title"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <h3 id="visit-not-done-title">{v('reasonLabel')}</h3>
      <div className="field">
        <label htmlFor="visit-reason">{v('reasonPreset')}</label>
        <select id="visit-reason" value={reason} onChange={(event) => onReason(event.target.value as Reason)} autoFocus>
          {reasons.map((option) => (
            <option key={option} value={option}>
              {v(`reason.${option}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="visit-reason-detail">{v('reasonDetail')}</label>
        <input
          id="visit-reason-detail"
          value={detail}
          maxLength={200}
          onChange={(event) => onDetail(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'visit-reason-detail-error' : undefined}
        />
        <FieldError id="visit-reason-detail-error" message={error} />
      </div>
      <div className="button-row">
        <button type="submit">{v('saveNotDone')}</button>
        <button type="button" onClick={onCancel}>
          {v('cancel')}
        </button>
      </div>
    </form>
  );
}
