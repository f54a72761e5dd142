import type { QueueRow, RatingComment, RatingRow } from '../../../../shared/schemas/frontOfficeReport';
import { useT } from '../../lib/i18n';
import { useLocale } from '../../state/locale';
import { percentText } from '../../lib/percentText';
import { minutesOf } from './frontOfficeModel';
import { ReportTable } from './ReportTable';

/** A row's words in the chosen language. */
export function useRowLabel(): (row: { labelZh: string; labelEn: string }) => string {
  const en = useLocale((s) => s.locale) === 'en';
  return (row) => (en ? row.labelEn : row.labelZh);
}

/** An instant as the office reads it, 115/03/02 09:05 (Asia/Taipei). */
export function officeTime(iso: string): string {
  const taipei = new Date(Date.parse(iso) + 8 * 60 * 60 * 1000).toISOString();
  return `${Number(taipei.slice(0, 4)) - 1911}/${taipei.slice(5, 7)}/${taipei.slice(8, 10)} ${taipei.slice(11, 16)}`;
}

/** The queue's figures of one dimension (hour, group, counter or day). */
export function QueueTable({ caption, rows }: { caption: string; rows: readonly QueueRow[] }) {
  const t = useT();
  const label = useRowLabel();
  const minutes = (seconds: number | null) => (seconds === null ? '—' : t('fo.minutes', { value: minutesOf(seconds) ?? 0 }));
  return (
    <ReportTable
      caption={caption}
      rows={rows}
      keyOf={(row) => row.key}
      rowName={{ cell: label }}
      columns={[
        { heading: t('fo.issued'), cell: (row) => row.issued },
        { heading: t('fo.served'), cell: (row) => row.served },
        { heading: t('fo.noShows'), cell: (row) => `${row.noShows} (${percentText(row.noShowShare)})` },
        { heading: t('fo.waitMedian'), cell: (row) => minutes(row.waitMedian) },
        { heading: t('fo.waitP90'), cell: (row) => minutes(row.waitP90) },
        { heading: t('fo.serviceMedian'), cell: (row) => minutes(row.serviceMedian) },
        { heading: t('fo.serviceP90'), cell: (row) => minutes(row.serviceP90) },
        { heading: t('fo.priorityShare'), cell: (row) => (row.priority === 0 ? '—' : `${percentText(row.priorityShare)} (${row.priorityOnTime}/${row.priority})`) },
      ]}
    />
  );
}

/** Ratings of one dimension: how many, the average, the share scored 4–5. */
export function RatingTable({ caption, rows }: { caption: string; rows: readonly RatingRow[] }) {
  const t = useT();
  const label = useRowLabel();
  return (
    <ReportTable
      caption={caption}
      rows={rows}
      keyOf={(row) => row.key}
      rowName={{ cell: label }}
      columns={[
        { heading: t('fo.ratings'), cell: (row) => row.count },
        { heading: t('fo.average'), cell: (row) => row.average?.toFixed(2) ?? '—' },
        { heading: t('fo.satisfiedShare'), cell: (row) => percentText(row.satisfiedShare) },
      ]}
    />
  );
}

/** Citizens' comments (or low ratings, whose comment may be missing), newest first. */
export function CommentTable({ caption, rows }: { caption: string; rows: ReadonlyArray<Omit<RatingComment, 'comment'> & { comment: string | null }> }) {
  const t = useT();
  const en = useLocale((s) => s.locale) === 'en';
  return (
    <ReportTable
      caption={caption}
      rows={rows}
      keyOf={(row) => row.id}
      rowName={{ heading: t('fo.colTime'), cell: (row) => officeTime(row.ratedAt) }}
      columns={[
        { heading: t('fo.colScore'), cell: (row) => row.score },
        { heading: t('fo.colComment'), cell: (row) => row.comment ?? t('fo.noComment') },
        { heading: t('fo.colService'), cell: (row) => (en ? row.serviceEn : row.serviceZh) },
        { heading: t('fo.colCounter'), cell: (row) => row.counter },
        { heading: t('fo.colClerk'), cell: (row) => row.clerk },
        { heading: t('fo.colCase'), cell: (row) => row.caseNo },
      ]}
    />
  );
}
