/**
 * The words a rating report shows for its keys: a counter by the label a supervisor last gave its
 * station (queue_counter_days; the station code while it has none), a clerk by their display name,
 * a service by the catalogue's name, a month as 115年3月 / 2026-03.
 */
import { findService } from '../../../shared/domain/catalogue';
import type { Catalogue } from '../../../shared/domain/catalogue';
import type { Queryable } from '../db/database';

export type Label = { zh: string; en: string };

export interface RatingLabels {
  station: (code: string) => Label;
  clerk: (username: string) => Label;
  service: (id: string) => Label;
  month: (month: string) => Label;
  source: (source: string) => Label;
}

const sources: Readonly<Record<string, Label>> = {
  counter: { zh: '臨櫃評分', en: 'At the counter' },
  survey: { zh: '結案問卷', en: 'Survey after closure' },
};

export const monthLabel = (month: string): Label => ({ zh: `${Number(month.slice(0, 4)) - 1911}年${Number(month.slice(5, 7))}月`, en: month });

export async function ratingLabels(db: Queryable, keys: { stations: readonly string[]; clerks: readonly string[] }, catalogue: Catalogue): Promise<RatingLabels> {
  const counters = await db.query<{ station_code: string; label: string }>(
    `SELECT DISTINCT ON (station_code) station_code, label FROM queue_counter_days
      WHERE station_code = ANY($1::text[]) ORDER BY station_code, office_day DESC`,
    [keys.stations],
  );
  const users = await db.query<{ username: string; display_name: string }>('SELECT username, display_name FROM users WHERE username = ANY($1::text[])', [keys.clerks]);
  const labels = new Map(counters.rows.map((row) => [row.station_code, row.label]));
  const names = new Map(users.rows.map((row) => [row.username, row.display_name]));
  const same = (text: string): Label => ({ zh: text, en: text });
  return {
    station: (code) => {
      const label = labels.get(code);
      return same(label && label !== code ? `${label} (${code})` : code);
    },
    clerk: (username) => same(names.get(username) ?? username),
    service: (id) => {
      const service = findService(catalogue, id);
      return { zh: service?.nameZh ?? id, en: service?.nameEn ?? id };
    },
    month: monthLabel,
    source: (source) => sources[source] ?? same(source),
  };
}
