import { formatRocLong } from '../../../../shared/domain/rocDate';
import type { Proposal } from '../../../../shared/schemas/caseDesk';
import type { DecisionLevel } from '../../../../shared/schemas/unit';
import { useT } from '../../lib/i18n';

/** What the supervisor decides on: the level that decides (分層負責) and the officer's proposal, as this device holds it. */
export function ProposalFacts({ proposal, level }: { proposal: Proposal | undefined; level: DecisionLevel | undefined }) {
  const t = useT();
  const facts = proposal?.facts;
  return (
    <dl className="facts" data-testid="proposal">
      {level && (
        <>
          <dt>{t('decide.level')}</dt>
          <dd>{t(`decide.level.${level}`)}</dd>
        </>
      )}
      <dt>{t('decide.proposal')}</dt>
      <dd data-outcome={proposal?.outcome ?? ''}>{proposal ? t('decide.proposedBy', { outcome: t(`decide.outcome.${proposal.outcome}`), officer: proposal.by }) : t('decide.noProposal')}</dd>
      {proposal && (
        <>
          <dt>{t('decide.reasons')}</dt>
          <dd>{proposal.reasons}</dd>
        </>
      )}
      {facts?.granted && (
        <>
          <dt>{t('decide.granted')}</dt>
          <dd>{facts.granted}</dd>
        </>
      )}
      {facts?.fromPeriod && (
        <>
          <dt>{t('decide.fromPeriod')}</dt>
          <dd>{facts.fromPeriod}</dd>
        </>
      )}
      {facts?.expiresOn && (
        <>
          <dt>{t('decide.expiresOn')}</dt>
          <dd>
            {formatRocLong(facts.expiresOn)} ({facts.expiresOn})
          </dd>
        </>
      )}
    </dl>
  );
}
