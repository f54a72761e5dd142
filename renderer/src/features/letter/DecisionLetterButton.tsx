import { recordAudit } from '../../db/auditStore';
import type { LocalCase } from '../../db/records';
import { useT } from '../../lib/i18n';
import { useAltShortcuts } from '../../lib/shortcuts';
import { usePrintJob } from '../../state/printJob';
import { useSession } from '../../state/sessionState';

/**
 * "Print decision notice" (列印處分書, Alt+J) for a case with a decision, at the counter or the officer's
 * desk; nothing for a case without one. The print is logged like every print of taxpayer data
 * (稅捐稽徵法 §33); `onPrinted` follows the log entry, so a history on screen can show it.
 */
export function DecisionLetterButton({ record, onPrinted }: { record: LocalCase; onPrinted?: () => void }) {
  const t = useT();
  const printDecision = usePrintJob((s) => s.printDecision);
  const username = useSession((s) => s.session?.user.username ?? '');
  const decided = record.desk?.decision !== undefined;

  function print() {
    printDecision(record);
    void recordAudit(record.id, username, 'printed-decision').then(onPrinted);
  }

  useAltShortcuts({ j: decided ? print : undefined });
  if (!decided) return null;
  return (
    <button type="button" onClick={print} aria-keyshortcuts="Alt+J">
      {t('printDecision')} <kbd>Alt+J</kbd>
    </button>
  );
}
