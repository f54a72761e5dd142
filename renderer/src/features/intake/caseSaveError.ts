import { CaseNumbersUsedUp, CaseNumberTaken, isConstraintError } from '../../db/caseNumberStore';
import type { MessageKey } from '../../lib/i18n';

/**
 * What the clerk reads when saving a new case failed (intake, the drive-through lane, field visits).
 * A case-number refusal is told in the clerk's language with what to do; IndexedDB's own
 * `ConstraintError` is never shown raw (decision 0016). Other failures keep their message.
 */
export function caseSaveError(error: unknown, t: (key: MessageKey) => string): string {
  if (error instanceof CaseNumbersUsedUp) return t('caseNumbersUsedUp');
  if (error instanceof CaseNumberTaken) return t('caseNumberTaken');
  if (isConstraintError(error)) return t('caseNumberTaken');
  return error instanceof Error ? error.message : String(error);
}
