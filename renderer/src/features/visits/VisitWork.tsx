import { useEffect, useState } from 'react';
import { getCase } from '../../db/caseStore';
import type { LocalCase } from '../../db/records';
import { linkVisitCase } from '../../db/visitStore';
import type { LocalVisit } from '../../db/visitStore';
import { useLocale } from '../../state/locale';
import { serverErrorText } from '../../lib/errorText';
import { useAltShortcuts } from '../../lib/shortcuts';
import { useSyncStatus } from '../../state/syncStatus';
import { CaseDetail } from '../cases/CaseDetail';
import { IntakeForm } from '../intake/IntakeForm';
import { useVisitOutcome } from './useVisitOutcome';
import { useVisitText } from './useVisitText';
import { VisitCaseBanner } from './VisitCaseBanner';
import { VisitFacts } from './VisitFacts';
import { VisitNotDoneForm } from './VisitNotDoneForm';
import type { VisitMessageKey } from './visitMessages';

type Step = 'overview' | 'intake' | 'case' | 'not-done';

/**
 * One visit at the home: who and where, the applicant's earlier cases, then the same intake as the
 * counter (channel 'field-visit'), capture and signature on the case, the receipt printed or sent by
 * SMS, and the visit marked done or not done with a reason. All of it works offline.
 */
export function VisitWork({ visit, onBack, onChanged }: { visit: LocalVisit; onBack: () => void; onChanged: () => void }) {
  const v = useVisitText();
  const locale = useLocale((s) => s.locale);
  const revision = useSyncStatus((s) => s.revision);
  const [step, setStep] = useState<Step>('overview');
  const [made, setMade] = useState<LocalCase>();
  const outcome = useVisitOutcome(visit, made, onChanged);
  const finished = visit.state !== 'planned';

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
      <VisitFacts visit={visit} />

      {outcome.message && <p role="status">{outcome.message}</p>}

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
        <VisitCaseBanner
          made={made}
          finished={finished}
          receipt={outcome.receipt}
          onReceipt={outcome.setReceipt}
          hasMobile={outcome.hasMobile}
          receiptError={outcome.errors.receipt}
          printed={outcome.printed}
          onPrint={outcome.print}
          onOpenCase={() => setStep('case')}
          onDone={() => void outcome.markDone()}
          onNotDone={() => setStep('not-done')}
        />
      )}

      {step === 'not-done' && !finished && (
        <VisitNotDoneForm
          reason={outcome.reason}
          onReason={outcome.setReason}
          detail={outcome.detail}
          onDetail={outcome.setDetail}
          error={outcome.errors.detail}
          onSubmit={() => void outcome.markNotDone(() => setStep('overview'))}
          onCancel={() => setStep('overview')}
        />
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
