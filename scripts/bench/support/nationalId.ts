import { parseTaxpayerId } from '../../../shared/domain/ids';

/**
 * `partial` (a letter, the sex digit and seven digits) completed with the one check digit that makes it
 * a valid national ID; the domain's own check decides, so the bench never disagrees with the form.
 */
export function withCheckDigit(partial: string): string {
  const id = [...'0123456789'].map((digit) => `${partial}${digit}`).find((candidate) => parseTaxpayerId(candidate).ok);
  if (id === undefined) throw new Error(`no check digit completes ${partial}`);
  return id;
}
