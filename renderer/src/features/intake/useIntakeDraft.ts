import { useCallback, useEffect, useRef, useState, type MutableRefObject } from 'react';
import type { ChecklistState } from '../../../../shared/schemas/case';
import { clearDraft, loadDraft, saveDraft } from '../../db/draftStore';
import { loadServiceUsage } from '../../db/serviceUsage';
import { getHost } from '../../host/host';
import { onBeforeLock } from '../../state/dataKey';
import { isEmptyDraft, parseDraft } from './intakeDraft';
import { emptyFields, type IntakeFields } from './validateIntake';

/** How long after a change the draft (and the customer display) follows it. */
export const AUTOSAVE_MS = 200;

export interface IntakeDraftOptions {
  storageKey: string;
  /** What the form starts from when no draft was kept; read once, when the form opens. */
  initialFields?: Partial<IntakeFields>;
  /** True while a case is being saved: the draft is not written then. */
  savingRef: MutableRefObject<boolean>;
}

/**
 * The intake's fields and checklist marks, kept as a draft: restored when the form opens, autosaved
 * shortly after every change, written at once when the screen, the window or the session (a lock)
 * goes, so a crash or a closed window keeps what was typed. The service usage counts load with the
 * draft, so the form renders once, filled in.
 */
export function useIntakeDraft({ storageKey, initialFields, savingRef }: IntakeDraftOptions) {
  // Read once, when the form opens: a later prop change must not overwrite what was typed.
  const initial = useRef(initialFields);
  const [fields, setFields] = useState<IntakeFields>(emptyFields);
  const [states, setStates] = useState<Record<string, ChecklistState>>({});
  const [loaded, setLoaded] = useState(false);
  const [restored, setRestored] = useState(false);
  const [usage, setUsage] = useState<Record<string, number>>({});

  // Restore the draft once, before autosave may write anything.
  useEffect(() => {
    let cancelled = false;
    void Promise.all([loadDraft(storageKey), loadServiceUsage()]).then(([data, counts]) => {
      if (cancelled) return;
      const draft = parseDraft(data);
      if (draft && !isEmptyDraft(draft.fields, draft.states)) {
        setFields(draft.fields);
        setStates(draft.states);
        setRestored(true);
      } else if (initial.current) {
        setFields({ ...emptyFields, ...initial.current });
      }
      setUsage(counts);
      setLoaded(true);
      // Time to interactive, as the benchmark reads it: the form is filled in and autosave is armed.
      performance.mark('counterdesk:intake-ready');
    });
    return () => {
      cancelled = true;
    };
  }, [storageKey]);

  const latest = useRef({ fields, states });
  useEffect(() => {
    latest.current = { fields, states };
  }, [fields, states]);
  // While a save runs the draft is not written: the case being committed holds the same fields, and a
  // draft write would only compete with it for the database. A failed save writes the draft at once.
  const writeDraft = useCallback(async () => {
    if (savingRef.current) return;
    const { fields: f, states: s } = latest.current;
    await (isEmptyDraft(f, s) ? clearDraft(storageKey) : saveDraft(storageKey, { fields: f, states: s }));
  }, [storageKey, savingRef]);
  const flush = useCallback(() => void writeDraft(), [writeDraft]);
  // A lock (Alt+Q, idle) would otherwise drop what was typed since the last autosave.
  useEffect(() => (loaded ? onBeforeLock(writeDraft) : undefined), [loaded, writeDraft]);

  useEffect(() => {
    if (!loaded) return;
    const timer = setTimeout(flush, AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [fields, states, loaded, flush]);

  useHostBusy(loaded && !isEmptyDraft(fields, states));

  // Leaving the screen or the window writes the draft at once.
  useEffect(() => {
    if (!loaded) return;
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [loaded, flush]);

  return { fields, setFields, states, setStates, loaded, restored, setRestored, usage, setUsage, flush };
}

/**
 * While anything is entered the host must not restart the app for an update. Leaving the form with a
 * draft in it keeps the host busy: the case is still being entered, and an update that restarted the
 * app now would interrupt the clerk when they come back to it. The update then waits for the draft to
 * be saved or cleared, or installs when the app quits.
 */
function useHostBusy(busy: boolean): void {
  const busyRef = useRef(busy);
  useEffect(() => {
    busyRef.current = busy;
    void getHost()['app:set-busy']({ busy });
  }, [busy]);
  useEffect(
    () => () => {
      if (!busyRef.current) void getHost()['app:set-busy']({ busy: false });
    },
    [],
  );
}
