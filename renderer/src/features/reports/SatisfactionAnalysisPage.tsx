import type { AnalysisRow, SatisfactionAnalysis } from '../../../../shared/schemas/frontOfficeReport';
import { useT } from '../../lib/i18n';
import { percentText } from '../../lib/percentText';
import { CommentTable, officeTime, useRowLabel } from './FrontOfficeTables';
import { ReportTable } from './ReportTable';

const signed = (value: number | null) => (value === null ? '—' : value > 0 ? `+${value.toFixed(2)}` : value.toFixed(2));
const average = (value: number | null) => value?.toFixed(2) ?? '—';

/** One dimension of the month beside the previous month: ratings, average, last month's, the change, satisfied share. */
function AnalysisTable({ caption, rows }: { caption: string; rows: readonly AnalysisRow[] }) {
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
        { heading: t('fo.average'), cell: (row) => average(row.average) },
        { heading: t('fo.previousAverage'), cell: (row) => average(row.previousAverage) },
        { heading: t('fo.change'), cell: (row) => signed(row.change) },
        { heading: t('fo.satisfiedShare'), cell: (row) => percentText(row.satisfiedShare) },
      ]}
    />
  );
}

/** The month's complaints (陳情): case, when, summary, open or closed. */
function ComplaintTable({ analysis }: { analysis: SatisfactionAnalysis }) {
  const t = useT();
  if (analysis.complaints.length === 0) return <p>{t('fo.noComplaints')}</p>;
  return (
    <ReportTable
      caption={t('fo.complaints')}
      rows={analysis.complaints}
      keyOf={(row) => row.id}
      rowName={{ heading: t('fo.colCase'), cell: (row) => row.caseNo }}
      columns={[
        { heading: t('fo.colTime'), cell: (row) => officeTime(row.openedAt) },
        { heading: t('fo.colSummary'), cell: (row) => row.summary },
        { heading: t('fo.colStatus'), cell: (row) => t(`fo.status.${row.status}`) },
      ]}
    />
  );
}

/**
 * The monthly survey analysis (分析報告) as a page: shown on screen and, the same, printed on A4 (the
 * notice's layout). Every figure in words or tables, no chart, so the paper reads on its own.
 */
export function SatisfactionAnalysisPage({ analysis }: { analysis: SatisfactionAnalysis }) {
  const t = useT();
  const label = useRowLabel();
  const { overall } = analysis;
  return (
    <article className="analysis-page" data-month={analysis.month}>
      <p className="notice-bureau">{t('fo.analysisBureau')}</p>
      <h4 className="notice-title">{t('fo.analysisTitle', { month: label(overall) })}</h4>
      <p>
        {t('fo.analysisSummary', {
          count: overall.count,
          previousCount: analysis.previousCount,
          average: average(overall.average),
          previousAverage: average(overall.previousAverage),
          change: signed(overall.change),
          share: percentText(overall.satisfiedShare),
        })}
      </p>
      {(analysis.speedAverage !== null || analysis.courtesyAverage !== null) && (
        <p>{t('fo.surveyAverages', { speed: average(analysis.speedAverage), courtesy: average(analysis.courtesyAverage) })}</p>
      )}
      <ReportTable
        caption={t('fo.distribution')}
        rows={analysis.distribution}
        keyOf={(row) => String(row.score)}
        rowName={{ heading: t('fo.colScore'), cell: (row) => t('fo.scorePoints', { score: row.score }) }}
        columns={[
          { heading: t('fo.ratings'), cell: (row) => row.count },
          { heading: t('fo.share'), cell: (row) => percentText(row.share) },
        ]}
      />
      <AnalysisTable caption={t('fo.bySource')} rows={analysis.bySource} />
      <AnalysisTable caption={t('fo.ratingByService')} rows={analysis.byService} />
      <AnalysisTable caption={t('fo.ratingByCounter')} rows={analysis.byCounter} />
      <AnalysisTable caption={t('fo.ratingByClerk')} rows={analysis.byClerk} />
      {analysis.lowRatings.length === 0 ? <p>{t('fo.noLowRatings')}</p> : <CommentTable caption={t('fo.lowRatings')} rows={analysis.lowRatings} />}
      {analysis.lowRatingsCapped && <p className="hint">{t('fo.lowRatingsCapped', { count: analysis.lowRatings.length })}</p>}
      <ComplaintTable analysis={analysis} />
      <p className="notice-footer">{t('fo.analysisGenerated', { at: officeTime(analysis.generatedAt) })}</p>
    </article>
  );
}
