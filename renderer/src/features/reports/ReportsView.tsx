import { useState } from 'react';
import { onTimeReportSchema } from '../../../../shared/schemas/supervision';
import { channelSchema } from '../../../../shared/schemas/case';
import type { OnTimeReport, OnTimeRow } from '../../../../shared/schemas/supervision';
import { useT } from '../../lib/i18n';
import { useLocale } from '../../state/locale';
import { apiRequest, NetworkError } from '../../sync/api';
import type { ApiOptions } from '../../sync/api';
import { DateField } from '../dates/DateField';
import { queryString } from '../supervisor/supervisorApi';
import { FrontOfficeReports } from './FrontOfficeReports';
import { OnTimeChart } from './OnTimeChart';
import { percentText } from '../../lib/percentText';
import { RateTable } from './RateTable';
import { ReportCaseList } from './ReportCaseList';
import { ReportTable } from './ReportTable';
import { downloadReport } from './reportDownload';
import { useDescribeError } from '../../lib/errorText';

function defaultPeriod(): { from: string; to: string } {
  const today = new Date(Date.now() + 8 * 60 * 60 * 1000).toISOString().slice(0, 10);
  return { from: `${Number(today.slice(0, 4)) - 1}-${today.slice(5, 7)}-01`, to: today };
}

/** Reports for supervisors: the on-time rate against the target, with a chart, lists and exports. */
export function ReportsView({ api }: { api: ApiOptions }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const describeError = useDescribeError();
  const [period, setPeriod] = useState(defaultPeriod);
  const [report, setReport] = useState<OnTimeReport>();
  const [problem, setProblem] = useState<string>();
  const [status, setStatus] = useState<string>();
  const [loading, setLoading] = useState(false);
  const query = queryString(period);

  async function load() {
    setLoading(true);
    try {
      setReport(await apiRequest(api, 'GET', `/v1/reports/on-time${query}`, onTimeReportSchema));
      setProblem(undefined);
    } catch (caught) {
      setProblem(caught instanceof NetworkError ? t('repOffline') : describeError(caught));
    } finally {
      setLoading(false);
    }
  }

  async function download(path: string, name: string) {
    try {
      await downloadReport(api, `${path}${query}`, name);
      setStatus(t('repExportDone', { name }));
    } catch (caught) {
      setProblem(caught instanceof TypeError ? t('repOffline') : describeError(caught));
    }
  }

  const label = (row: { labelZh: string; labelEn: string }) => (locale === 'en' ? row.labelEn : row.labelZh);
  const channelLabel = (row: { key: string; labelZh: string; labelEn: string }) => {
    const channel = channelSchema.safeParse(row.key);
    return channel.success ? t(`channel.${channel.data}`) : label(row);
  };
  const officerLabel = (row: OnTimeRow) => (row.key === '' ? t('supUnassigned') : label(row));

  return (
    <>
      <section className="reports" aria-labelledby="reports-heading" aria-busy={loading}>
        <h2 id="reports-heading">{t('repTab')}</h2>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void load();
          }}
        >
          <DateField id="report-from" label={t('repFrom')} required value={period.from} onChange={(from) => setPeriod({ ...period, from })} />
          <DateField id="report-to" label={t('repTo')} required value={period.to} onChange={(to) => setPeriod({ ...period, to })} />
          <button type="submit" disabled={loading}>
            {loading ? t('repLoading') : t('repLoad')}
          </button>
          <button type="button" onClick={() => void download('/v1/reports/on-time.csv', `on-time-${period.from}-${period.to}.csv`)}>{t('repExportCsv')}</button>
          <button type="button" onClick={() => void download('/v1/reports/on-time.xlsx', `on-time-${period.from}-${period.to}.xlsx`)}>{t('repExportXlsx')}</button>
        </form>
        {problem && <p role="alert">{problem}</p>}
        {status && <p role="status">{status}</p>}
        {report && (
          <>
            <p className="report-overall">
              {t('repOnTime')}: <strong>{percentText(report.overall.rate)}</strong> · {t('repTarget', { target: percentText(report.target) })} · {t('repTotal')}: {report.overall.total}
            </p>
            <OnTimeChart rows={report.byMonth} target={report.target} title={t('repChartTitle')} />
            <RateTable caption={t('repByMonth')} rows={report.byMonth} label={label} />
            <RateTable caption={t('repByUnit')} rows={report.byUnit} label={label} />
            <RateTable caption={t('repByOfficer')} rows={report.byOfficer} label={officerLabel} />
            <RateTable caption={t('repByService')} rows={report.byService} label={label} />
            <RateTable caption={t('repByChannel')} rows={report.byChannel} label={channelLabel} />
            <ReportTable
              caption={t('repReceivedByChannel')}
              rows={report.receivedByChannel}
              keyOf={(row) => row.key}
              rowName={{ cell: channelLabel }}
              columns={[{ heading: t('repReceived'), cell: (row) => row.count }]}
            />
            <ReportCaseList caption={t('repOverdueList')} rows={report.overdue} />
            <ReportCaseList caption={t('repAtRiskList')} rows={report.atRisk} />
          </>
        )}
      </section>
      <FrontOfficeReports api={api} />
    </>
  );
}
