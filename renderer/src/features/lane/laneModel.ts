import { servicesForChannel, type Catalogue, type Service } from '../../../../shared/domain/catalogue';
import { parseTaxpayerId } from '../../../../shared/domain/ids';
import type { ApplicantKind, ChecklistState } from '../../../../shared/schemas/case';
import { kindForIdKind } from '../intake/applicantKinds';
import { searchServices } from '../intake/serviceSearch';

/**
 * The lane's defaults, each one a step the counter asks for and the lane does not:
 * - only drive-through services (decision 0002), the counter's most used first, filtered as typed;
 * - the applicant kind follows the scanned id (a business number is a company, a resident
 *   certificate a resident, anything else a person) instead of being chosen;
 * - every listed document starts as handed over: at the window the clerk marks only the exceptions.
 */

export function laneServices(catalogue: Catalogue, query: string, usage: Readonly<Record<string, number>>): Service[] {
  return searchServices(servicesForChannel(catalogue, 'drive-through'), query, usage);
}

/** The kind the id decides; a person until the id parses. */
export function laneApplicantKind(idText: string): ApplicantKind {
  const parsed = parseTaxpayerId(idText);
  return parsed.ok ? kindForIdKind(parsed.kind) : 'person';
}

export function handedOverStates(documents: readonly { document: string }[]): Record<string, ChecklistState> {
  return Object.fromEntries(documents.map(({ document }) => [document, 'provided' as const]));
}

/** Whole minutes since arrival, never negative (a device clock set back must not show "-1"). */
export function minutesWaited(arrivedAt: string, now: number): number {
  return Math.max(0, Math.floor((now - Date.parse(arrivedAt)) / 60_000));
}
