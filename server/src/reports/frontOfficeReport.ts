/**
 * The front office report of a period (docs/decisions/0038-front-office-reports.md): the queue's
 * waits, service times, priority calls and no-shows (queueFigures.ts, the whole hall), and the
 * citizens' satisfaction (ratingTallies.ts, the cases of the units the reader oversees) with their
 * comments, newest first.
 */
import { defaultCatalogue } from '../../../shared/domain/catalogue';
import type { Catalogue } from '../../../shared/domain/catalogue';
import { MAX_REPORT_COMMENTS } from '../../../shared/schemas/frontOfficeReport';
import type { FrontOfficeReport, RatingRow } from '../../../shared/schemas/frontOfficeReport';
import type { Queryable } from '../db/database';
import { queueFigures } from './queueFigures';
import { commentOf, ratingComments } from './ratingComments';
import { ratingLabels } from './ratingLabels';
import type { Label } from './ratingLabels';
import { ratingRow, ratingTallies } from './ratingTallies';
import type { RatingDimension, RatingTally } from './ratingTallies';

export interface FrontOfficePeriod {
  from: string;
  to: string;
}

/** The tallies of one dimension as rows, in the order of their keys. */
export function rowsOf(tallies: readonly RatingTally[], dimension: RatingDimension, label: (key: string) => Label): RatingRow[] {
  return tallies
    .filter((tally) => tally.dimension === dimension)
    .sort((a, b) => a.key.localeCompare(b.key))
    .map((tally) => ratingRow(tally.key, label(tally.key), tally));
}

export async function buildFrontOfficeReport(
  db: Queryable,
  period: FrontOfficePeriod,
  options: { now: Date; units: 'all' | readonly string[]; catalogue?: Catalogue },
): Promise<FrontOfficeReport> {
  const query = { ...period, units: options.units, catalogue: options.catalogue ?? defaultCatalogue };
  const queue = await queueFigures(db, { ...period, now: options.now });
  const tallies = await ratingTallies(db, { ...query, perMonth: false });
  const { comments, capped } = await ratingComments(db, query, { limit: MAX_REPORT_COMMENTS, which: 'commented' });
  const keysOf = (dimension: RatingDimension) => tallies.filter((tally) => tally.dimension === dimension).map((tally) => tally.key);
  const labels = await ratingLabels(
    db,
    { stations: [...keysOf('station'), ...comments.map((c) => c.station_code)], clerks: [...keysOf('clerk'), ...comments.map((c) => c.clerk)] },
    query.catalogue,
  );
  return {
    generatedAt: options.now.toISOString(),
    from: period.from,
    to: period.to,
    queue,
    satisfaction: {
      overall: ratingRow('all', { zh: '全部', en: 'All' }, tallies.find((tally) => tally.dimension === 'all')),
      byCounter: rowsOf(tallies, 'station', labels.station),
      byClerk: rowsOf(tallies, 'clerk', labels.clerk),
      byService: rowsOf(tallies, 'service', labels.service),
      byMonth: rowsOf(tallies, 'month', labels.month),
      comments: comments.map((row) => ({ ...commentOf(row, labels), comment: row.comment ?? '' })),
      commentsCapped: capped,
    },
  };
}
