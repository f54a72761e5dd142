import type { KeyboardEvent } from 'react';
import { FieldError } from '../../lib/FieldError';
import { useT } from '../../lib/i18n';
import { relatedRoleOf } from '../intake/applicantKinds';
import { applicantNameLabel } from '../intake/applicantNameLabel';
import type { IntakeErrors, IntakeFieldName, IntakeFields } from '../intake/validateIntake';

/** What each of the step's inputs gets from the form: its id, value and error markers, and onChange. */
export interface LaneInputProps {
  id: string;
  value: string;
  autoComplete: string;
  spellCheck: boolean;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
  onChange: (e: { target: { value: string } }) => void;
}

interface Props {
  fields: IntakeFields;
  errors: IntakeErrors;
  input: (field: IntakeFieldName) => LaneInputProps;
  /** The case number of the earlier case a known applicant's name came from. */
  returning?: string;
  onCommitId: (idText: string) => void;
  onCommitName: (field: 'name' | 'relatedName', value: string) => void;
}

/** Enter ends a field here (a keyboard-wedge reader sends it after the number): the value is committed. */
function onEnter(commit: (value: string) => void) {
  return (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    commit(e.currentTarget.value);
  };
}

/** The lane's first step: the ID card (scanned or typed), the name, and a company's representative. */
export function LaneIdStep({ fields, errors, input, returning, onCommitId, onCommitName }: Props) {
  const t = useT();
  return (
    <fieldset className="lane-step">
      <legend>{t('laneStepId')}</legend>
      <div className="field">
        <label htmlFor="lane-idNumber">{t('applicantId')}</label>
        <input {...input('idNumber')} className="lane-id" autoFocus aria-describedby={`lane-id-hint${errors.idNumber ? ' lane-idNumber-error' : ''}`} onKeyDown={onEnter(onCommitId)} />
        <p id="lane-id-hint" className="hint small">
          {t('laneIdHint')}
        </p>
        <FieldError id="lane-idNumber-error" message={errors.idNumber} />
      </div>
      <div className="field">
        <label htmlFor="lane-name">{applicantNameLabel(t, fields.kind)}</label>
        <input {...input('name')} onKeyDown={onEnter((value) => onCommitName('name', value))} />
        {returning && (
          <p className="hint small" role="status">
            {t('laneReturning', { caseNo: returning })}
          </p>
        )}
        <FieldError id="lane-name-error" message={errors.name} />
      </div>
      {relatedRoleOf[fields.kind] === 'representative' && (
        <div className="field">
          <label htmlFor="lane-relatedName">{t('representativeName')}</label>
          <input {...input('relatedName')} onKeyDown={onEnter((value) => onCommitName('relatedName', value))} />
          <FieldError id="lane-relatedName-error" message={errors.relatedName} />
        </div>
      )}
    </fieldset>
  );
}
