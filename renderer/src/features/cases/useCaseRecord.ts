import { useCallback, useEffect, useState } from 'react';
import { caseHistory, recordAudit, type HistoryEntry } from '../../db/auditStore';
import { getCase } from '../../db/caseStore';
import type { FeedbackRow } from '../../db/counterRecords';
import { feedbackFor } from '../../db/feedbackStore';
import type { LocalCase } from '../../db/records';
import { useSession } from '../../state/sessionState';
import { useSyncStatus } from '../../state/syncStatus';

/**
 * One case with its audit history and the citizen's feedback, read again after each sync and on
 * `reload`. `undefined` while loading, `null` when this device does not hold it. Opening it is logged:
 * taxpayer data is secret (稅捐稽徵法 §33).
 */
export function useCaseRecord(caseId: string) {
  const username = useSession((s) => s.session?.user.username ?? '');
  const revision = useSyncStatus((s) => s.revision);
  const [record, setRecord] = useState<LocalCase | null>();
  const [history, setHistory] = useState<HistoryEntry[]>([]);
  const [feedback, setFeedback] = useState<FeedbackRow[]>([]);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    void recordAudit(caseId, username, 'viewed');
  }, [caseId, username]);

  useEffect(() => {
    let cancelled = false;
    void Promise.all([getCase(caseId), caseHistory(caseId), feedbackFor(caseId)]).then(([c, h, f]) => {
      if (cancelled) return;
      setRecord(c ?? null);
      setHistory(h);
      setFeedback(f);
    });
    return () => {
      cancelled = true;
    };
  }, [caseId, revision, version]);

  const reload = useCallback(() => setVersion((n) => n + 1), []);
  return { record, setRecord, history, feedback, reload };
}
