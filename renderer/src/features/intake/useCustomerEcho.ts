import { useEffect } from 'react';
import type { ChecklistState } from '../../../../shared/schemas/case';
import { getCustomerDisplay } from '../../lib/customerDisplay';
import { useLocale } from '../../state/locale';
import { customerSummary } from './customerSummary';
import { isEmptyDraft } from './intakeDraft';
import { AUTOSAVE_MS } from './useIntakeDraft';
import type { IntakeFields } from './validateIntake';

/**
 * The citizen sees what is being entered on the customer display, shortly after each change. Only
 * when the citizen is at the counter: a phone call's or the bureau's own case is nobody's to read there.
 */
export function useCustomerEcho(fields: IntakeFields, states: Readonly<Record<string, ChecklistState>>, checklist: readonly { document: string; state: ChecklistState }[], shown: boolean): void {
  const locale = useLocale((s) => s.locale);
  useEffect(() => {
    // An empty form says nothing: right after a save the display keeps the rating screen.
    if (!shown || isEmptyDraft(fields, states)) return;
    const timer = setTimeout(() => getCustomerDisplay().send(customerSummary(fields, checklist, locale)), AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [fields, states, checklist, locale, shown]);
}
