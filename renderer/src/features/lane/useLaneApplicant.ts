import { useState, type Dispatch, type SetStateAction } from 'react';
import { parseTaxpayerId } from '../../../../shared/domain/ids';
import { casesOfApplicant } from '../../db/caseQuery';
import { relatedRoleOf } from '../intake/applicantKinds';
import { validateField, type IntakeErrors, type IntakeFields } from '../intake/validateIntake';
import { focusLaneField as focus } from './focusLaneField';
import { laneApplicantKind } from './laneModel';

/** The lane's applicant step: the scanned id (which decides the kind and finds a returning applicant's name), then the names. */
export function useLaneApplicant(fields: IntakeFields, setFields: Dispatch<SetStateAction<IntakeFields>>, setErrors: Dispatch<SetStateAction<IntakeErrors>>) {
  const [returning, setReturning] = useState<string>();

  /** The reader ends a scan with Enter: the id decides the kind, and a known applicant's name is filled. */
  async function commitId(idText: string) {
    const kind = laneApplicantKind(idText);
    const next = { ...fields, idNumber: idText, kind };
    const error = validateField('idNumber', next);
    setFields(next);
    setErrors((e) => ({ ...e, idNumber: error }));
    if (error) return;
    // The name comes next, before the look-up below answers, so nothing typed meanwhile is lost.
    setReturning(undefined);
    focus('lane-name');
    const parsed = parseTaxpayerId(idText);
    const earlier = parsed.ok ? (await casesOfApplicant(parsed.normalized, 1))[0] : undefined;
    const nameField = document.getElementById('lane-name');
    const nameUntouched = !next.name.trim() && nameField instanceof HTMLInputElement && nameField.value === '' && document.activeElement === nameField;
    if (earlier && earlier.applicant.kind === kind && nameUntouched) {
      setFields((f) => ({ ...f, name: earlier.applicant.name }));
      setReturning(earlier.caseNo);
      focus(kind === 'company' ? 'lane-relatedName' : 'lane-service-filter');
    }
  }

  function commitName(field: 'name' | 'relatedName', value: string) {
    const error = validateField(field, { ...fields, [field]: value });
    setErrors((e) => ({ ...e, [field]: error }));
    if (error) return;
    focus(field === 'name' && relatedRoleOf[fields.kind] === 'representative' ? 'lane-relatedName' : 'lane-service-filter');
  }

  return { returning, commitId, commitName };
}
