import { findService } from '../../../../shared/domain/catalogue';
import { recordAudit } from '../../db/auditStore';
import type { LocalCase } from '../../db/records';
import { getCatalogue } from '../../lib/referenceData';
import { usePrintJob } from '../../state/printJob';
import { useSession } from '../../state/sessionState';

/**
 * Prints the result slip of a case completed on the spot, when its service hands one over (a
 * certificate, a reissued bill: `resultSlip` in the catalogue), and logs the print. Answers whether it printed.
 */
export function useResultSlip(): (record: LocalCase) => boolean {
  const printResult = usePrintJob((s) => s.printResult);
  const username = useSession((s) => s.session?.user.username ?? '');
  return (record) => {
    if (record.status !== 'closed' || record.desk?.handover?.method !== 'on-the-spot') return false;
    if (!findService(getCatalogue(), record.serviceId)?.resultSlip) return false;
    printResult(record);
    void recordAudit(record.id, username, 'printed-result');
    return true;
  };
}
