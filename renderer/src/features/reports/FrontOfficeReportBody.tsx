import type { FrontOfficeReport } from '../../../../shared/schemas/frontOfficeReport';
import { useT } from '../../lib/i18n';
import { SatisfactionChart, WaitChart } from './FrontOfficeCharts';
import { percentText } from '../../lib/percentText';
import { minutesOf } from './frontOfficeModel';
import { CommentTable, QueueTable, RatingTable, useRowLabel } from './FrontOfficeTables';

/** A front office report on screen: the queue's figures and chart, then the ratings' figures, chart and comments. */
export function FrontOfficeReportBody({ report }: { report: FrontOfficeReport }) {
  const t = useT();
  const label = useRowLabel();
  const { queue, satisfaction } = report;
  const minutes = (seconds: number | null) => t('fo.minutes', { value: minutesOf(seconds) ?? '—' });
  return (
    <>
      <h3>{t('fo.queueHeading')}</h3>
      {queue.overall.issued === 0 ? (
        <p>{t('fo.noData')}</p>
      ) : (
        <>
          <p className="report-overall">
            {t('fo.queueSummary', { issued: queue.overall.issued, served: queue.overall.served, noShows: queue.overall.noShows, share: percentText(queue.overall.noShowShare) })}
            <br />
            {t('fo.waitSummary', { median: minutes(queue.overall.waitMedian), p90: minutes(queue.overall.waitP90), serviceMedian: minutes(queue.overall.serviceMedian) })}
            <br />
            <strong>{t('fo.prioritySummary', { share: percentText(queue.overall.priorityShare), onTime: queue.overall.priorityOnTime, count: queue.overall.priority })}</strong>
          </p>
          <WaitChart rows={queue.byHour} />
          <QueueTable caption={t('fo.byHour')} rows={queue.byHour} />
          <QueueTable caption={t('fo.byGroup')} rows={queue.byGroup} />
          <QueueTable caption={t('fo.byCounter')} rows={queue.byCounter} />
          <QueueTable caption={t('fo.byDay')} rows={queue.byDay} />
        </>
      )}
      <h3>{t('fo.satisfactionHeading')}</h3>
      {satisfaction.overall.count === 0 ? (
        <p>{t('fo.noData')}</p>
      ) : (
        <>
          <p className="report-overall">
            {t('fo.satisfactionSummary', { count: satisfaction.overall.count, average: satisfaction.overall.average?.toFixed(2) ?? '—', share: percentText(satisfaction.overall.satisfiedShare) })}
          </p>
          <SatisfactionChart rows={satisfaction.byMonth} label={label} />
          <RatingTable caption={t('fo.ratingByMonth')} rows={satisfaction.byMonth} />
          <RatingTable caption={t('fo.ratingByCounter')} rows={satisfaction.byCounter} />
          <RatingTable caption={t('fo.ratingByClerk')} rows={satisfaction.byClerk} />
          <RatingTable caption={t('fo.ratingByService')} rows={satisfaction.byService} />
          {satisfaction.comments.length === 0 ? <p>{t('fo.noComments')}</p> : <CommentTable caption={t('fo.comments')} rows={satisfaction.comments} />}
          {satisfaction.commentsCapped && <p className="hint">{t('fo.commentsCapped', { count: satisfaction.comments.length })}</p>}
        </>
      )}
    </>
  );
}
