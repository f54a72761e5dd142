import { useRef, useState } from 'react';
import type { Channel } from '../../../../shared/schemas/case';
import { recordAudit } from '../../db/auditStore';
import { deskActorOf } from '../../lib/caseSteps';
import type { LocalCase } from '../../db/records';
import { bumpServiceUsage } from '../../db/serviceUsage';
import { useDescribeError } from '../../lib/errorText';
import { useSession } from '../../state/sessionState';
import { saveNewCase, type NewCase } from './saveNewCase';

export interface CaseSaveOptions {
  /** Where the case is taken; the counter when not said. */
  channel?: Channel;
  /**
   * How long a save runs before "Saving…" shows; 0 shows it at once. Rendering the form again at once
   * would hold up the save itself (its database replies wait for the thread), and most saves are done
   * within a short delay, so the counter waits before it shows anything.
   */
  indicatorDelayMs: number;
}

export interface SaveSteps {
  /** Right after the case is stored, before its audit entry (the counter clears its form and draft). */
  stored?: (record: LocalCase) => Promise<void> | void;
  /** The service's new usage counts, when they are written. */
  usage?: (counts: Record<string, number>) => void;
  /** Last, once the audit entry and usage count are under way. */
  done: (record: LocalCase) => Promise<void> | void;
  /** The save failed; the error is already shown in words. */
  failed?: () => void;
}

/**
 * The save of a new case, shared by the counter and the lane: the case number from the station's
 * blocks and the record in one database transaction (saveNewCase), then the audit entry and the
 * service's usage count, which nothing waits for. A failure is shown in words and loses nothing typed.
 */
export function useCaseSave({ channel, indicatorDelayMs }: CaseSaveOptions) {
  const describeError = useDescribeError();
  const session = useSession((s) => s.session);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string>();
  // A ref, not the state: a second Alt+S before the next render must already see the save running.
  const savingRef = useRef(false);

  async function save(newCase: NewCase, steps: SaveSteps): Promise<void> {
    if (!session) return;
    const username = session.user.username;
    savingRef.current = true;
    const showSaving = indicatorDelayMs > 0 ? setTimeout(() => setSaving(true), indicatorDelayMs) : undefined;
    if (indicatorDelayMs <= 0) setSaving(true);
    try {
      const record = await saveNewCase(newCase, { stationCode: session.device.stationCode, actor: deskActorOf(session.user), ...(channel ? { channel } : {}) });
      await steps.stored?.(record);
      void recordAudit(record.id, username, 'created');
      const { usage } = steps;
      const serviceId = newCase.service.id;
      void (usage ? bumpServiceUsage(serviceId).then(usage) : bumpServiceUsage(serviceId));
      await steps.done(record);
    } catch (error) {
      setSaveError(describeError(error));
      savingRef.current = false;
      steps.failed?.();
    } finally {
      clearTimeout(showSaving);
      savingRef.current = false;
      setSaving(false);
    }
  }

  return { save, saving, saveError, setSaveError, savingRef };
}
