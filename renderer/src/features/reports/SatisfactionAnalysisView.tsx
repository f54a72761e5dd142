import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { addMonths } from '../../../../shared/domain/isoDate';
import { taipeiDate } from '../../../../shared/domain/rocDate';
import { satisfactionAnalysisSchema } from '../../../../shared/schemas/frontOfficeReport';
import type { SatisfactionAnalysis } from '../../../../shared/schemas/frontOfficeReport';
import { getHost } from '../../host/host';
import { useDescribeError } from '../../lib/errorText';
import { useT } from '../../lib/i18n';
import { useLocale } from '../../state/locale';
import { apiRequest, NetworkError } from '../../sync/api';
import type { ApiOptions } from '../../sync/api';
import { SatisfactionAnalysisPage } from './SatisfactionAnalysisPage';

const MONTHS_OFFERED = 24;

/** The months a supervisor may pick, this one first; a list, so no month can be mistyped. */
export function monthChoices(today: string, count = MONTHS_OFFERED): string[] {
  return Array.from({ length: count }, (_, index) => addMonths(`${today.slice(0, 7)}-01`, -index).slice(0, 7));
}

const monthText = (month: string, en: boolean) => (en ? month : `${Number(month.slice(0, 4)) - 1911}年${Number(month.slice(5, 7))}月`);

/**
 * Prints the analysis on the station's A4 printer (the notice's template), as the decision notice
 * prints: the page is put into the print area, the host prints it, and it leaves again. While it is
 * there the body says so, and the print stylesheet hides anything else the print area holds.
 */
function usePrintAnalysis(onFailed: (message: string) => void): { printing: boolean; print: () => void } {
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    if (!printing) return;
    document.body.dataset.printReport = 'analysis';
    void getHost()['print:print-document']({ template: 'notice', silent: false, pageWidthMm: 210, pageHeightMm: 297 })
      .then((result) => {
        if (!result.ok) onFailed(result.message);
      })
      .finally(() => {
        delete document.body.dataset.printReport;
        setPrinting(false);
      });
    // onFailed is the caller's setter of the moment; a new one must not print again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [printing]);
  return { printing, print: () => setPrinting(true) };
}

/** The monthly survey analysis (滿意度調查分析報告): a month picked from a list, shown, and printable. */
export function SatisfactionAnalysisView({ api }: { api: ApiOptions }) {
  const t = useT();
  const en = useLocale((s) => s.locale) === 'en';
  const describeError = useDescribeError();
  const [months] = useState(() => monthChoices(taipeiDate(new Date())));
  const [month, setMonth] = useState(months[1] ?? months[0] ?? '');
  const [analysis, setAnalysis] = useState<SatisfactionAnalysis>();
  const [loading, setLoading] = useState(false);
  const [problem, setProblem] = useState<string>();
  const { printing, print } = usePrintAnalysis((message) => setProblem(`${t('printFailed')}: ${message}`));
  const target = document.getElementById('print-area');

  async function load() {
    setLoading(true);
    try {
      setAnalysis(await apiRequest(api, 'GET', `/v1/reports/satisfaction-analysis?month=${month}`, satisfactionAnalysisSchema));
      setProblem(undefined);
    } catch (caught) {
      setProblem(caught instanceof NetworkError ? t('repOffline') : describeError(caught));
    } finally {
      setLoading(false);
    }
  }

  return (
    <section className="satisfaction-analysis" aria-labelledby="analysis-heading" aria-busy={loading}>
      <h3 id="analysis-heading">{t('fo.analysisHeading')}</h3>
      <p className="hint">{t('fo.analysisIntro')}</p>
      <form
        aria-labelledby="analysis-heading"
        onSubmit={(event) => {
          event.preventDefault();
          void load();
        }}
      >
        <div className="field">
          <label htmlFor="analysis-month">{t('fo.month')}</label>
          <select id="analysis-month" value={month} onChange={(event) => setMonth(event.target.value)}>
            {months.map((choice) => (
              <option key={choice} value={choice}>
                {monthText(choice, en)}
              </option>
            ))}
          </select>
        </div>
        <div className="button-row">
          <button type="submit" disabled={loading}>
            {loading ? t('fo.loadingAnalysis') : t('fo.showAnalysis')}
          </button>
          <button type="button" disabled={!analysis || printing} onClick={print}>
            {printing ? t('fo.printing') : t('fo.printAnalysis')}
          </button>
        </div>
      </form>
      {loading && <p role="status">{t('fo.loadingAnalysis')}</p>}
      {problem && <p role="alert">{problem}</p>}
      {analysis && <SatisfactionAnalysisPage analysis={analysis} />}
      {printing && analysis && target && createPortal(<div className="notice analysis-print"><SatisfactionAnalysisPage analysis={analysis} /></div>, target)}
    </section>
  );
}
