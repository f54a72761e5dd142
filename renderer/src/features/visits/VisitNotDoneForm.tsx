import type { Bilingual } from '../../../../shared/domain/bilingual';
import { LabelledField } from '../../lib/LabelledField';
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
      <LabelledField id="visit-reason-detail" label={v('reasonDetail')} value={detail} onChange={onDetail} maxLength={200} error={error} />
      <div className="button-row">
        <button type="submit">{v('saveNotDone')}</button>
        <button type="button" onClick={onCancel}>
          {v('cancel')}
        </button>
      </div>
    </form>
  );
}
