import { useRef, useState } from 'react';
import { findService } from '../../../../shared/domain/catalogue';
import { deskOf } from '../../../../shared/domain/caseDesk';
import type { CaseAction } from '../../../../shared/schemas/caseDesk';
import { recordAudit } from '../../db/auditStore';
import { deskActorOf } from '../../lib/caseSteps';
import type { LocalCase } from '../../db/records';
import { useT } from '../../lib/i18n';
import { getCatalogue } from '../../lib/referenceData';
import { usePrintJob } from '../../state/printJob';
import { useSession } from '../../state/sessionState';
import type { ApiOptions } from '../../sync/api';
import { BilingualMessage } from '../documents/BilingualMessage';
import { AssignForm } from './AssignForm';
import { DeskSummary } from './DeskSummary';
import { HandOverForm } from './HandOverForm';
import { DeskNotes, NoteForm } from './NoteForm';
import { ProposeForm } from './ProposeForm';
import { RequestDocumentsForm } from './RequestDocumentsForm';
import { isPanelStep, stepChoices, type PanelStep } from './stepChoices';
import { useDeskStep } from './useDeskStep';

/** Steps taken at once; the others open their form. */
const IMMEDIATE: Partial<Record<PanelStep, CaseAction>> = { take: { action: 'take' }, 'start-review': { action: 'start-review' } };

/**
 * The desk steps of one case, for whoever opens it: only the steps the one rule allows the signed-in
 * person now (stepChoices), each stored and queued on this device at once (works offline); when none is
 * allowed, the rule's words say why. Asking for documents prints the 補正 notice once the step is stored.
 */
export function CaseSteps({ record, api, onTaken }: { record: LocalCase; api: ApiOptions | undefined; onTaken: (next: LocalCase) => void }) {
  const t = useT();
  const user = useSession((s) => s.session?.user);
  const actor = user ? deskActorOf(user) : undefined;
  const { printNotice } = usePrintJob();
  const [open, setOpen] = useState<PanelStep>();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const { run, busy, outcome } = useDeskStep(record.id, actor, (next, step) => {
    setOpen(undefined);
    if (step.action === 'request-documents') {
      printNotice(next);
      if (actor) void recordAudit(next.id, actor.username, 'printed-notice');
    }
    onTaken(next);
    // The button pressed may be gone (a case taken is not offered again): the panel keeps the focus.
    headingRef.current?.focus();
  });
  if (!actor) return null;

  const choices = stepChoices(record, actor);
  const desk = deskOf(record, findService(getCatalogue(), record.serviceId));
  const form = { busy, onStep: run, onCancel: () => setOpen(undefined) };
  const label = (step: PanelStep) => t(`steps.${step}`);

  return (
    <section className="desk-steps" aria-labelledby="desk-steps-title">
      <h3 id="desk-steps-title" ref={headingRef} tabIndex={-1}>
        {t('steps.title')}
      </h3>
      <DeskSummary desk={desk} level={choices.level} />
      {choices.refusal && (
        <div data-testid="desk-refusal">
          <p>{t('steps.nothing')}</p>
          <BilingualMessage text={choices.refusal} tone="info" />
        </div>
      )}
      {choices.allowed.length > 0 && (
        <div className="button-row">
          {choices.allowed.map((step) => {
            const immediate = IMMEDIATE[step];
            return (
              <button
                key={step}
                type="button"
                disabled={busy}
                aria-expanded={immediate ? undefined : open === step}
                onClick={() => (immediate ? void run(immediate) : setOpen(open === step ? undefined : step))}
              >
                {label(step)}
              </button>
            );
          })}
        </div>
      )}
      {open === 'assign' && <AssignForm unit={desk.unit} api={api} {...form} />}
      {open === 'note' && <NoteForm {...form} />}
      {open === 'request-documents' && <RequestDocumentsForm record={record} {...form} />}
      {open === 'propose' && <ProposeForm decides={choices.decides} {...form} />}
      {open === 'hand-over' && <HandOverForm {...form} />}
      <p role="status" data-testid="desk-step-status">
        {busy ? t('steps.working') : outcome?.kind === 'saved' && isPanelStep(outcome.step) ? t('steps.saved', { step: label(outcome.step) }) : ''}
      </p>
      {outcome?.kind === 'refused' && <BilingualMessage text={outcome.words} tone="error" />}
      {outcome?.kind === 'failed' && (
        <p role="alert" className="error">
          {outcome.message}
        </p>
      )}
      <DeskNotes notes={desk.notes} />
    </section>
  );
}
