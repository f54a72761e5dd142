import { useEffect, useState } from 'react';
import { findService } from '../../../../shared/domain/catalogue';
import { districtByZip } from '../../../../shared/domain/districts';
import { formatPhone, parsePhone } from '../../../../shared/domain/phone';
import { formatRocLong } from '../../../../shared/domain/rocDate';
import type { Bilingual } from '../../../../shared/domain/bilingual';
import type { ReceiptMethod } from '../../../../shared/schemas/visit';
import { recordAudit } from '../../db/auditStore';
import { getCase } from '../../db/caseStore';
import type { LocalCase } from '../../db/records';
import { linkVisitCase, recordLocalOutcome } from '../../db/visitStore';
import type { LocalVisit } from '../../db/visitStore';
import { useT } from '../../lib/i18n';
import { useLocale } from '../../state/locale';
import { serverErrorText } from '../../lib/errorText';
import { getCatalogue } from '../../lib/referenceData';
import { useAltShortcuts } from '../../lib/shortcuts';
import { useSession } from '../../state/sessionState';
import { useSyncStatus } from '../../state/syncStatus';
import { CaseDetail } from '../cases/CaseDetail';
import { FieldError } from '../../lib/FieldError';
import { IntakeForm } from '../intake/IntakeForm';
import { usePrintJob } from '../../state/printJob';
import { useVisitText } from './useVisitText';
import { visitBilingual, type VisitMessageKey } from './visitMessages';

const reasons = ['nobody-home', 'declined', 'rescheduled', 'incomplete-documents', 'other'] as const;
type Reason = (typeof reasons)[number];

/** The English part of a preset reason is stored with it: the supervisor may read either language. */
function reasonText(reason: Reason, detail: string): string {
  const preset = reason === 'other' ? '' : `${visitBilingual(`reason.${reason}`).zh} / ${visitBilingual(`reason.${reason}`).en}`;
  return [preset, detail.trim()].filter((part) => part !== '').join('：');
}

type Step = 'overview' | 'intake' | 'case' | 'not-done';

/**
 * One visit at the home: who and where, the applicant's earlier cases, then the same intake as the
 * counter (channel 'field-visit'), capture and signature on the case, the receipt printed or sent by
 * SMS, and the visit marked done or not done with a reason. All of it works offline.
 */
export function VisitWork({ visit, onBack, onChanged }: { visit: LocalVisit; onBack: () => void; onChanged: () => void }) {
  const t = useT();
  const v = useVisitText();
  const locale = useLocale((s) => s.locale);
  const username = useSession((s) => s.session?.user.username ?? '');
  const revision = useSyncStatus((s) => s.revision);
  const { printReceipt } = usePrintJob();
  const [step, setStep] = useState<Step>('overview');
  const [made, setMade] = useState<LocalCase>();
  const [receipt, setReceipt] = useState<ReceiptMethod | undefined>(visit.localOutcome?.state === 'done' ? visit.localOutcome.receipt : undefined);
  const [printed, setPrinted] = useState(false);
  const [reason, setReason] = useState<Reason>('nobody-home');
  const [detail, setDetail] = useState('');
  const [errors, setErrors] = useState<{ receipt?: Bilingual; detail?: Bilingual }>({});
  const [message, setMessage] = useState<string>();

  const serviceName = (id: string) => {
    const found = findService(getCatalogue(), id);
    return found ? (locale === 'en' ? found.nameEn : found.nameZh) : id;
  };
  const district = districtByZip(visit.address.zip);
  const finished = visit.state !== 'planned';
  const hasMobile = (() => {
    const phone = parsePhone(made?.applicant.phone ?? visit.applicant.phone);
    return phone.ok && phone.kind === 'mobile';
  })();

  useEffect(() => {
    if (!visit.caseId) return;
    let cancelled = false;
    void getCase(visit.caseId).then((found) => {
      if (!cancelled) setMade(found);
    });
    return () => {
      cancelled = true;
    };
  }, [visit.caseId, revision]);

  useAltShortcuts({
    i: !finished && !visit.caseId && step === 'overview' ? () => setStep('intake') : undefined,
    b: step === 'overview' ? onBack : undefined,
  });

  async function onCaseSaved(record: LocalCase) {
    await linkVisitCase(visit.id, record.id, record.caseNo);
    setMade(record);
    setStep('overview');
    onChanged();
  }

  function print() {
    if (!made) return;
    printReceipt(made);
    void recordAudit(made.id, username, 'printed-receipt');
    setReceipt('printed');
    setPrinted(true);
  }

  async function markDone() {
    if (made && !receipt) {
      setErrors({ receipt: visitBilingual('receiptRequired') });
      return;
    }
    if (receipt === 'sms' && !hasMobile) {
      setErrors({ receipt: visitBilingual('smsNeedsMobile') });
      return;
    }
    setErrors({});
    await recordLocalOutcome(visit.id, { state: 'done', ...(made ? { caseId: made.id, receipt } : {}), reportedAt: new Date().toISOString() });
    setMessage(v('outcomeSaved'));
    onChanged();
  }

  async function markNotDone() {
    if (reason === 'other' && detail.trim() === '') {
      setErrors({ detail: visitBilingual('reasonRequired') });
      document.getElementById('visit-reason-detail')?.focus();
      return;
    }
    setErrors({});
    await recordLocalOutcome(visit.id, { state: 'not-done', reason: reasonText(reason, detail), reportedAt: new Date().toISOString() });
    setStep('overview');
    setMessage(v('outcomeSaved'));
    onChanged();
  }

  if (step === 'intake') {
    return (
      <section aria-labelledby="visit-intake-title">
        <h2 id="visit-intake-title">{v('intakeTitle', { name: visit.applicant.name })}</h2>
        <button type="button" className="link-button" onClick={() => setStep('overview')}>
          {v('back')}
        </button>
        <IntakeForm
          channel="field-visit"
          draftScope={`visit:${visit.id}`}
          initialFields={{ serviceId: visit.serviceId, kind: visit.applicant.kind, idNumber: visit.applicant.idNumber, name: visit.applicant.name, phone: visit.applicant.phone, zip: visit.address.zip, addressLine: visit.address.line }}
          onSaved={(record) => void onCaseSaved(record)}
        />
      </section>
    );
  }

  if (step === 'case' && made) {
    return <CaseDetail caseId={made.id} onBack={() => setStep('overview')} onChanged={onChanged} />;
  }

  const kindKey: VisitMessageKey = `state.${visit.state}`;
  return (
    <section className="case-detail visit-work" aria-labelledby="visit-title" data-visit-id={visit.id} data-state={visit.state}>
      <h2 id="visit-title">
        {visit.time} {visit.applicant.name} · {v(kindKey)}
      </h2>
      <button type="button" className="link-button" onClick={onBack} aria-keyshortcuts="Alt+B">
        {v('back')} <kbd>Alt+B</kbd>
      </button>
      <dl>
        <dt>{v('applicant')}</dt>
        <dd>
          {visit.applicant.name} · {t(`kind.${visit.applicant.kind}`)} · <span className="mono">{visit.applicant.idNumber}</span>
          {visit.applicant.phone && ` · ${formatPhone(visit.applicant.phone)}`}
        </dd>
        <dt>{v('address')}</dt>
        <dd>
          {visit.address.zip} {district ? `基隆市${district.name}` : ''} {visit.address.line}
        </dd>
        <dt>{v('service')}</dt>
        <dd>{serviceName(visit.serviceId)}</dd>
        {visit.note && (
          <>
            <dt>{v('note')}</dt>
            <dd>{visit.note}</dd>
          </>
        )}
      </dl>

      <table className="case-list" aria-label={v('earlierCases')}>
        <caption>{v('earlierCases')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('caseNo')}</th>
            <th scope="col">{t('service')}</th>
            <th scope="col">{t('status')}</th>
            <th scope="col">{t('receivedOn')}</th>
          </tr>
        </thead>
        <tbody>
          {visit.earlierCases.length === 0 ? (
            <tr>
              <td colSpan={4}>{v('noEarlierCases')}</td>
            </tr>
          ) : (
            visit.earlierCases.map((earlier) => (
              <tr key={earlier.caseNo}>
                <td className="mono">{earlier.caseNo}</td>
                <td>{serviceName(earlier.serviceId)}</td>
                <td>{t(`status.${earlier.status}`)}</td>
                <td>{formatRocLong(earlier.receivedOn)}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>

      {message && <p role="status">{message}</p>}

      {!finished && !made && step === 'overview' && (
        <div className="button-row">
          <button type="button" onClick={() => setStep('intake')} aria-keyshortcuts="Alt+I">
            {v('startIntake')} <kbd>Alt+I</kbd>
          </button>
          <button type="button" onClick={() => setStep('not-done')}>
            {v('markNotDone')}
          </button>
        </div>
      )}

      {made && (
        <section className="saved-banner" aria-labelledby="visit-case-title">
          <h3 id="visit-case-title">{v('caseMade', { caseNo: made.caseNo })}</h3>
          <div className="button-row">
            <button type="button" onClick={() => setStep('case')}>
              {v('captureAndSign')}
            </button>
          </div>
          {!finished && (
            <>
              <fieldset aria-describedby={errors.receipt ? 'visit-receipt-error' : undefined}>
                <legend>{v('receiptTitle')}</legend>
                <span className="radio">
                  <input id="visit-receipt-printed" type="radio" name="visit-receipt" checked={receipt === 'printed'} onChange={() => setReceipt('printed')} />
                  <label htmlFor="visit-receipt-printed">{v('printReceipt')}</label>
                </span>
                <span className="radio">
                  <input id="visit-receipt-sms" type="radio" name="visit-receipt" checked={receipt === 'sms'} onChange={() => setReceipt('sms')} />
                  <label htmlFor="visit-receipt-sms">{v('smsReceipt')}</label>
                </span>
                {!hasMobile && <p className="warning">{v('smsNeedsMobile')}</p>}
                <FieldError id="visit-receipt-error" message={errors.receipt} />
              </fieldset>
              <div className="button-row">
                {receipt === 'printed' && (
                  <button type="button" onClick={print}>
                    {t('printReceipt')}
                  </button>
                )}
                {printed && <span role="status">{v('receiptPrinted')}</span>}
                <button type="button" onClick={() => void markDone()}>
                  {v('markDone')}
                </button>
                <button type="button" onClick={() => setStep('not-done')}>
                  {v('markNotDone')}
                </button>
              </div>
            </>
          )}
        </section>
      )}

      {step === 'not-done' && !finished && (
        <form
          aria-labelledby="visit-not-done-title"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void markNotDone();
          }}
        >
          <h3 id="visit-not-done-title">{v('reasonLabel')}</h3>
          <div className="field">
            <label htmlFor="visit-reason">{v('reasonPreset')}</label>
            <select id="visit-reason" value={reason} onChange={(event) => setReason(event.target.value as Reason)} autoFocus>
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
              onChange={(event) => setDetail(event.target.value)}
              aria-invalid={errors.detail ? true : undefined}
              aria-describedby={errors.detail ? 'visit-reason-detail-error' : undefined}
            />
            <FieldError id="visit-reason-detail-error" message={errors.detail} />
          </div>
          <div className="button-row">
            <button type="submit">{v('saveNotDone')}</button>
            <button type="button" onClick={() => setStep('overview')}>
              {v('cancel')}
            </button>
          </div>
        </form>
      )}

      {finished && (
        <p className="hint">
          {v(`state.${visit.state}`)}
          {visit.localOutcome?.state === 'not-done' && ` · ${visit.localOutcome.reason}`}
          {visit.outcomeSync !== 'none' && ` · ${v(`sync.${visit.outcomeSync}`)}`}
          {visit.outcomeError && ` · ${serverErrorText(locale, visit.outcomeError)}`}
          {visit.outcome && ` · ${v('smsState', { state: v(`sms.${visit.outcome.sms}`) })}`}
        </p>
      )}
    </section>
  );
}
