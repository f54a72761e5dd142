/**
 * The device forms of the administrator's console — a station code for an enrolment code, a reason for
 * a revocation — checked with the server's rules before anything is sent, and the server's refusals
 * put back beside their field.
 */
import { STATION_CODE_PATTERN } from '../../../../shared/domain/caseNumber';
import type { MessageKey } from '../../lib/i18n';
import { ApiError } from '../../sync/api';
import type { Refusal } from '../../lib/useFormAction';

export type Checked<V> = { ok: true; value: V } | { ok: false; error: MessageKey };

/** A station code, upper-cased as typed: 2–6 capital letters or digits (it is printed in case numbers). */
export function checkStationCode(input: string): Checked<string> {
  const code = input.trim().toUpperCase();
  if (code === '') return { ok: false, error: 'admin.required' };
  return STATION_CODE_PATTERN.test(code) ? { ok: true, value: code } : { ok: false, error: 'admin.badStationCode' };
}

/** Why a device is revoked: said in the audit log and shown on the device. */
export function checkReason(input: string): Checked<string> {
  const reason = input.trim();
  if (reason === '') return { ok: false, error: 'admin.required' };
  // eslint-disable-next-line no-control-regex -- control characters are what is refused
  return reason.length > 500 || /[\u0000-\u001f\u007f]/.test(reason) ? { ok: false, error: 'admin.badReason' } : { ok: true, value: reason };
}

export function stationRefusalOf(error: unknown): Refusal<'stationCode'> {
  if (!(error instanceof ApiError)) return undefined;
  if (error.code === 'conflict') return { field: 'stationCode', key: 'admin.stationTaken' };
  if (error.code === 'validation_failed') return { field: 'stationCode', key: 'admin.badStationCode' };
  return undefined;
}

export function revokeRefusalOf(error: unknown): Refusal<'reason'> {
  if (!(error instanceof ApiError)) return undefined;
  if (error.code === 'validation_failed') return { field: 'reason', key: 'admin.badReason' };
  if (error.code === 'not_found') return { key: 'admin.noSuchDevice' };
  return undefined;
}
