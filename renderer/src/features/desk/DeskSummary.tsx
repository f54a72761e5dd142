import type { CaseDesk } from '../../../../shared/schemas/caseDesk';
import type { DecisionLevel } from '../../../../shared/schemas/unit';
import { useT } from '../../lib/i18n';
import { useLocale } from '../../state/locale';
import { unitName } from './unitName';

/**
 * Where the case stands on the desk: its unit, its officer, who decides it, and — most visibly — a
 * supervisor's return with its reason, until the next proposal; then the proposal and the decision.
 */
export function DeskSummary({ desk, level }: { desk: CaseDesk; level: DecisionLevel }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const when = (iso: string) => new Date(iso).toLocaleString(locale === 'en' ? 'en' : 'zh-TW');
  const outcome = (value: 'approve' | 'reject') => t(`steps.${value}`);
  return (
    <>
      {desk.returned && (
        <p className="desk-returned" role="note" data-testid="desk-returned">
          {t('steps.returnedBy', { by: desk.returned.by, at: when(desk.returned.at), reason: desk.returned.reason })}
        </p>
      )}
      <dl className="facts">
        <dt>{t('steps.unit')}</dt>
        <dd>{unitName(desk.unit, t)}</dd>
        <dt>{t('steps.assignee')}</dt>
        <dd data-testid="desk-assignee">{desk.assignee ?? t('steps.unassigned')}</dd>
        <dt>{t('steps.level')}</dt>
        <dd>{t(`level.${level}`)}</dd>
        {desk.proposal && !desk.decision && (
          <>
            <dt>{t('steps.propose')}</dt>
            <dd>{t('steps.proposal', { outcome: outcome(desk.proposal.outcome), reasons: desk.proposal.reasons, by: desk.proposal.by })}</dd>
          </>
        )}
        {desk.decision && (
          <>
            <dt>{t('steps.decide')}</dt>
            <dd>{t('steps.decision', { outcome: outcome(desk.decision.outcome), reasons: desk.decision.reasons, by: desk.decision.decidedBy, on: desk.decision.decidedOn })}</dd>
          </>
        )}
      </dl>
    </>
  );
}
