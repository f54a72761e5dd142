import type { Bilingual } from '../../../../shared/domain/bilingual';
import { describeErrorInBoth } from '../../lib/errorText';
import { translateBoth } from '../../lib/i18n';
import { ApiError } from '../../sync/api';
import { NotAKioskCode } from './kioskApi';

export interface EnrolErrors {
  code?: Bilingual;
  name?: Bilingual;
  form?: Bilingual;
}

/** What is missing before anything is sent. */
export function enrolInputErrors(input: { code: string; name: string }): EnrolErrors {
  const errors: EnrolErrors = {};
  if (input.code.trim() === '') errors.code = translateBoth('kiosk.enrolCodeMissing');
  if (input.name.trim() === '') errors.name = translateBoth('kiosk.enrolNameMissing');
  return errors;
}

/**
 * Why an enrolment failed, next to the field it is about: the code (wrong, used, expired, or a counter
 * computer's code rather than a kiosk's) or the whole form (no kiosk number free, the network).
 */
export function enrolFailure(error: unknown): EnrolErrors {
  if (error instanceof NotAKioskCode) return { code: translateBoth('kiosk.enrolNotKioskCode') };
  if (error instanceof ApiError && error.code === 'unauthorized') return { code: translateBoth('kiosk.enrolCodeWrong') };
  if (error instanceof ApiError && error.code === 'conflict') return { form: translateBoth('kiosk.enrolNoKioskNumber') };
  return { form: describeErrorInBoth(error) };
}
