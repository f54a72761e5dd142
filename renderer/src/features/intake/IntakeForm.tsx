import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { findService } from '../../../../shared/domain/catalogue';
import { keelungDistricts } from '../../../../shared/domain/districts';
import { parseTaxpayerId } from '../../../../shared/domain/ids';
import { formatRocLong } from '../../../../shared/domain/rocDate';
import type { ApplicantKind, Channel, ChecklistState } from '../../../../shared/schemas/case';
import { recordAudit } from '../../db/auditStore';
import { casesOfApplicant } from '../../db/caseQuery';
import { caseSaveError } from './caseSaveError';
import { createCase } from '../../db/caseStore';
import { clearDraft, loadDraft, saveDraft } from '../../db/draftStore';
import { getHost } from '../../host/host';
import type { LocalCase } from '../../db/records';
import { bumpServiceUsage, loadServiceUsage } from '../../db/serviceUsage';
import { getCustomerDisplay } from '../../lib/customerDisplay';
import { useLocale, useT } from '../../lib/i18n';
import { useAltShortcuts } from '../../lib/shortcuts';
import { useSession } from '../../state/sessionState';
import { onBeforeLock } from '../../state/dataKey';
import { missingDocuments } from '../notice/deficiency';
import { usePrintJob } from '../receipt/printJob';
import { applicantKinds, commonDocumentsFor, kindForIdKind, relatedRoleOf, applicantIdKinds } from './applicantKinds';
import { buildCaseRecord, checklistDocuments, intakeContextAt } from './buildCase';
import { customerSummary } from './customerSummary';
import { FieldError } from './FieldError';
import { draftKey, isEmptyDraft, parseDraft } from './intakeDraft';
import { ServicePicker } from './ServicePicker';
import { OTHER_ZIP, emptyFields, validateField, validateIntake, type IntakeErrors, type IntakeFieldName, type IntakeFields } from './validateIntake';
import { getCatalogue } from '../../lib/referenceData';

const AUTOSAVE_MS = 200;
const SAVING_INDICATOR_DELAY_MS = 150;
const docStates: readonly ChecklistState[] = ['provided', 'missing', 'waived'];
const docKeys: Readonly<Record<string, ChecklistState>> = { p: 'provided', y: 'provided', m: 'missing', n: 'missing', w: 'waived' };

/** The form's keyboard stops in order: one stop per radio group (its checked radio), skipping extras. */
function stops(form: HTMLFormElement | null): HTMLElement[] {
  const all = [...(form?.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLButtonElement>('input, select, button[type=submit]') ?? [])];
  return all.filter((el) => {
    if (el.disabled || el.closest('[data-no-enter]')) return false;
    if (el instanceof HTMLInputElement && el.type === 'radio') {
      const group = all.filter((o): o is HTMLInputElement => o instanceof HTMLInputElement && o.type === 'radio' && o.name === el.name);
      const checked = group.find((o) => o.checked);
      return checked ? checked === el : group[0] === el;
    }
    return true;
  });
}

/**
 * The counter intake form, in the order of the paper form: service, applicant (kind, id, name, the
 * second person the kind needs, phone, mailing address), documents. Enter moves to the next stop and
 * Esc back to the previous one; the last stop saves. Every change is autosaved as a draft, so leaving
 * the screen, a crash or a closed window keeps what was typed.
 */
export interface IntakeFormProps {
  onSaved: (record: LocalCase) => void;
  focusSignal?: number;
  /** Where the case is taken; the counter when not said (a field visit passes 'field-visit'). */
  channel?: Channel;
  /** What the form starts from when no draft was kept (a planned visit's applicant and service). */
  initialFields?: Partial<IntakeFields>;
  /** Keeps this intake's draft apart from the counter's (one per visit). */
  draftScope?: string;
}

export function IntakeForm({ onSaved, focusSignal = 0, channel, initialFields, draftScope }: IntakeFormProps) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const session = useSession((s) => s.session);
  const username = session?.user.username ?? '';
  const storageKey = draftScope ? `${draftKey(username)}:${draftScope}` : draftKey(username);
  // Read once, when the form opens: a later prop change must not overwrite what was typed.
  const initial = useRef(initialFields);
  const [fields, setFields] = useState<IntakeFields>(emptyFields);
  const [states, setStates] = useState<Record<string, ChecklistState>>({});
  const [errors, setErrors] = useState<IntakeErrors>({});
  const [loaded, setLoaded] = useState(false);
  const [restored, setRestored] = useState(false);
  const [announce, setAnnounce] = useState('');
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string>();
  const [saved, setSaved] = useState<LocalCase>();
  const [usage, setUsage] = useState<Record<string, number>>({});
  const [earlier, setEarlier] = useState<{ id: string; cases: LocalCase[] }>();
  const formRef = useRef<HTMLFormElement>(null);
  const { printReceipt, printNotice } = usePrintJob();

  const service = fields.serviceId ? findService(getCatalogue(), fields.serviceId) : undefined;
  const role = relatedRoleOf[fields.kind];
  const documents = useMemo(() => (service ? checklistDocuments(service, commonDocumentsFor(getCatalogue(), fields.kind)) : []), [service, fields.kind]);
  const checklist = useMemo(() => documents.map((d) => ({ ...d, state: states[d.document] ?? ('missing' as const) })), [documents, states]);
  const missingCount = missingDocuments(checklist).length;

  // Restore the draft once, before autosave may write anything.
  useEffect(() => {
    let cancelled = false;
    void Promise.all([loadDraft(storageKey), loadServiceUsage()]).then(([data, counts]) => {
      if (cancelled) return;
      const draft = parseDraft(data);
      if (draft && !isEmptyDraft(draft.fields, draft.states)) {
        setFields(draft.fields);
        setStates(draft.states);
        setRestored(true);
      } else if (initial.current) {
        setFields({ ...emptyFields, ...initial.current });
      }
      setUsage(counts);
      setLoaded(true);
      // Time to interactive, as the benchmark reads it: the form is filled in and autosave is armed.
      performance.mark('counterdesk:intake-ready');
    });
    return () => {
      cancelled = true;
    };
  }, [storageKey]);

  const latest = useRef({ fields, states });
  useEffect(() => {
    latest.current = { fields, states };
  }, [fields, states]);
  // While a save runs the draft is not written: the case being committed holds the same fields, and a
  // draft write would only compete with it for the database. A failed save writes the draft at once.
  const savingRef = useRef(false);
  const writeDraft = useCallback(async () => {
    if (savingRef.current) return;
    const { fields: f, states: s } = latest.current;
    await (isEmptyDraft(f, s) ? clearDraft(storageKey) : saveDraft(storageKey, { fields: f, states: s }));
  }, [storageKey]);
  const flush = useCallback(() => void writeDraft(), [writeDraft]);
  // A lock (Alt+Q, idle) would otherwise drop what was typed since the last autosave.
  useEffect(() => (loaded ? onBeforeLock(writeDraft) : undefined), [loaded, writeDraft]);

  useEffect(() => {
    if (!loaded) return;
    const timer = setTimeout(flush, AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [fields, states, loaded, flush]);

  // While anything is entered the host must not restart the app for an update.
  const busy = loaded && !isEmptyDraft(fields, states);
  // Leaving the form with a draft in it keeps the host busy: the case is still being entered, and an
  // update that restarted the app now would interrupt the clerk when they come back to it. The update
  // then waits for the draft to be saved or cleared, or installs when the app quits.
  const busyRef = useRef(busy);
  useEffect(() => {
    busyRef.current = busy;
    void getHost()['app:set-busy']({ busy });
  }, [busy]);
  useEffect(
    () => () => {
      if (!busyRef.current) void getHost()['app:set-busy']({ busy: false });
    },
    [],
  );

  // Leaving the screen or the window writes the draft at once.
  useEffect(() => {
    if (!loaded) return;
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [loaded, flush]);

  // The citizen sees what is being entered on the customer display.
  useEffect(() => {
    // An empty form says nothing: right after a save the display keeps the rating screen.
    if (!loaded || isEmptyDraft(fields, states)) return;
    const timer = setTimeout(() => getCustomerDisplay().send(customerSummary(fields, checklist, locale)), AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [fields, states, checklist, locale, loaded]);

  // Returning applicant: earlier cases of exactly this id (never a partial match).
  const normalizedId = useMemo(() => {
    const parsed = parseTaxpayerId(fields.idNumber);
    return parsed.ok ? parsed.normalized : undefined;
  }, [fields.idNumber]);
  useEffect(() => {
    if (!normalizedId) return;
    let cancelled = false;
    void casesOfApplicant(normalizedId).then((cases) => {
      if (!cancelled) setEarlier({ id: normalizedId, cases });
    });
    return () => {
      cancelled = true;
    };
  }, [normalizedId]);
  const earlierCases = earlier && earlier.id === normalizedId ? earlier.cases : [];

  function set(field: IntakeFieldName, value: string) {
    const next = { ...fields, [field]: value };
    setFields(next);
    if (errors[field]) setErrors((e) => ({ ...e, [field]: validateField(field, next) }));
  }

  function setKind(kind: ApplicantKind) {
    setFields((f) => ({ ...f, kind }));
    setErrors((e) => ({ ...e, idNumber: undefined, relatedId: undefined, relatedName: undefined }));
  }

  function blur(field: IntakeFieldName) {
    let current = fields;
    if (field === 'idNumber') {
      // An id that plainly belongs to another kind switches the kind, and says so.
      const parsed = parseTaxpayerId(fields.idNumber);
      if (parsed.ok && !applicantIdKinds[fields.kind].includes(parsed.kind) && (fields.kind === 'person' || fields.kind === 'resident' || fields.kind === 'company')) {
        const kind = kindForIdKind(parsed.kind);
        current = { ...fields, kind };
        setFields(current);
        setAnnounce(`${t('applicantKind')}: ${t(`kind.${kind}`)}`);
      }
    }
    if (current[field]) setErrors((e) => ({ ...e, [field]: validateField(field, current) }));
    flush();
  }

  function useEarlierDetails() {
    const last = earlierCases[0];
    if (!last) return;
    const a = last.applicant;
    setFields((f) => ({
      ...f,
      kind: a.kind,
      name: a.name,
      phone: a.phone,
      zip: a.address ? (a.address.zip ?? OTHER_ZIP) : f.zip,
      addressLine: a.address?.line ?? f.addressLine,
      relatedId: (a.representative ?? a.taxpayer ?? a.deceased)?.idNumber ?? f.relatedId,
      relatedName: (a.representative ?? a.taxpayer ?? a.deceased)?.name ?? f.relatedName,
    }));
    document.getElementById('intake-name')?.focus();
  }

  function move(from: HTMLElement, step: 1 | -1) {
    const list = stops(formRef.current);
    const index = list.findIndex((el) => el === from || (el instanceof HTMLInputElement && el.type === 'radio' && from instanceof HTMLInputElement && el.name === from.name));
    list[index + step]?.focus();
  }

  function onFormKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    const target = event.target as HTMLElement;
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'Escape' || (event.key === 'Enter' && event.shiftKey)) {
      event.preventDefault();
      move(target, -1);
      return;
    }
    if (event.key !== 'Enter' || target instanceof HTMLButtonElement || target instanceof HTMLTextAreaElement) return;
    event.preventDefault();
    move(target, 1);
  }

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    // A second Alt+S while the first save runs would save the case twice.
    if (savingRef.current) return;
    if (saveError !== undefined) setSaveError(undefined);
    const result = validateIntake(fields);
    if (!result.ok || !service || !session) {
      if (!result.ok) setErrors(result.errors);
      setAnnounce(t('fixErrors'));
      // Wait for the error markers to render before moving focus to the first one.
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid=true]')?.focus());
      return;
    }
    savingRef.current = true;
    // "Saving…" only for a save that takes a moment: rendering the form again at once would hold up
    // the save itself (its database replies wait for the thread), and most saves are done by then.
    const showSaving = setTimeout(() => setSaving(true), SAVING_INDICATOR_DELAY_MS);
    try {
      const context = intakeContextAt(new Date(), session.device.stationCode, session.user.username, channel);
      const values = { ...result.value, service, states, commonDocuments: commonDocumentsFor(getCatalogue(), fields.kind) };
      const record = await createCase({ stationCode: context.stationCode, rocYear: context.rocYear, build: (sequence) => buildCaseRecord(values, context, sequence) });
      setSaved(record);
      setFields(emptyFields);
      setStates({});
      setErrors({});
      setRestored(false);
      await clearDraft(storageKey);
      void recordAudit(record.id, username, 'created');
      void bumpServiceUsage(service.id).then(setUsage);
      onSaved(record);
    } catch (error) {
      // Nothing entered is lost: the fields (and the draft) keep their values so the clerk can retry.
      setSaveError(caseSaveError(error, t));
      savingRef.current = false;
      flush();
    } finally {
      clearTimeout(showSaving);
      savingRef.current = false;
      setSaving(false);
    }
  }

  function printSavedReceipt() {
    if (!saved) return;
    printReceipt(saved);
    void recordAudit(saved.id, username, 'printed-receipt');
    getCustomerDisplay().send({ type: 'feedback', locale, caseId: saved.id, caseNo: saved.caseNo });
  }

  function printSavedNotice() {
    if (!saved?.deficiency) return;
    printNotice(saved);
    void recordAudit(saved.id, username, 'printed-notice');
  }

  function clearForm() {
    setFields(emptyFields);
    setStates({});
    setErrors({});
    setRestored(false);
    void clearDraft(storageKey);
    document.getElementById('intake-serviceId')?.focus();
  }

  // Alt+N on this screen starts the next case at the service field.
  useEffect(() => {
    if (focusSignal > 0) document.getElementById('intake-serviceId')?.focus();
  }, [focusSignal]);

  useAltShortcuts({
    s: () => formRef.current?.requestSubmit(),
    p: saved ? printSavedReceipt : undefined,
    d: saved?.deficiency ? printSavedNotice : undefined,
    r: earlierCases.length > 0 ? useEarlierDetails : undefined,
  });

  const fieldProps = (field: IntakeFieldName) => ({
    id: `intake-${field}`,
    name: field,
    value: fields[field],
    'aria-invalid': errors[field] ? true : undefined,
    'aria-describedby': errors[field] ? `intake-${field}-error` : undefined,
    onBlur: () => blur(field),
    onChange: (e: { target: { value: string } }) => set(field, e.target.value),
  });

  const textField = (field: IntakeFieldName, label: string, extra: Record<string, unknown> = {}) => (
    <div className="field">
      <label htmlFor={`intake-${field}`}>{label}</label>
      <input {...fieldProps(field)} autoComplete="off" spellCheck={false} {...extra} />
      <FieldError id={`intake-${field}-error`} message={errors[field]} />
    </div>
  );

  return (
    <div className="intake">
      {saved && (
        <section className="saved-banner" aria-labelledby="saved-title">
          <div role="status">
            <h2 id="saved-title">{t('saved', { caseNo: saved.caseNo })}</h2>
          </div>
          {saved.deficiency && (
            <p>
              {t('status.awaiting-documents')} · {t('clockPausedSince', { date: formatRocLong(saved.receivedOn) })} · {t('supplementBy')}: {formatRocLong(saved.deficiency.supplementBy)}
            </p>
          )}
          <div className="button-row">
            <button type="button" autoFocus onClick={printSavedReceipt} aria-keyshortcuts="Alt+P">
              {t('printReceipt')} <kbd>Alt+P</kbd>
            </button>
            {saved.deficiency && (
              <button type="button" onClick={printSavedNotice} aria-keyshortcuts="Alt+D">
                {t('printNotice')} <kbd>Alt+D</kbd>
              </button>
            )}
          </div>
        </section>
      )}
      <form ref={formRef} onSubmit={(e) => void submit(e)} onKeyDown={onFormKeyDown} noValidate aria-labelledby="intake-title" aria-describedby="intake-shortcuts">
        <h2 id="intake-title">{t('newCase')}</h2>
        <p id="intake-shortcuts" className="hint small">
          {t('shortcutsHint')}
        </p>
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

        <ServicePicker
          services={getCatalogue().services}
          usage={usage}
          selected={service}
          error={errors.serviceId}
          onSelect={(s) => {
            set('serviceId', s?.id ?? '');
            if (s) setErrors((e) => ({ ...e, serviceId: undefined }));
          }}
          onBlur={flush}
        />

        <fieldset
          className="kind-group"
          onKeyDown={(e) => {
            const index = Number(e.key) - 1;
            const kind = applicantKinds[index];
            if (kind && !e.altKey && !e.ctrlKey) {
              e.preventDefault();
              setKind(kind);
              document.getElementById(`intake-kind-${kind}`)?.focus();
            }
          }}
        >
          <legend>
            {t('applicantKind')} <span className="hint small">(1–5)</span>
          </legend>
          {applicantKinds.map((kind, index) => (
            <span key={kind} className="radio">
              <input id={`intake-kind-${kind}`} type="radio" name="kind" value={kind} checked={fields.kind === kind} onChange={() => setKind(kind)} />
              <label htmlFor={`intake-kind-${kind}`}>
                <kbd>{index + 1}</kbd> {t(`kind.${kind}`)}
              </label>
            </span>
          ))}
        </fieldset>

        {textField('idNumber', t('applicantId'))}
        {earlierCases.length > 0 && (
          <div className="returning" data-no-enter>
            <p role="status">{t('returningApplicant', { count: earlierCases.length, caseNo: earlierCases[0]?.caseNo ?? '' })}</p>
            <button type="button" onClick={useEarlierDetails} aria-keyshortcuts="Alt+R">
              {t('useEarlierDetails')} <kbd>Alt+R</kbd>
            </button>
          </div>
        )}
        {textField('name', fields.kind === 'company' ? `${t('companyName')}（${t('applicantName')}）` : t('applicantName'))}
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
            {textField('diedOn', t('diedOn'))}
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

        {service && (
          <fieldset className="checklist" aria-describedby="checklist-keys checklist-summary">
            <legend>{t('documents')}</legend>
            <p id="checklist-keys" className="hint small">
              {t('checklistKeys')}
            </p>
            {checklist.map((item, index) => (
              <fieldset
                key={item.document}
                className="doc-row"
                data-document={item.document}
                data-state={item.state}
                onKeyDown={(e) => {
                  const state = docKeys[e.key.toLowerCase()];
                  if (!state || e.altKey || e.ctrlKey) return;
                  e.preventDefault();
                  setStates((s) => ({ ...s, [item.document]: state }));
                  document.getElementById(`doc-${index}-${state}`)?.focus();
                }}
              >
                <legend>
                  {item.document}
                  {item.source === 'applicant' && <span className="hint small"> · {t('docFromApplicantKind')}</span>}
                </legend>
                {docStates.map((state) => (
                  <span key={state} className={`radio doc-${state}`}>
                    <input
                      id={`doc-${index}-${state}`}
                      type="radio"
                      name={`doc-${index}`}
                      value={state}
                      checked={item.state === state}
                      onChange={() => setStates((s) => ({ ...s, [item.document]: state }))}
                    />
                    <label htmlFor={`doc-${index}-${state}`}>{t(`docState.${state}`)}</label>
                  </span>
                ))}
              </fieldset>
            ))}
            <p id="checklist-summary" className={missingCount > 0 ? 'warning' : 'hint'} aria-live="polite">
              {missingCount > 0 ? t('missingSummary', { count: missingCount }) : t('completeSummary')}
            </p>
          </fieldset>
        )}
        {saveError && (
          <p role="alert" className="error">
            {saveError}
          </p>
        )}
        <button type="submit" disabled={saving} aria-keyshortcuts="Alt+S">
          {saving ? t('saving') : t('save')} <kbd>Alt+S</kbd>
        </button>
      </form>
    </div>
  );
}
