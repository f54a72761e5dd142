import { useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { describeLimit, findService, type Service } from '../../../../shared/domain/catalogue';
import { parseTaxpayerId } from '../../../../shared/domain/ids';
import type { ChecklistState } from '../../../../shared/schemas/case';
import { recordAudit } from '../../db/auditStore';
import { casesOfApplicant } from '../../db/caseQuery';
import { caseSaveError } from '../intake/caseSaveError';
import { createCase, getCase } from '../../db/caseStore';
import type { LaneCar } from '../../db/laneStore';
import type { LocalCase } from '../../db/records';
import { bumpServiceUsage, loadServiceUsage } from '../../db/serviceUsage';
import { useLocale, useT } from '../../lib/i18n';
import { getCatalogue } from '../../lib/referenceData';
import { useAltShortcuts } from '../../lib/shortcuts';
import { useSession } from '../../state/sessionState';
import { CaseDocuments } from '../documents/CaseDocuments';
import { commonDocumentsFor, relatedRoleOf } from '../intake/applicantKinds';
import { buildCaseRecord, checklistDocuments, intakeContextAt } from '../intake/buildCase';
import { FieldError } from '../intake/FieldError';
import { emptyFields, validateField, validateIntake, type IntakeErrors, type IntakeFieldName, type IntakeFields } from '../intake/validateIntake';
import { missingDocuments } from '../notice/deficiency';
import { usePrintJob } from '../receipt/printJob';
import { caseContentToSign } from '../signature/signatureBinding';
import { SignaturePanel } from '../signature/SignaturePanel';
import { handedOverStates, laneApplicantKind, laneServices } from './laneModel';

const docStates: readonly ChecklistState[] = ['provided', 'missing', 'waived'];
/** Digits 1–9 pick a tile; the lane's list is short by rule (decision 0002), so every match is shown. */
const NUMBERED_TILES = 9;

interface Props {
  car: LaneCar;
  carLabel: string;
  /** The case is saved: link it to the car, so that a reload resumes from the documents. */
  onRegistered: (record: LocalCase) => Promise<void>;
  /** The receipt went to the printer: the car leaves the lane. */
  onPrinted: (record: LocalCase) => Promise<void>;
}

/**
 * One car's intake on one screen, in the order it happens at the window: the ID card (scanned by a
 * keyboard-wedge reader, which types the number and Enter, or typed), the service, the documents
 * checklist, then — once the case is registered — the scanned documents, the applicant's signature
 * and the receipt. Each step hands focus to the next, so the common path is the scan, the name for a
 * first-time applicant, one tap per step, and no screen change.
 */
export function LaneFlow({ car, carLabel, onRegistered, onPrinted }: Props) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const session = useSession((s) => s.session);
  const username = session?.user.username ?? '';
  const { printReceipt, printNotice } = usePrintJob();
  const [fields, setFields] = useState<IntakeFields>(emptyFields);
  const [errors, setErrors] = useState<IntakeErrors>({});
  const [states, setStates] = useState<Record<string, ChecklistState>>({});
  const [query, setQuery] = useState('');
  const [usage, setUsage] = useState<Record<string, number>>({});
  const [returning, setReturning] = useState<string>();
  const [record, setRecord] = useState<LocalCase>();
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string>();
  const [scanned, setScanned] = useState(0);
  const [signed, setSigned] = useState(false);
  const [printing, setPrinting] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const registerRef = useRef<HTMLButtonElement>(null);
  const scanHeadingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let cancelled = false;
    void loadServiceUsage().then((counts) => {
      if (!cancelled) setUsage(counts);
    });
    // A car already registered (the window was reloaded) resumes at its documents.
    if (car.caseId) {
      void getCase(car.caseId).then((found) => {
        if (!cancelled && found) setRecord(found);
      });
    }
    return () => {
      cancelled = true;
    };
  }, [car.caseId]);

  const service = fields.serviceId ? findService(getCatalogue(), fields.serviceId) : undefined;
  const documents = useMemo(() => (service ? checklistDocuments(service, commonDocumentsFor(getCatalogue(), fields.kind)) : []), [service, fields.kind]);
  const matches = useMemo(() => laneServices(getCatalogue(), query, usage), [query, usage]);
  const tiles = matches;
  const contentToSign = useMemo(() => (record ? caseContentToSign(record) : undefined), [record]);
  const role = relatedRoleOf[fields.kind];

  function focus(id: string) {
    // At once when the field is on screen: a scanner or a fast typist sends the next keys right after
    // Enter, and they must land in the next field. A field the step only now reveals is focused after
    // React has rendered it.
    const field = document.getElementById(id);
    if (field) field.focus();
    else requestAnimationFrame(() => document.getElementById(id)?.focus());
  }

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
    focus(field === 'name' && role === 'representative' ? 'lane-relatedName' : 'lane-service-filter');
  }

  function choose(picked: Service) {
    const items = checklistDocuments(picked, commonDocumentsFor(getCatalogue(), fields.kind));
    setFields((f) => ({ ...f, serviceId: picked.id }));
    setStates(handedOverStates(items));
    setErrors((e) => ({ ...e, serviceId: undefined }));
    setQuery('');
    requestAnimationFrame(() => registerRef.current?.focus());
  }

  function onFilterKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const digit = Number(event.key);
    const byNumber = Number.isInteger(digit) && digit >= 1 && digit <= NUMBERED_TILES ? tiles[digit - 1] : undefined;
    if (byNumber) {
      event.preventDefault();
      choose(byNumber);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (tiles[0]) choose(tiles[0]);
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      document.querySelector<HTMLButtonElement>('.lane-tiles button')?.focus();
    }
  }

  async function register(event?: FormEvent) {
    event?.preventDefault();
    if (record || saving || !session) return;
    setSaveError(undefined);
    const result = validateIntake(fields);
    if (!result.ok || !service) {
      if (!result.ok) setErrors(result.errors);
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid=true]')?.focus());
      return;
    }
    setSaving(true);
    try {
      const context = intakeContextAt(new Date(), session.device.stationCode, username, 'drive-through');
      const values = { ...result.value, service, states, commonDocuments: commonDocumentsFor(getCatalogue(), fields.kind) };
      const saved = await createCase({ stationCode: context.stationCode, rocYear: context.rocYear, build: (sequence) => buildCaseRecord(values, context, sequence) });
      void recordAudit(saved.id, username, 'created');
      void bumpServiceUsage(service.id);
      await onRegistered(saved);
      setRecord(saved);
      requestAnimationFrame(() => scanHeadingRef.current?.focus());
    } catch (error) {
      // What was entered stays on screen for another try.
      setSaveError(caseSaveError(error, t));
    } finally {
      setSaving(false);
    }
  }

  async function print() {
    if (!record || !signed || printing) return;
    setPrinting(true);
    setSaveError(undefined);
    try {
      printReceipt(record);
      await recordAudit(record.id, username, 'printed-receipt');
      await onPrinted(record);
    } catch (error) {
      // The receipt is in the printer's hands; only leaving the list failed, and the clerk can print again.
      setSaveError(error instanceof Error ? error.message : String(error));
    } finally {
      setPrinting(false);
    }
  }

  function printDeficiency() {
    if (!record?.deficiency) return;
    printNotice(record);
    void recordAudit(record.id, username, 'printed-notice');
  }

  useAltShortcuts({
    s: record ? undefined : () => formRef.current?.requestSubmit(),
    p: record && signed ? () => void print() : undefined,
    d: record?.deficiency ? printDeficiency : undefined,
  });

  const input = (field: IntakeFieldName) => ({
    id: `lane-${field}`,
    value: fields[field],
    autoComplete: 'off',
    spellCheck: false,
    'aria-invalid': errors[field] ? true : undefined,
    'aria-describedby': errors[field] ? `lane-${field}-error` : undefined,
    onChange: (e: { target: { value: string } }) => set(field, e.target.value),
  });

  const limit = service ? describeLimit(service.limit) : undefined;

  return (
    <section className="lane-flow" aria-labelledby="lane-flow-title" data-car={car.id}>
      <h3 id="lane-flow-title">{t('laneServing', { car: carLabel })}</h3>
      {record ? (
        <>
          <div className="lane-registered" role="status">
            <p>
              <strong>{t('laneRegistered', { caseNo: record.caseNo })}</strong>
            </p>
            <p>
              {record.applicant.name} {record.applicant.idNumber} · {findService(getCatalogue(), record.serviceId)?.[locale === 'en' ? 'nameEn' : 'nameZh'] ?? record.serviceId}
              {record.deficiency ? ` · ${t('missingSummary', { count: missingDocuments(record.checklist).length })}` : ''}
            </p>
          </div>
          <section className="lane-step" aria-labelledby="lane-step-scan">
            <h4 id="lane-step-scan" tabIndex={-1} ref={scanHeadingRef}>
              {t('laneStepScan')} <span className="hint small">{t('laneScanned', { count: scanned })}</span>
            </h4>
            <CaseDocuments caseId={record.id} checklist={record.checklist} onChange={(docs) => setScanned(docs.length)} />
          </section>
          <section className="lane-step" aria-labelledby="lane-step-sign">
            <h4 id="lane-step-sign">{t('laneStepSign')}</h4>
            {contentToSign !== undefined && <SignaturePanel caseId={record.id} contentToSign={contentToSign} onCoverageChange={setSigned} />}
          </section>
          <section className="lane-step" aria-labelledby="lane-step-print">
            <h4 id="lane-step-print">{t('laneStepPrint')}</h4>
            {!signed && (
              <p id="lane-sign-first" className="warning">
                {t('laneSignFirst')}
              </p>
            )}
            {saveError && (
              <p role="alert" className="error">
                {saveError}
              </p>
            )}
            <div className="button-row">
              <button type="button" className="lane-big lane-primary" disabled={!signed || printing} aria-describedby={signed ? undefined : 'lane-sign-first'} aria-keyshortcuts="Alt+P" onClick={() => void print()}>
                {t('printReceipt')} <kbd>Alt+P</kbd>
              </button>
              {record.deficiency && (
                <button type="button" className="lane-big" aria-keyshortcuts="Alt+D" onClick={printDeficiency}>
                  {t('printNotice')} <kbd>Alt+D</kbd>
                </button>
              )}
            </div>
          </section>
        </>
      ) : (
        <form ref={formRef} className="lane-form" onSubmit={(e) => void register(e)} noValidate aria-labelledby="lane-flow-title">
          <fieldset className="lane-step">
            <legend>{t('laneStepId')}</legend>
            <div className="field">
              <label htmlFor="lane-idNumber">{t('applicantId')}</label>
              <input
                {...input('idNumber')}
                className="lane-id"
                autoFocus
                aria-describedby={`lane-id-hint${errors.idNumber ? ' lane-idNumber-error' : ''}`}
                onKeyDown={(e) => {
                  if (e.key !== 'Enter') return;
                  e.preventDefault();
                  void commitId(e.currentTarget.value);
                }}
              />
              <p id="lane-id-hint" className="hint small">
                {t('laneIdHint')}
              </p>
              <FieldError id="lane-idNumber-error" message={errors.idNumber} />
            </div>
            <div className="field">
              <label htmlFor="lane-name">{fields.kind === 'company' ? `${t('companyName')}（${t('applicantName')}）` : t('applicantName')}</label>
              <input
                {...input('name')}
                onKeyDown={(e) => {
                  if (e.key !== 'Enter') return;
                  e.preventDefault();
                  commitName('name', e.currentTarget.value);
                }}
              />
              {returning && (
                <p className="hint small" role="status">
                  {t('laneReturning', { caseNo: returning })}
                </p>
              )}
              <FieldError id="lane-name-error" message={errors.name} />
            </div>
            {role === 'representative' && (
              <div className="field">
                <label htmlFor="lane-relatedName">{t('representativeName')}</label>
                <input
                  {...input('relatedName')}
                  onKeyDown={(e) => {
                    if (e.key !== 'Enter') return;
                    e.preventDefault();
                    commitName('relatedName', e.currentTarget.value);
                  }}
                />
                <FieldError id="lane-relatedName-error" message={errors.relatedName} />
              </div>
            )}
          </fieldset>

          <fieldset className="lane-step">
            <legend>{t('laneStepService')}</legend>
            <div className="field">
              <label htmlFor="lane-service-filter">{t('laneServiceFilter')}</label>
              <input
                id="lane-service-filter"
                value={query}
                autoComplete="off"
                spellCheck={false}
                aria-describedby={`lane-service-hint${errors.serviceId ? ' lane-serviceId-error' : ''}`}
                aria-invalid={errors.serviceId ? true : undefined}
                onChange={(e) => setQuery(e.target.value)}
                onKeyDown={onFilterKeyDown}
              />
              <p id="lane-service-hint" className="hint small">
                {t('laneServiceHint')}
              </p>
              <FieldError id="lane-serviceId-error" message={errors.serviceId} />
            </div>
            {service && query === '' ? null : tiles.length === 0 ? (
              <p role="status">{t('laneServiceNone')}</p>
            ) : (
              <ul className="lane-tiles" aria-label={t('service')}>
                {tiles.map((option, index) => (
                  <li key={option.id}>
                    <button type="button" className="lane-tile" aria-pressed={option.id === fields.serviceId} data-service-id={option.id} onClick={() => choose(option)}>
                      {index < NUMBERED_TILES && <kbd>{index + 1}</kbd>} <span lang="zh-Hant-TW">{option.nameZh}</span>
                      <span className="lane-tile-sub" lang="en">
                        {option.nameEn}
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            )}
            {service && limit && (
              <div className="lane-chosen">
                <p data-testid="lane-service-chosen">
                  {t('service')}: <strong>{locale === 'en' ? service.nameEn : service.nameZh}</strong> · {t('limit')}: {locale === 'en' ? limit.en : limit.zh}
                </p>
                <button
                  type="button"
                  className="lane-big"
                  onClick={() => {
                    setFields((f) => ({ ...f, serviceId: '' }));
                    setStates({});
                    focus('lane-service-filter');
                  }}
                >
                  {t('laneChangeService')}
                </button>
              </div>
            )}
          </fieldset>

          {service && (
            <fieldset className="lane-step lane-checklist" aria-describedby="lane-documents-hint">
              <legend>{t('laneStepDocuments')}</legend>
              <p id="lane-documents-hint" className="hint small">
                {t('laneDocumentsHint')}
              </p>
              {documents.map((item, index) => (
                <fieldset key={item.document} className="lane-doc" data-document={item.document} data-state={states[item.document] ?? 'missing'}>
                  <legend>{item.document}</legend>
                  {docStates.map((state) => (
                    <span key={state} className={`lane-seg doc-${state}`}>
                      <input
                        id={`lane-doc-${index}-${state}`}
                        type="radio"
                        name={`lane-doc-${index}`}
                        value={state}
                        checked={(states[item.document] ?? 'missing') === state}
                        onChange={() => setStates((s) => ({ ...s, [item.document]: state }))}
                      />
                      <label htmlFor={`lane-doc-${index}-${state}`}>{t(`docState.${state}`)}</label>
                    </span>
                  ))}
                </fieldset>
              ))}
            </fieldset>
          )}
          {saveError && (
            <p role="alert" className="error">
              {saveError}
            </p>
          )}
          <button ref={registerRef} type="submit" className="lane-big lane-primary" disabled={saving} aria-keyshortcuts="Alt+S">
            {saving ? t('saving') : t('laneRegister')} <kbd>Alt+S</kbd>
          </button>
        </form>
      )}
    </section>
  );
}
