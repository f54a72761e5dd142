import { useState } from 'react';
import type { Bilingual } from '../../../../shared/domain/bilingual';
import { addDays } from '../../../../shared/domain/isoDate';
import { taipeiDate } from '../../../../shared/domain/rocDate';
import { FRONT_OFFICE_MAX_DAYS, frontOfficeReportSchema } from '../../../../shared/schemas/frontOfficeReport';
import type { FrontOfficeReport } from '../../../../shared/schemas/frontOfficeReport';
import { useDescribeError } from '../../lib/errorText';
import { translateBoth, useT } from '../../lib/i18n';
import { apiRequest, NetworkError } from '../../sync/api';
import type { ApiOptions } from '../../sync/api';
import { DateField } from '../dates/DateField';
import { queryString } from '../supervisor/supervisorApi';
import { FrontOfficeReportBody } from './FrontOfficeReportBody';
import { downloadReport } from './reportDownload';
import { SatisfactionAnalysisView } from './SatisfactionAnalysisView';

type Period = { from: string; to: string };

function defaultPeriod(): Period {
  const to = taipeiDate(new Date());
  return { from: addDays(to, -29), to };
}

/** What is wrong with the period, said beside its end; the server refuses the same. */
export function periodProblem(period: Period): Bilingual | undefined {
  if (!period.from || !period.to) return undefined;
  if (period.from > period.to) return translateBoth('fo.periodBackwards');
  if (addDays(period.from, FRONT_OFFICE_MAX_DAYS - 1) < period.to) return translateBoth('fo.periodTooLong', { days: FRONT_OFFICE_MAX_DAYS });
  return undefined;
}

const files = [
  { format: 'csv', label: 'repExportCsv' },
  { format: 'xlsx', label: 'repExportXlsx' },
  { format: 'ods', label: 'fo.exportOds' },
] as const;

/** Loading the report and downloading its files: what is shown, what went wrong, what was done. */
function useFrontOfficeRequests(api: ApiOptions, period: Period) {
  const t = useT();
  const describeError = useDescribeError();
  const [report, setReport] = useState<FrontOfficeReport>();
  const [problem, setProblem] = useState<string>();
  const [status, setStatus] = useState<string>();
  const [loading, setLoading] = useState(false);
  const query = queryString(period);
  const say = (caught: unknown) => setProblem(caught instanceof NetworkError || caught instanceof TypeError ? t('repOffline') : describeError(caught));

  async function load() {
    setLoading(true);
    setStatus(undefined);
    try {
      setReport(await apiRequest(api, 'GET', `/v1/reports/front-office${query}`, frontOfficeReportSchema));
      setProblem(undefined);
    } catch (caught) {
      say(caught);
    } finally {
      setLoading(false);
    }
  }

  async function download(format: (typeof files)[number]['format']) {
    const name = `front-office-${period.from}-${period.to}.${format}`;
    try {
      await downloadReport(api, `/v1/reports/front-office.${format}${query}`, name);
      setProblem(undefined);
      setStatus(t('repExportDone', { name }));
    } catch (caught) {
      say(caught);
    }
  }

  return { report, problem, status, loading, load, download };
}

/**
 * The supervisor's front office reports (櫃台服務): a period's waits, service times, priority calls,
 * no-shows and satisfaction, on screen with charts and as CSV, Excel or ODS; and the monthly survey
 * analysis, printable.
 */
export function FrontOfficeReports({ api }: { api: ApiOptions }) {
  const t = useT();
  const [period, setPeriod] = useState(defaultPeriod);
  const { report, problem, status, loading, load, download } = useFrontOfficeRequests(api, period);
  const invalid = periodProblem(period);
  const exportable = invalid === undefined && period.from !== '' && period.to !== '';

  return (
    <section className="reports front-office" aria-labelledby="front-office-heading" aria-busy={loading}>
      <h2 id="front-office-heading">{t('fo.title')}</h2>
      <p className="hint">{t('fo.intro')}</p>
      <form
        aria-labelledby="front-office-heading"
        onSubmit={(event) => {
          event.preventDefault();
          if (!invalid) void load();
        }}
      >
        <DateField id="fo-from" label={t('repFrom')} required value={period.from} onChange={(from) => setPeriod({ ...period, from })} />
        <DateField id="fo-to" label={t('repTo')} required value={period.to} onChange={(to) => setPeriod({ ...period, to })} {...(invalid ? { error: invalid } : {})} />
        <div className="button-row">
          <button type="submit" disabled={loading}>
            {loading ? t('repLoading') : t('repLoad')}
          </button>
          {files.map((file) => (
            <button key={file.format} type="button" disabled={!exportable} onClick={() => void download(file.format)}>
              {t(file.label)}
            </button>
          ))}
        </div>
      </form>
      {loading && <p role="status">{t('fo.loadingReport')}</p>}
      {problem && <p role="alert">{problem}</p>}
      {status && <p role="status">{status}</p>}
      {report && <FrontOfficeReportBody report={report} />}
      <SatisfactionAnalysisView api={api} />
    </section>
  );
}
