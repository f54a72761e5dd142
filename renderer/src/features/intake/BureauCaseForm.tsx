import type { LocalCase } from '../../db/records';
import { useT } from '../../lib/i18n';
import { IntakeForm } from './IntakeForm';

/**
 * 主動立案: a case the bureau opens itself, without the applicant at a counter (disaster relief,
 * low-income or disability exemption renewals), for officers and supervisors. The taxpayer is recorded
 * as at the counter; nobody signs and no receipt prints. Its draft is kept apart from the counter's.
 */
export function BureauCaseForm({ closeLabel, onSaved, onClose }: { closeLabel: string; onSaved: (record: LocalCase) => void; onClose: () => void }) {
  const t = useT();
  return (
    <section className="bureau-case">
      <button type="button" className="link-button" onClick={onClose}>
        {closeLabel}
      </button>
      <IntakeForm channel="bureau" draftScope="bureau" title={t('bureau.title')} onSaved={onSaved} />
    </section>
  );
}
