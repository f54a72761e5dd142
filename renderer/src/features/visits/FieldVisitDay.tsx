import { useCallback, useEffect, useState } from 'react';
import { findService } from '../../../../shared/domain/catalogue';
import { districtByZip } from '../../../../shared/domain/districts';
import { taipeiDate } from '../../../../shared/domain/rocDate';
import { listDayVisits, saveDownloadedPlan } from '../../db/visitStore';
import type { LocalVisit } from '../../db/visitStore';
import { useLocale } from '../../state/locale';
import { getCatalogue } from '../../lib/referenceData';
import { useAltShortcuts } from '../../lib/shortcuts';
import type { ApiOptions } from '../../sync/api';
import { useSyncStatus } from '../../state/syncStatus';
import { DateField } from '../dates/DateField';
import { downloadPlan } from './visitApi';
import { useVisitText } from './useVisitText';
import { VisitWork } from './VisitWork';
import { useDescribeError } from '../../lib/errorText';

/**
 * The field worker's day: download the plan before leaving (with the applicants' earlier cases),
 * then work each visit from the laptop's copy, online or not. Outcomes go to the server after the
 * next successful sync.
 */
export function FieldVisitDay({ api, onChanged }: { api: ApiOptions; onChanged: () => void }) {
  const v = useVisitText();
  const describeError = useDescribeError();
  const locale = useLocale((s) => s.locale);
  const revision = useSyncStatus((s) => s.revision);
  const [planDate, setPlanDate] = useState(() => taipeiDate(new Date()));
  const [visits, setVisits] = useState<LocalVisit[]>();
  const [selected, setSelected] = useState<string>();
  const [downloading, setDownloading] = useState(false);
  const [status, setStatus] = useState<string>();
  const [reload, setReload] = useState(0);

  useEffect(() => {
    let cancelled = false;
    void listDayVisits(planDate).then((rows) => {
      if (!cancelled) setVisits(rows);
    });
    return () => {
      cancelled = true;
    };
  }, [planDate, revision, reload]);

  const download = useCallback(async () => {
    setDownloading(true);
    setStatus(undefined);
    try {
      const rows = await saveDownloadedPlan(await downloadPlan(api, planDate));
      setVisits(rows);
      setStatus(v('downloaded', { count: rows.length, time: new Date().toLocaleTimeString() }));
    } catch (error) {
      setStatus(v('downloadFailed', { message: describeError(error) }));
    } finally {
      setDownloading(false);
    }
  }, [api, planDate, v, describeError]);

  useAltShortcuts({ g: selected ? undefined : () => void download() });

  const current = visits?.find((visit) => visit.id === selected);
  if (current) {
    return (
      <VisitWork
        key={current.id}
        visit={current}
        onBack={() => setSelected(undefined)}
        onChanged={() => {
          setReload((n) => n + 1);
          onChanged();
        }}
      />
    );
  }

  return (
    <section aria-labelledby="visit-day-title">
      <h2 id="visit-day-title">{v('dayTitle')}</h2>
      <div className="button-row">
        {/* The day's list always shows a day: an emptied or refused entry keeps the day shown. */}
        <DateField id="visit-plan-date" label={v('planDate')} required value={planDate} onChange={(date) => date && setPlanDate(date)} />
        <button type="button" onClick={() => void download()} disabled={downloading} aria-keyshortcuts="Alt+G">
          {downloading ? v('downloading') : v('download')} <kbd>Alt+G</kbd>
        </button>
      </div>
      <p role="status" aria-live="polite">
        {status ?? (visits && visits.length === 0 ? v('notDownloaded') : '')}
      </p>
      {visits && visits.length > 0 && (
        <table className="case-list" aria-label={v('visitList')}>
          <thead>
            <tr>
              <th scope="col">{v('time')}</th>
              <th scope="col">{v('applicant')}</th>
              <th scope="col">{v('address')}</th>
              <th scope="col">{v('service')}</th>
              <th scope="col">{v('state')}</th>
              <th scope="col">
                <span className="visually-hidden">{v('open')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {visits.map((visit) => {
              const service = findService(getCatalogue(), visit.serviceId);
              return (
                <tr key={visit.id} data-visit-id={visit.id} data-state={visit.state} data-outcome-sync={visit.outcomeSync}>
                  <td>{visit.time}</td>
                  <td>{visit.applicant.name}</td>
                  <td>
                    {districtByZip(visit.address.zip)?.name ?? visit.address.zip} {visit.address.line}
                  </td>
                  <td className="ellipsis">{service ? (locale === 'en' ? service.nameEn : service.nameZh) : visit.serviceId}</td>
                  <td>
                    {v(`state.${visit.state}`)}
                    {visit.outcomeSync !== 'none' && <span className="hint small"> · {v(`sync.${visit.outcomeSync}`)}</span>}
                  </td>
                  <td>
                    <button type="button" onClick={() => setSelected(visit.id)} aria-label={`${v('open')} ${visit.time} ${visit.applicant.name}`}>
                      {v('open')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
