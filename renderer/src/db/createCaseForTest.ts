import { MAX_SEQUENCE } from '../../../shared/domain/caseNumber';
import { remainingCaseNumbers, storeCaseNumberBlocks } from './caseNumberStore';
import { createCase, type NewCaseInput } from './caseStore';
import type { LocalCase } from './records';
import { getDb, type CounterDeskDb } from './database';

/**
 * createCase for tests of what happens to a case after it is saved: the install is first given the
 * whole year's numbers of its station, as if the server had reserved them (decision 0016), so that
 * these tests need no server. Tests of
 * numbering itself use createCase and reserve as the app does.
 */
export async function createCaseForTest(input: NewCaseInput, db: CounterDeskDb = getDb()): Promise<LocalCase> {
  if ((await remainingCaseNumbers(db, input.stationCode, input.rocYear)) === 0) {
    await storeCaseNumberBlocks(db, input.stationCode, [{ rocYear: input.rocYear, first: 1, last: MAX_SEQUENCE, highestUsed: 0 }]);
  }
  return createCase(input, db);
}
