import { useState } from 'react';
import type { Position } from '../../../../shared/schemas/unit';
import { useDescribeError } from '../../lib/errorText';
import { useT, type MessageKey } from '../../lib/i18n';
import { refusalOf, type MemberFields, type UnitFields } from './unitForms';

type FormField = keyof UnitFields | keyof MemberFields;

/**
 * One change sent to the server from a form of the units screen: while it runs the form says so and
 * cannot be sent twice; a refusal about a field goes beside that field, any other failure above the form.
 */
export function useUnitAction(onFieldError: (field: FormField, key: MessageKey) => void) {
  const t = useT();
  const describeError = useDescribeError();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string>();

  async function run(work: () => Promise<void>, position?: Position): Promise<boolean> {
    setSaving(true);
    setProblem(undefined);
    try {
      await work();
      return true;
    } catch (caught) {
      const refusal = refusalOf(caught, position);
      if (refusal?.field) onFieldError(refusal.field, refusal.key);
      else setProblem(refusal ? t(refusal.key) : describeError(caught));
      return false;
    } finally {
      setSaving(false);
    }
  }

  return { saving, problem, run };
}
