import { formatRocShort, taipeiDate } from '../../../../shared/domain/rocDate';

const TAIPEI_OFFSET_MS = 8 * 60 * 60 * 1000;

/** An instant as the bureau reads it, in Taipei time whatever the computer's zone: '115/11/27 14:05'. */
export function instantText(iso: string): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return iso;
  const time = new Date(instant.getTime() + TAIPEI_OFFSET_MS).toISOString().slice(11, 16);
  return `${formatRocShort(taipeiDate(instant))} ${time}`;
}
