import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { findService, type Service } from '../../../../shared/domain/catalogue';
import type { ChecklistState } from '../../../../shared/schemas/case';
import type { CaseTicket } from '../../../../shared/schemas/ticketQueue';
import type { LocalCase } from '../../db/records';
import { loadServiceUsage } from '../../db/serviceUsage';
import { useT } from '../../lib/i18n';
import { getCatalogue } from '../../lib/referenceData';
import { useAltShortcuts } from '../../lib/shortcuts';
import { commonDocumentsFor } from '../intake/applicantKinds';
import { checklistDocuments } from '../intake/buildCase';
import { SaveBar } from '../intake/SaveBar';
import { useResultSlip } from '../receipt/useResultSlip';
import { useCaseSave } from '../intake/useCaseSave';
import { useOnSpot } from '../intake/useOnSpot';
import { emptyFields, validateIntake, type IntakeErrors, type IntakeFieldName, type IntakeFields } from '../intake/validateIntake';
import { KnowledgeKey } from '../knowledge/KnowledgeKey';
import { LaneChecklist } from './LaneChecklist';
import { LaneIdStep, type LaneInputProps } from './LaneIdStep';
import { focusLaneField as focus } from './focusLaneField';
import { handedOverStates, laneServices } from './laneModel';
import { LaneServiceStep } from './LaneServiceStep';
import { useLaneApplicant } from './useLaneApplicant';

interface Props {
  /** The case is saved (and linked to the car, so that a reload resumes from the documents). */
  onRegistered: (record: LocalCase) => Promise<void>;
  /** The queue ticket the car was called with: its case keeps it, like the counter's. */
  ticket?: CaseTicket;
}

/** The lane's steps up to the registered case: the ID card and name, the service, the documents handed over. */
export function LaneIntake({ onRegistered, ticket }: Props) {
  const t = useT();
  const { save, saving, saveError, setSaveError, savingRef } = useCaseSave({ channel: 'drive-through', indicatorDelayMs: 0 });
  const [fields, setFields] = useState<IntakeFields>(emptyFields);
  const [errors, setErrors] = useState<IntakeErrors>({});
  const [states, setStates] = useState<Record<string, ChecklistState>>({});
  const [query, setQuery] = useState('');
  const [usage, setUsage] = useState<Record<string, number>>({});
  const printResultSlip = useResultSlip();
  const { returning, commitId, commitName } = useLaneApplicant(fields, setFields, setErrors);
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
  const onSpot = useOnSpot(
    service,
    'drive-through',
    documents.map((item) => states[item.document] ?? 'missing'),
    (done) => void register(undefined, done),
  );

  function set(field: IntakeFieldName, value: string) {
    setFields((f) => ({ ...f, [field]: value }));
    if (errors[field]) setErrors((e) => ({ ...e, [field]: undefined }));
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
    const result = validateIntake(fields);
    if (!result.ok || !service) {
      if (!result.ok) setErrors(result.errors);
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid=true]')?.focus());
      return;
    }
    if (!onSpot.allows(done)) return;
    // What was entered stays on screen for another try when the save fails.
    await save(
      { valid: result.value, service, states, onSpot: done && onSpot.offered, ...(ticket ? { ticket } : {}) },
      {
        done: async (record) => {
          printResultSlip(record);
          await onRegistered(record);
        },
      },
    );
  }

  useAltShortcuts({ s: () => formRef.current?.requestSubmit() });

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
    <>
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
        {service && <LaneChecklist documents={documents} states={states} onPick={(document, state) => setStates((s) => ({ ...s, [document]: state }))} />}
        <SaveBar
          error={saveError}
          saving={saving}
          label={t('laneRegister')}
          className="lane-big lane-primary"
          buttonRef={registerRef}
          {...(onSpot.action ? { onSpot: onSpot.action } : {})}
        />
      </form>
      <KnowledgeKey serviceId={service?.id} />
    </>
  );
}
