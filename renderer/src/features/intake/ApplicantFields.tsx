import type { Dispatch, SetStateAction } from 'react';
import { keelungDistricts } from '../../../../shared/domain/districts';
import type { ApplicantKind } from '../../../../shared/schemas/case';
import { FieldError } from '../../lib/FieldError';
import { useT } from '../../lib/i18n';
import { DateField } from '../dates/DateField';
import { applicantKinds, relatedRoleOf } from './applicantKinds';
import { applicantNameLabel } from './applicantNameLabel';
import { IntakeTextField, type FieldProps } from './IntakeTextField';
import { ReturningApplicant } from './ReturningApplicant';
import { OTHER_ZIP, type IntakeErrors, type IntakeFieldName, type IntakeFields } from './validateIntake';

interface Props {
  fields: IntakeFields;
  errors: IntakeErrors;
  fieldProps: (field: IntakeFieldName) => FieldProps;
  onKind: (kind: ApplicantKind) => void;
  /** A refused date is kept as typed, so the form refuses to save it instead of dropping it. */
  onDiedOn: (isoDate: string, text: string) => void;
  onFields: Dispatch<SetStateAction<IntakeFields>>;
}

/**
 * The counter's applicant, in the order of the paper form: kind (keys 1–5), id, name, the second
 * person the kind needs, phone and mailing address; a returning applicant's details offered (Alt+R).
 */
export function ApplicantFields({ fields, errors, fieldProps, onKind, onDiedOn, onFields }: Props) {
  const t = useT();
  const role = relatedRoleOf[fields.kind];

  const textField = (field: IntakeFieldName, label: string, extra: Record<string, unknown> = {}) => <IntakeTextField props={fieldProps(field)} label={label} error={errors[field]} extra={extra} />;

  return (
    <>
      <fieldset
        className="kind-group"
        onKeyDown={(e) => {
          const index = Number(e.key) - 1;
          const kind = applicantKinds[index];
          if (kind && !e.altKey && !e.ctrlKey) {
            e.preventDefault();
            onKind(kind);
            document.getElementById(`intake-kind-${kind}`)?.focus();
          }
        }}
      >
        <legend>
          {t('applicantKind')} <span className="hint small">(1–5)</span>
        </legend>
        {applicantKinds.map((kind, index) => (
          <span key={kind} className="radio">
            <input id={`intake-kind-${kind}`} type="radio" name="kind" value={kind} checked={fields.kind === kind} onChange={() => onKind(kind)} />
            <label htmlFor={`intake-kind-${kind}`}>
              <kbd>{index + 1}</kbd> {t(`kind.${kind}`)}
            </label>
          </span>
        ))}
      </fieldset>

      {textField('idNumber', t('applicantId'))}
      <ReturningApplicant idNumber={fields.idNumber} onFields={onFields} />
      {textField('name', applicantNameLabel(t, fields.kind))}
      {role === 'representative' && (
        <>
          {textField('relatedName', t('representativeName'))}
          {textField('relatedId', t('representativeId'))}
        </>
      )}
      {role === 'taxpayer' && (
        <>
          {textField('relatedId', t('taxpayerId'))}
          {textField('relatedName', t('taxpayerName'))}
        </>
      )}
      {role === 'deceased' && (
        <>
          {textField('relatedId', t('deceasedId'))}
          {textField('relatedName', t('deceasedName'))}
          <DateField id="intake-diedOn" label={t('diedOn')} value={fields.diedOn} onChange={onDiedOn} error={errors.diedOn} />
        </>
      )}
      {textField('phone', t('applicantPhone'), { type: 'tel', inputMode: 'tel' })}
      <fieldset className="address">
        <legend>{t('address')}</legend>
        <div className="field">
          <label htmlFor="intake-zip">{t('district')}</label>
          <select {...fieldProps('zip')}>
            <option value="">{t('noDistrict')}</option>
            {keelungDistricts.map((d) => (
              <option key={d.zip} value={d.zip}>
                {d.zip} {d.name} {d.en}
              </option>
            ))}
            <option value={OTHER_ZIP}>{t('otherDistrict')}</option>
          </select>
          <FieldError id="intake-zip-error" message={errors.zip} />
        </div>
        {textField('addressLine', t('addressLine'))}
      </fieldset>
    </>
  );
}
