import type { Visit } from '../../../../shared/schemas/visit';
import { useVisitText } from './useVisitText';

/** One day's planned visits and what came of each. */
export function DayVisitsTable({ date, list }: { date: string; list: readonly Visit[] }) {
  const v = useVisitText();
  return (
    <table className="case-list" aria-label={v('plannerList', { date })}>
      <caption>{v('plannerList', { date })}</caption>
      <thead>
        <tr>
          <th scope="col">{v('time')}</th>
          <th scope="col">{v('assignee')}</th>
          <th scope="col">{v('applicant')}</th>
          <th scope="col">{v('service')}</th>
          <th scope="col">{v('outcome')}</th>
        </tr>
      </thead>
      <tbody>
        {list.map((visit) => (
          <tr key={visit.id} data-visit-id={visit.id} data-outcome={visit.outcome?.state ?? 'none'}>
            <td>{visit.time}</td>
            <td>{visit.assigneeName}</td>
            <td>{visit.applicant.name}</td>
            <td>{visit.serviceId}</td>
            <td>
              {visit.outcome ? (
                <>
                  {v(`state.${visit.outcome.state}`)}
                  {visit.outcome.reason && ` · ${visit.outcome.reason}`}
                  {visit.outcome.caseNo && (
                    <>
                      {' · '}
                      <span className="mono">{visit.outcome.caseNo}</span>
                    </>
                  )}
                  {visit.outcome.caseId && ` · ${v('smsState', { state: v(`sms.${visit.outcome.sms}`) })}`}
                </>
              ) : (
                v('noOutcome')
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
