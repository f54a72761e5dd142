import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { findService, type Service } from '../../../../shared/domain/catalogue';
import { parseTaxpayerId } from '../../../../shared/domain/ids';
import type { ChecklistState } from '../../../../shared/schemas/case';
import { casesOfApplicant } from '../../db/caseQuery';
import type { LocalCase } from '../../db/records';
import { loadServiceUsage } from '../../db/serviceUsage';
import { useT } from '../../lib/i18n';
import { getCatalogue } from '../../lib/referenceData';
import { useAltShortcuts } from '../../lib/shortcuts';
import { commonDocumentsFor, relatedRoleOf } from '../intake/applicantKinds';
import { checklistDocuments } from '../intake/buildCase';
import { ChecklistFrame } from '../intake/ChecklistFrame';
import { DocumentStateRadios } from '../intake/DocumentStateRadios';
import { closesOnSpot, onSpotRefusal } from '../intake/onSpot';
import { SaveBar } from '../intake/SaveBar';
import { useResultSlip } from '../receipt/useResultSlip';
import { useCaseSave } from '../intake/useCaseSave';
import { emptyFields, validateField, validateIntake, type IntakeErrors, type IntakeFieldName, type IntakeFields } from '../intake/validateIntake';
import { LaneIdStep, type LaneInputProps } from './LaneIdStep';
import { handedOverStates, laneApplicantKind, laneServices } from './laneModel';
import { LaneServiceStep } from './LaneServiceStep';

interface Props {
  /** The case is saved (and linked to the car, so that a reload resumes from the documents). */
  onRegistered: (record: LocalCase) => Promise<void>;
}

function focus(id: string) {
  // At once when the field is on screen: a scanner or a fast typist sends the next keys right after
  // Enter, and they must land in the next field. A field the step only now reveals is focused after
  // React has rendered it.
  const field = document.getElementById(id);
  if (field) field.focus();
  else requestAnimationFrame(() => document.getElementById(id)?.focus());
}

/** The lane's steps up to the registered case: the ID card and name, the service, the documents handed over. */
export function LaneIntake({ onRegistered }: Props) {
  const t = useT();
  const { save, saving, saveError, setSaveError, savingRef } = useCaseSave({ channel: 'drive-through', indicatorDelayMs: 0 });
  const [fields, setFields] = useState<IntakeFields>(emptyFields);
  const [errors, setErrors] = useState<IntakeErrors>({});
  const [states, setStates] = useState<Record<string, ChecklistState>>({});
  const [query, setQuery] = useState('');
  const [usage, setUsage] = useState<Record<string, number>>({});
  const [returning, setReturning] = useState<string>();
  const [spotError, setSpotError] = useState<string>();
  const printResultSlip = useResultSlip();
  const formRef = useRef<HTMLFormElement>(null);
  const registerRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    let cancelled = false;
    void loadServiceUsage().then((counts) => {
      if (!cancelled) setUsage(counts);
    });
    return () => {
      cancelled = true;
    };
  }, []);

  const service = fields.serviceId ? findService(getCatalogue(), fields.serviceId) : undefined;
  const documents = useMemo(() => (service ? checklistDocuments(service, commonDocumentsFor(getCatalogue(), fields.kind)) : []), [service, fields.kind]);
  const tiles = useMemo(() => laneServices(getCatalogue(), query, usage), [query, usage]);
  const onSpot = closesOnSpot(service, 'drive-through');

  function set(field: IntakeFieldName, value: string) {
    setFields((f) => ({ ...f, [field]: value }));
    if (errors[field]) setErrors((e) => ({ ...e, [field]: undefined }));
  }

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

  function choose(picked: Service) {
    const items = checklistDocuments(picked, commonDocumentsFor(getCatalogue(), fields.kind));
    setFields((f) => ({ ...f, serviceId: picked.id }));
    setStates(handedOverStates(items));
    setErrors((e) => ({ ...e, serviceId: undefined }));
    setQuery('');
    requestAnimationFrame(() => registerRef.current?.focus());
  }

  /** Registers the car's case; `done` saves a same-day case closed on the spot, its slip printed. */
  async function register(event?: FormEvent, done = false) {
    event?.preventDefault();
    if (savingRef.current) return;
    setSaveError(undefined);
    setSpotError(undefined);
    const result = validateIntake(fields);
    if (!result.ok || !service) {
      if (!result.ok) setErrors(result.errors);
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid=true]')?.focus());
      return;
    }
    const refusal = done ? onSpotRefusal(documents.map((item) => ({ state: states[item.document] ?? 'missing' }))) : undefined;
    if (refusal) {
      setSpotError(t(refusal));
      return;
    }
    // What was entered stays on screen for another try when the save fails.
    await save(
      { valid: result.value, service, states, onSpot: done && onSpot },
      {
        done: async (record) => {
          printResultSlip(record);
          await onRegistered(record);
        },
      },
    );
  }

  useAltShortcuts({ s: () => formRef.current?.requestSubmit(), f: onSpot ? () => void register(undefined, true) : undefined });

  const input = (field: IntakeFieldName): LaneInputProps => ({
    id: `lane-${field}`,
    value: fields[field],
    autoComplete: 'off',
    spellCheck: false,
    'aria-invalid': errors[field] ? true : undefined,
    'aria-describedby': errors[field] ? `lane-${field}-error` : undefined,
    onChange: (e: { target: { value: string } }) => set(field, e.target.value),
  });

  return (
    <form ref={formRef} className="lane-form" onSubmit={(e) => void register(e)} noValidate aria-labelledby="lane-flow-title">
      <LaneIdStep fields={fields} errors={errors} input={input} returning={returning} onCommitId={(idText) => void commitId(idText)} onCommitName={commitName} />
      <LaneServiceStep
        query={query}
        onQuery={setQuery}
        tiles={tiles}
        service={service}
        error={errors.serviceId}
        onChoose={choose}
        onChangeService={() => {
          setFields((f) => ({ ...f, serviceId: '' }));
          setStates({});
          focus('lane-service-filter');
        }}
      />
      {service && (
        <ChecklistFrame className="lane-step lane-checklist" describedBy="lane-documents-hint" legend={t('laneStepDocuments')} hintId="lane-documents-hint" hint={t('laneDocumentsHint')}>
          {documents.map((item, index) => (
            <fieldset key={item.document} className="lane-doc" data-document={item.document} data-state={states[item.document] ?? 'missing'}>
              <legend>{item.document}</legend>
              <DocumentStateRadios idPrefix="lane-doc" index={index} state={states[item.document] ?? 'missing'} className="lane-seg" onPick={(state) => setStates((s) => ({ ...s, [item.document]: state }))} />
            </fieldset>
          ))}
        </ChecklistFrame>
      )}
      <SaveBar
        error={saveError}
        saving={saving}
        label={t('laneRegister')}
        className="lane-big lane-primary"
        buttonRef={registerRef}
        {...(onSpot ? { onSpot: { onDone: () => void register(undefined, true), ...(spotError ? { error: spotError } : {}) } } : {})}
      />
    </form>
  );
}
