/**
 * Reserving case-number blocks for an install (decision 0016, arithmetic in
 * shared/domain/caseNumberBlocks.ts).
 *
 * Invariants:
 * - Blocks of one (station, year) never overlap: each is cut while that pair's `case_number_counters`
 *   row is locked, above the highest number reserved, stored under a case, or reported by the install
 *   (numbers an older version of the app handed out from its own counter are respected).
 * - Only the signed-in device's own station, and only an install (client id) of that device: a client
 *   id first seen from another device is refused, as in a push.
 * - An install gets a new block only when it says it is running low AND it holds fewer than
 *   CASE_NUMBER_MAX_UNSEEN numbers the server has not seen used, so asking again and again cannot
 *   drain the station's numbers.
 * - The answer names every block of the install for the years asked about, with the highest number
 *   the server holds a case under in each: a restored copy of the install is brought forward by it.
 */
import { CASE_NUMBER_BLOCK_SIZE, CASE_NUMBER_LOW_WATER, CASE_NUMBER_MAX_UNSEEN, nextBlock, remainingNumbers, rocYearsToHold } from '../../../shared/domain/caseNumberBlocks';
import type { CaseNumberBlock, CaseNumberRequest, CaseNumberResponse } from '../../../shared/sync/caseNumberReservation';
import type { Session } from '../auth/sessions';
import type { Database, Queryable } from '../db/database';
import { DomainError } from '../domain/domainError';

/** How far above the numbers the server knows an install's report may move the next block. */
const REPORTED_ABOVE_KNOWN_AT_MOST = 10 * CASE_NUMBER_BLOCK_SIZE;

/** `115-KL01-%`: the case numbers of a station and year, a prefix the unique index on case_no can serve. */
function caseNoPrefix(stationCode: string, rocYear: number): string {
  return `${String(rocYear).padStart(3, '0')}-${stationCode}-%`;
}

/** The highest sequence stored under a case of this station and year (0 when none). */
async function highestStored(tx: Queryable, stationCode: string, rocYear: number): Promise<number> {
  const { rows } = await tx.query<{ highest: number | null }>(
    `SELECT max(split_part(case_no, '-', 3)::int) AS highest FROM cases
      WHERE station_code = $1 AND case_no LIKE $2 AND case_no ~ '^[0-9]{3}-[A-Z0-9]+-[0-9]{6}-[A-Z0-9]$'`,
    [stationCode, caseNoPrefix(stationCode, rocYear)],
  );
  return rows[0]?.highest ?? 0;
}

/**
 * The install's blocks of these years, each with the highest number stored under a case from it: one
 * pass over the station's cases for all the blocks (this runs at sign-in and when an install runs
 * low, not per save, so it needs no index of its own on the cases every push inserts into).
 */
async function blocksOf(tx: Queryable, clientId: string, stationCode: string, years: readonly number[]): Promise<CaseNumberBlock[]> {
  const { rows } = await tx.query<{ roc_year: number; first_sequence: number; last_sequence: number; highest: number | null }>(
    `SELECT b.roc_year, b.first_sequence, b.last_sequence, max(c.sequence) AS highest
       FROM case_number_blocks b
       LEFT JOIN (SELECT split_part(case_no, '-', 1)::int AS roc_year, split_part(case_no, '-', 3)::int AS sequence
                    FROM cases WHERE station_code = $2 AND case_no ~ '^[0-9]{3}-[A-Z0-9]+-[0-9]{6}-[A-Z0-9]$') c
         ON c.roc_year = b.roc_year AND c.sequence BETWEEN b.first_sequence AND b.last_sequence
      WHERE b.client_id = $1 AND b.station_code = $2 AND b.roc_year = ANY($3::int[])
      GROUP BY b.roc_year, b.first_sequence, b.last_sequence
      ORDER BY b.roc_year, b.first_sequence`,
    [clientId, stationCode, years],
  );
  return rows.map((row) => ({ rocYear: row.roc_year, first: row.first_sequence, last: row.last_sequence, highestUsed: row.highest ?? 0 }));
}

/** Refuses a client id that belongs to another device (by its pushes or its blocks). */
async function checkClientOwner(tx: Queryable, clientId: string, deviceId: string): Promise<void> {
  const { rows } = await tx.query<{ device_id: string }>(
    `SELECT device_id FROM sync_clients WHERE client_id = $1
     UNION SELECT device_id FROM case_number_blocks WHERE client_id = $1`,
    [clientId],
  );
  if (rows.some((row) => row.device_id !== deviceId)) throw new DomainError('forbidden', 'This clientId belongs to another device');
}

/** Cuts the next block of a station and year for the install, or none when the year's numbers are gone. */
async function reserveBlock(tx: Queryable, session: Session, clientId: string, rocYear: number, reported: number, now: Date): Promise<void> {
  const station = session.stationCode;
  await tx.query('INSERT INTO case_number_counters (station_code, roc_year, last_reserved) VALUES ($1, $2, 0) ON CONFLICT DO NOTHING', [station, rocYear]);
  const { rows } = await tx.query<{ last_reserved: number }>('SELECT last_reserved FROM case_number_counters WHERE station_code = $1 AND roc_year = $2 FOR UPDATE', [
    station,
    rocYear,
  ]);
  const known = Math.max(rows[0]?.last_reserved ?? 0, await highestStored(tx, station, rocYear));
  // What the install reports counts only so far above what the server knows: an older version's own
  // counter reaches a few thousand at most, and one request must not be able to spend the year.
  const floor = Math.max(known, Math.min(reported, known + REPORTED_ABOVE_KNOWN_AT_MOST));
  const block = nextBlock(floor);
  if (!block) return;
  await tx.query(
    `INSERT INTO case_number_blocks (station_code, roc_year, first_sequence, last_sequence, device_id, client_id, reserved_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [station, rocYear, block.first, block.last, session.deviceId, clientId, now],
  );
  await tx.query('UPDATE case_number_counters SET last_reserved = $3 WHERE station_code = $1 AND roc_year = $2', [station, rocYear, block.last]);
}

export async function reserveCaseNumbers(db: Database, request: CaseNumberRequest, session: Session, now: Date): Promise<CaseNumberResponse> {
  if (request.stationCode !== session.stationCode) {
    throw new DomainError('forbidden', `This device numbers cases for station ${session.stationCode}, not ${request.stationCode}`);
  }
  const held = rocYearsToHold(now);
  const years = [...new Set([...held, ...request.years.map((year) => year.rocYear)])].sort((a, b) => a - b);
  return db.transaction(async (tx) => {
    await checkClientOwner(tx, request.clientId, session.deviceId);
    let blocks = await blocksOf(tx, request.clientId, session.stationCode, years);
    let reserved = false;
    for (const rocYear of held) {
      const reported = request.years.find((year) => year.rocYear === rocYear);
      if ((reported?.remaining ?? 0) >= CASE_NUMBER_LOW_WATER) continue;
      const own = blocks.filter((block) => block.rocYear === rocYear);
      // Numbers are used in order, so the highest seen in any block spends everything below it.
      const seen = own.reduce((highest, block) => Math.max(highest, block.highestUsed), 0);
      if (remainingNumbers({ blocks: own, taken: seen }) >= CASE_NUMBER_MAX_UNSEEN) continue;
      await reserveBlock(tx, session, request.clientId, rocYear, reported?.highestUsed ?? 0, now);
      reserved = true;
    }
    if (reserved) blocks = await blocksOf(tx, request.clientId, session.stationCode, years);
    return { stationCode: session.stationCode, blocks, serverTime: now.toISOString() };
  });
}
