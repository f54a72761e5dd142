/**
 * Renewals due (主動服務): approved decisions whose grant runs out (desk.decision.facts.expiresOn) from
 * today to one month on. The nightly job reminds each citizen once per case and expiry; the
 * supervisor's list shows the same cases with the reminder's state, over the units they oversee.
 */
import { defaultCatalogue, findService } from '../../../shared/domain/catalogue';
import { parseStored } from '../../../shared/schemas/parseStored';
import type { Catalogue } from '../../../shared/domain/catalogue';
import { addMonths } from '../../../shared/domain/isoDate';
import { maskName } from '../../../shared/domain/masking';
import { applicantSchema } from '../../../shared/schemas/case';
import { renewalSchema } from '../../../shared/schemas/supervision';
import type { Renewal } from '../../../shared/schemas/supervision';
import type { Queryable } from '../db/database';
import { listUnits } from '../store/unitStore';
import { handlingUnitOfCase } from './caseAssessments';

/** The reminder's event key: one message per case and expiry, so a renewed grant is reminded again. */
export const renewalEventKey = (expiresOn: string) => `expires-${expiresOn}`;

/** From today to the same day next month, both included. */
export function renewalWindow(today: string): { from: string; to: string } {
  return { from: today, to: addMonths(today, 1) };
}

interface RenewalRow {
  id: string;
  case_no: string;
  service_id: string;
  unit: string | null;
  applicant: unknown;
  expires_on: string;
  granted: string | null;
  reminder: string | null;
}

export async function listRenewalsDue(db: Queryable, options: { today: string; units: 'all' | readonly string[]; catalogue?: Catalogue }): Promise<Renewal[]> {
  const catalogue = options.catalogue ?? defaultCatalogue;
  const { from, to } = renewalWindow(options.today);
  const { rows } = await db.query<RenewalRow>(
    `SELECT c.id, c.case_no, c.service_id, c.unit, c.applicant, c.desk #>> '{decision,facts,expiresOn}' AS expires_on,
            c.desk #>> '{decision,facts,granted}' AS granted,
            (SELECT n.status FROM notifications n
              WHERE n.case_id = c.id AND n.kind = 'renewal' AND n.event_key = 'expires-' || (c.desk #>> '{decision,facts,expiresOn}')) AS reminder
       FROM cases c
      WHERE c.desk #>> '{decision,outcome}' = 'approve' AND c.desk #>> '{decision,facts,expiresOn}' IS NOT NULL
        AND c.desk #>> '{decision,facts,expiresOn}' BETWEEN $1 AND $2
        AND c.server_seq IS NOT NULL AND c.deleted_at IS NULL AND c.status <> 'withdrawn'
      ORDER BY expires_on, c.case_no`,
    [from, to],
  );
  const names = new Map((await listUnits(db)).map((unit) => [unit.code, unit]));
  return rows
    .map((row) => {
      const service = findService(catalogue, row.service_id);
      const unit = handlingUnitOfCase(row.unit, row.service_id, catalogue);
      return renewalSchema.parse({
        id: row.id,
        caseNo: row.case_no,
        serviceId: row.service_id,
        serviceNameZh: service?.nameZh ?? row.service_id,
        serviceNameEn: service?.nameEn ?? row.service_id,
        unit,
        unitNameZh: names.get(unit)?.nameZh ?? unit,
        unitNameEn: names.get(unit)?.nameEn ?? unit,
        applicantMasked: maskName(parseStored(applicantSchema, row.applicant).name),
        expiresOn: row.expires_on,
        granted: row.granted,
        reminder: row.reminder,
      });
    })
    .filter((renewal) => options.units === 'all' || options.units.includes(renewal.unit));
}
