/**
 * The name and instant of a version published from the editor. Names run `<year>.<n>` like the built-in
 * one (2026.2), n one more than any taken that year, so they increase. The instant is now, unless the
 * published version is dated later (the built-in data is dated at its release): devices switch only to a
 * catalogue published after theirs (isNewerCatalogue), so the new one is dated one second after it.
 */
import { taipeiDate } from '../../../shared/domain/rocDate';

export function nextCatalogueVersion(taken: readonly string[], now: Date): string {
  const year = taipeiDate(now).slice(0, 4);
  const numbers = taken.map((name) => new RegExp(`^${year}\\.(\\d+)$`).exec(name)?.[1]).filter((n): n is string => n !== undefined).map(Number);
  return `${year}.${Math.max(0, ...numbers) + 1}`;
}

export function publicationInstant(now: Date, latestPublishedAt: string): string {
  const after = Date.parse(latestPublishedAt) + 1000;
  return new Date(Math.max(now.getTime(), after)).toISOString();
}
