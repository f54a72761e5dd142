import { useState } from 'react';
import { onTimeReportSchema } from '../../../../shared/schemas/supervision';
import type { OnTimeReport, OnTimeRow, QueueCase } from '../../../../shared/schemas/supervision';
import { useT } from '../../lib/i18n';
import { useLocale } from '../../state/locale';
import { apiErrorOf, apiRequest, NetworkError } from '../../sync/api';
import type { ApiOptions } from '../../sync/api';
import { DateField } from '../dates/DateField';
import { queryString } from '../supervisor/supervisorApi';
import { OnTimeChart } from './OnTimeChart';
import { useDescribeError } from '../../lib/errorText';

const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

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
  const query = queryString(period);

  async function load() {
    try {
      setReport(await apiRequest(api, 'GET', `/v1/reports/on-time${query}`, onTimeReportSchema));
      setProblem(undefined);
    } catch (caught) {
      setProblem(caught instanceof NetworkError ? t('repOffline') : describeError(caught));
    }
  }

  async function download(path: string, name: string) {
    try {
      const response = await fetch(new URL(`${path}${query}`, api.serverUrl), { headers: { ...api.headers, authorization: `Bearer ${api.token ?? ''}` } });
      if (!response.ok) throw await apiErrorOf(response);
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement('a');
      link.href = url;
      link.download = name;
      link.click();
      URL.revokeObjectURL(url);
      setStatus(t('repExportDone', { name }));
    } catch (caught) {
      setProblem(caught instanceof TypeError ? t('repOffline') : describeError(caught));
    }
  }

  const label = (row: { labelZh: string; labelEn: string }) => (locale === 'en' ? row.labelEn : row.labelZh);
  const rateTable = (caption: string, rows: readonly OnTimeRow[]) => (
    <table className="report-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col"> </th>
          <th scope="col">{t('repTotal')}</th>
          <th scope="col">{t('repOnTimeCount')}</th>
          <th scope="col">{t('repLate')}</th>
          <th scope="col">{t('repOnTime')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{label(row)}</th>
            <td>{row.total}</td>
            <td>{row.onTime}</td>
            <td>{row.late}</td>
            <td>
              {percent(row.rate)} {row.meetsTarget === null ? '' : row.meetsTarget ? `(${t('repMeets')})` : `(${t('repBelow')})`}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  const caseList = (caption: string, rows: readonly QueueCase[]) => (
    <table className="report-table">
      <caption>{caption}</caption>
      <tbody>
        {rows.map((item) => (
          <tr key={item.id}>
            <th scope="row">{item.caseNo}</th>
            <td>{locale === 'en' ? item.serviceNameEn : item.serviceNameZh}</td>
            <td>{item.unit}</td>
            <td>{item.dueDate}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );

  return (
    <section className="reports" aria-labelledby="reports-heading">
      <h2 id="reports-heading">{t('repTab')}</h2>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void load();
        }}
      >
        <DateField id="report-from" label={t('repFrom')} required value={period.from} onChange={(from) => setPeriod({ ...period, from })} />
        <DateField id="report-to" label={t('repTo')} required value={period.to} onChange={(to) => setPeriod({ ...period, to })} />
        <button type="submit">{t('repLoad')}</button>
        <button type="button" onClick={() => void download('/v1/reports/on-time.csv', `on-time-${period.from}-${period.to}.csv`)}>{t('repExportCsv')}</button>
        <button type="button" onClick={() => void download('/v1/reports/on-time.xlsx', `on-time-${period.from}-${period.to}.xlsx`)}>{t('repExportXlsx')}</button>
      </form>
      {problem && <p role="alert">{problem}</p>}
      {status && <p role="status">{status}</p>}
      {report && (
        <>
          <p className="report-overall">
            {t('repOnTime')}: <strong>{percent(report.overall.rate)}</strong> · {t('repTarget', { target: percent(report.target) })} · {t('repTotal')}: {report.overall.total}
          </p>
          <OnTimeChart rows={report.byMonth} target={report.target} title={t('repChartTitle')} />
          {rateTable(t('repByMonth'), report.byMonth)}
          {rateTable(t('repByUnit'), report.byUnit)}
          {rateTable(t('repByService'), report.byService)}
          {rateTable(t('repByChannel'), report.byChannel)}
          {caseList(t('repOverdueList'), report.overdue)}
          {caseList(t('repAtRiskList'), report.atRisk)}
        </>
      )}
    </section>
  );
}
