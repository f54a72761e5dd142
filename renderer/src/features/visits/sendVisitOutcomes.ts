/**
 * Sends the outcomes recorded offline, after a successful sync (the Workspace's `afterSync`), so a
 * case made at a home has reached the server before the outcome that names it.
 *
 * - An outcome naming a case that has not synced yet waits for a later run.
 * - The server answers a resend with the outcome it already holds (`replay`), so a lost answer is
 *   harmless. A refusal (4xx: conflict, not found, validation) is permanent for that visit: it is
 *   marked failed with the server's words and the others still go. A network or server fault stops
 *   the run and is thrown, so the sync engine retries with back-off.
 */
import { getCase } from '../../db/caseStore';
import type { CounterDeskDb } from '../../db/database';
import { getDb } from '../../db/database';
import { markOutcomeFailed, markOutcomeSent, pendingOutcomes } from '../../db/visitStore';
import { ApiError } from '../../sync/api';
import type { ApiOptions } from '../../sync/api';
import { isTemporary } from '../../sync/syncEngine';
import { sendOutcome } from './visitApi';

export interface OutcomeSendReport {
  sent: number;
  waiting: number;
  failed: number;
}

export async function sendVisitOutcomes(api: ApiOptions, db: CounterDeskDb = getDb()): Promise<OutcomeSendReport> {
  const report: OutcomeSendReport = { sent: 0, waiting: 0, failed: 0 };
  for (const visit of await pendingOutcomes(db)) {
    const outcome = visit.localOutcome;
    if (!outcome) continue;
    if (outcome.state === 'done' && outcome.caseId) {
      const made = await getCase(outcome.caseId, db);
      if (made?.syncState !== 'synced') {
        report.waiting += 1;
        continue;
      }
    }
    try {
      const answer = await sendOutcome(api, visit.id, outcome);
      await markOutcomeSent(visit.id, answer.outcome, db);
      report.sent += 1;
    } catch (error) {
      if (error instanceof ApiError && !isTemporary(error) && error.code !== 'unauthorized' && error.code !== 'protocol_outdated' && error.code !== 'device_revoked') {
        await markOutcomeFailed(visit.id, error.code, db);
        report.failed += 1;
        continue;
      }
      throw error;
    }
  }
  return report;
}
