import type { QueueCase } from '../../../../shared/schemas/supervision';
import { useT } from '../../lib/i18n';

/** The officer's proposal on a queued case, in words, and who decides it (分層負責). */
export function QueueProposal({ item }: { item: QueueCase }) {
  const t = useT();
  return (
    <>
      {item.proposal && (
        <div>
          <strong>{t(`supProposal.${item.proposal.outcome}`)}</strong>：{item.proposal.reasons}
        </div>
      )}
      <div className="hint small">{t(`supLevel.${item.decisionLevel}`)}</div>
    </>
  );
}
