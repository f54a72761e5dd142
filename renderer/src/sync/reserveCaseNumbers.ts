import { CASE_NUMBER_LOW_WATER, rocYearsToHold } from '../../../shared/domain/caseNumberBlocks';
import { CASE_NUMBERS_PATH, caseNumberResponseSchema } from '../../../shared/sync/caseNumberReservation';
import { caseNumberReport, storeCaseNumberBlocks } from '../db/caseNumberStore';
import type { CounterDeskDb } from '../db/database';
import { ApiError, apiRequest, type ApiOptions } from './api';

export interface ReserveCaseNumbersOptions {
  api: ApiOptions;
  db: CounterDeskDb;
  stationCode: string;
  clientId: string;
  now: Date;
  /**
   * `check`: ask even with numbers enough (the first contact after sign-in, so a restored copy of the
   * install is brought forward before it numbers anything); `when-low`: only when a year it should
   * hold numbers for has fewer than CASE_NUMBER_LOW_WATER left.
   */
  mode: 'check' | 'when-low';
}

/**
 * Keeps this install supplied with case numbers for a day offline (decision 0016): reports what it
 * holds, stores the blocks the server answers, brought forward to the numbers the server has seen.
 * Answers whether it asked the server.
 */
export async function reserveCaseNumbers({ api, db, stationCode, clientId, now, mode }: ReserveCaseNumbersOptions): Promise<boolean> {
  const years = await caseNumberReport(db, stationCode, rocYearsToHold(now));
  if (mode === 'when-low' && years.every((year) => year.remaining >= CASE_NUMBER_LOW_WATER)) return false;
  const response = await apiRequest(api, 'POST', CASE_NUMBERS_PATH, caseNumberResponseSchema, { clientId, stationCode, years });
  if (response.stationCode !== stationCode) throw new ApiError(200, 'bad_response', `the server answered with the numbers of station ${response.stationCode}, not ${stationCode}`);
  await storeCaseNumberBlocks(db, stationCode, response.blocks);
  return true;
}
