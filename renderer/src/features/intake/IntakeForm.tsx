import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { findService, type Service } from '../../../../shared/domain/catalogue';
import { applicantPresent } from '../../../../shared/domain/intakeChannel';
import type { CaseRecord, Channel, ChecklistState } from '../../../../shared/schemas/case';
import type { CaseTicket } from '../../../../shared/schemas/ticketQueue';
import { clearDraft } from '../../db/draftStore';
import type { LocalCase } from '../../db/records';
import { useT } from '../../lib/i18n';
import { useAltShortcuts } from '../../lib/shortcuts';
import { useSession } from '../../state/sessionState';
import { useResultSlip } from '../receipt/useResultSlip';
import { commonDocumentsFor } from './applicantKinds';
import { ApplicantFields } from './ApplicantFields';
import { checklistDocuments } from './buildCase';
import { ChannelPicker } from './ChannelPicker';
import { DocumentChecklist } from './DocumentChecklist';
import { draftKey, isEmptyDraft } from './intakeDraft';
import { SaveBar } from './SaveBar';
import { SavedBanner } from './SavedBanner';
import { ServicePicker } from './ServicePicker';
import { useCaseSave } from './useCaseSave';
import { useCustomerEcho } from './useCustomerEcho';
import { useIntakeDraft } from './useIntakeDraft';
import { useIntakeFields } from './useIntakeFields';
import { useIntakeKeyboard } from './useIntakeKeyboard';
import { useOnSpot } from './useOnSpot';
import { emptyFields, validateIntake, type IntakeFields } from './validateIntake';
import { getCatalogue } from '../../lib/referenceData';
import { KnowledgeKey } from '../knowledge/KnowledgeKey';

/**
 * "Saving…" only for a save that takes a moment: rendering the form again at once would hold up the
 * save itself (its database replies wait for the thread), and most saves are done by then.
 */
const SAVING_INDICATOR_DELAY_MS = 150;

/**
 * The counter intake form, in the order of the paper form: service, applicant (kind, id, name, the
 * second person the kind needs, phone, mailing address), documents. Enter moves to the next stop and
 * Esc back to the previous one; the last stop saves, and a same-day service can be saved done on the
 * spot (Alt+F). Every change is autosaved as a draft, so leaving the screen, a crash or a closed
 * window keeps what was typed. Without a fixed channel the clerk says how the application came.
 */
export interface IntakeFormProps {
  onSaved: (record: LocalCase) => void;
  focusSignal?: number;
  /** Where the case is taken, fixed (a field visit passes 'field-visit'); without it the clerk chooses, the counter first. */
  channel?: Channel;
  /** What the form starts from when no draft was kept (a planned visit's applicant and service). */
  initialFields?: Partial<IntakeFields>;
  /** Keeps this intake's draft apart from the counter's (one per visit). */
  draftScope?: string;
  /** A re-examination (複查): the decided case it re-examines, named above the form and stored with the case. */
  relatedCase?: CaseRecord['relatedCase'];
  /** The form's heading; "New case" when not said. */
  title?: string;
  /** The queue ticket the applicant was called with (features/queue): every case saved here keeps it. */
  ticket?: CaseTicket;
  /** The services to choose from (a ticket's group narrows them); the whole catalogue when not said. */
  services?: readonly Service[];
  /** Told whether anything is entered and not saved (the queue panel asks before it leaves a ticket's intake). */
  onEntered?: (entered: boolean) => void;
}

export function IntakeForm({ onSaved, focusSignal = 0, channel: fixedChannel, initialFields, draftScope, relatedCase, title, ticket, services, onEntered }: IntakeFormProps) {
  const t = useT();
  const session = useSession((s) => s.session);
  const username = session?.user.username ?? '';
  const storageKey = draftScope ? `${draftKey(username)}:${draftScope}` : draftKey(username);
  const { save, saving, saveError, setSaveError, savingRef } = useCaseSave({ indicatorDelayMs: SAVING_INDICATOR_DELAY_MS });
  const { fields, setFields, states, setStates, loaded, restored, setRestored, usage, setUsage, flush } = useIntakeDraft({ storageKey, initialFields, savingRef });
  const channel = fixedChannel ?? fields.channel;
  const [announce, setAnnounce] = useState('');
  const { errors, setErrors, set, setKind, fieldProps } = useIntakeFields({ fields, setFields, flush, onKindSwitched: (kind) => setAnnounce(`${t('applicantKind')}: ${t(`kind.${kind}`)}`) });
  const [saved, setSaved] = useState<LocalCase>();
  const formRef = useRef<HTMLFormElement>(null);
  const onFormKeyDown = useIntakeKeyboard(formRef);
  const printResultSlip = useResultSlip();

  const service = fields.serviceId ? findService(getCatalogue(), fields.serviceId) : undefined;
  const documents = useMemo(() => (service ? checklistDocuments(service, commonDocumentsFor(getCatalogue(), fields.kind)) : []), [service, fields.kind]);
  const checklist = useMemo(() => documents.map((d) => ({ ...d, state: states[d.document] ?? ('missing' as const) })), [documents, states]);
  const onSpot = useOnSpot(service, channel, checklist.map((item) => item.state), (done) => void submit(undefined, done));
  useCustomerEcho(fields, states, checklist, loaded && applicantPresent(channel));
  const entered = loaded && !isEmptyDraft(fields, states);
  useEffect(() => onEntered?.(entered), [entered, onEntered]);

  function resetForm() {
    setFields(emptyFields);
    setStates({});
    setErrors({});
    setRestored(false);
  }

  async function submit(event?: FormEvent, done = false) {
    event?.preventDefault();
    // A second Alt+S while the first save runs would save the case twice.
    if (savingRef.current) return;
    if (saveError !== undefined) setSaveError(undefined);
    const result = validateIntake({ ...fields, channel });
    if (!result.ok || !service || !session) {
      if (!result.ok) setErrors(result.errors);
      setAnnounce(t('fixErrors'));
      // Wait for the error markers to render before moving focus to the first one.
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid=true]')?.focus());
      return;
    }
    if (!onSpot.allows(done)) return;
    await save(
      { valid: result.value, service, states, channel, onSpot: done && onSpot.offered, ...(relatedCase ? { relatedCase } : {}), ...(ticket ? { ticket } : {}) },
      {
        stored: async (record) => {
          setSaved(record);
          printResultSlip(record);
          resetForm();
          await clearDraft(storageKey);
        },
        usage: setUsage,
        done: onSaved,
        // Nothing entered is lost: the fields (and the draft) keep their values so the clerk can retry.
        failed: flush,
      },
    );
  }

  function clearForm() {
    resetForm();
    void clearDraft(storageKey);
    document.getElementById('intake-serviceId')?.focus();
  }

  // Alt+N on this screen starts the next case at the service field.
  useEffect(() => {
    if (focusSignal > 0) document.getElementById('intake-serviceId')?.focus();
  }, [focusSignal]);

  // Alt+P and Alt+D belong to the saved case's banner, Alt+R to the returning applicant's details, Alt+F to Done.
  useAltShortcuts({ s: () => formRef.current?.requestSubmit() });

  return (
    <div className="intake">
      {saved && <SavedBanner saved={saved} />}
      <form ref={formRef} onSubmit={(e) => void submit(e)} onKeyDown={onFormKeyDown} noValidate aria-labelledby="intake-title" aria-describedby="intake-shortcuts">
        <h2 id="intake-title">{title ?? t('newCase')}</h2>
        <p id="intake-shortcuts" className="hint small">
          {t('shortcutsHint')}
        </p>
        {relatedCase && <p className="notice-line">{t('reexam.of', { caseNo: relatedCase.caseNo })}</p>}
        {restored && (
          <p className="notice-line" role="status">
            {t('draftRestored')}{' '}
            <button type="button" className="link-button" data-no-enter onClick={clearForm}>
              {t('clearForm')}
            </button>
          </p>
        )}
        <p className="visually-hidden" role="status" aria-live="polite">
          {announce}
        </p>
        {!fixedChannel && <ChannelPicker channel={channel} roles={session?.user.roles ?? []} errors={errors} fieldProps={fieldProps} onChannel={(next) => setFields((f) => ({ ...f, channel: next }))} />}

        <ServicePicker
          services={services ?? getCatalogue().services}
          usage={usage}
          selected={service}
          error={errors.serviceId}
          onSelect={(s) => {
            set('serviceId', s?.id ?? '');
            if (s) setErrors((e) => ({ ...e, serviceId: undefined }));
          }}
          onBlur={flush}
        />

        <ApplicantFields fields={fields} errors={errors} fieldProps={fieldProps} onKind={setKind} onDiedOn={(isoDate, text) => set('diedOn', isoDate || text)} onFields={setFields} />

        {service && <DocumentChecklist checklist={checklist} onMark={(document, state: ChecklistState) => setStates((s) => ({ ...s, [document]: state }))} />}
        <SaveBar error={saveError} saving={saving} label={t('save')} {...(onSpot.action ? { onSpot: onSpot.action } : {})} />
      </form>
      <KnowledgeKey serviceId={service?.id} />
    </div>
  );
}
