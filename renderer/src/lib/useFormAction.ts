import { useState } from 'react';
import { useDescribeError } from './errorText';
import { useT, type MessageKey } from './i18n';

/** Where a refusal belongs: beside a field, above the form (a key), or undefined when it is not about the form. */
export type Refusal<F extends string> = { field?: F; key: MessageKey } | undefined;

/**
 * One change sent to the server from a form: while it runs the form says so and cannot be sent twice;
 * a refusal about a field goes beside that field, any other failure above the form, in words. A call
 * may read refusals its own way (`refusalFor`), e.g. with the position the form was adding.
 */
export function useFormAction<F extends string>(refusalOf: (error: unknown) => Refusal<F>, onFieldError: (field: F, key: MessageKey) => void) {
  const t = useT();
  const describeError = useDescribeError();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string>();

  async function run(work: () => Promise<void>, refusalFor: (error: unknown) => Refusal<F> = refusalOf): Promise<boolean> {
    setSaving(true);
    setProblem(undefined);
    try {
      await work();
      return true;
    } catch (caught) {
      const refusal = refusalFor(caught);
      if (refusal?.field) onFieldError(refusal.field, refusal.key);
      else setProblem(refusal ? t(refusal.key) : describeError(caught));
      return false;
    } finally {
      setSaving(false);
    }
  }

  return { saving, problem, run };
}
