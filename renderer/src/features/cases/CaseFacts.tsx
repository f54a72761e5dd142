import { findService } from '../../../../shared/domain/catalogue';
import { formatPhone } from '../../../../shared/domain/phone';
import { formatRocLong } from '../../../../shared/domain/rocDate';
import type { FeedbackRow } from '../../db/counterRecords';
import type { LocalCase } from '../../db/records';
import { rejectionText } from '../../lib/errorText';
import { useT } from '../../lib/i18n';
import { getCatalogue } from '../../lib/referenceData';
import { useLocale } from '../../state/locale';
import { clockState } from '../notice/deficiency';
import { CaseTicketFacts } from '../queue/CaseTicketFacts';

/** A case's facts: service, status, the clock and its pauses, the applicant, sync state and feedback. */
export function CaseFacts({ record, feedback }: { record: LocalCase; feedback: readonly FeedbackRow[] }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const service = findService(getCatalogue(), record.serviceId);
  const clock = clockState(record);
  const a = record.applicant;
  const related = a.representative ?? a.taxpayer ?? a.deceased;
  const relatedLabel = a.representative ? t('representativeName') : a.taxpayer ? t('taxpayerName') : t('deceasedName');
  return (
    <dl className="facts">
      <dt>{t('service')}</dt>
      <dd>{service ? `${service.nameZh} · ${service.nameEn}` : record.serviceId}</dd>
      <dt>{t('status')}</dt>
      <dd data-testid="detail-status">{t(`status.${record.status}`)}</dd>
      <dt>{t('dueDate')}</dt>
      <dd data-testid="detail-clock" data-clock={clock.kind}>
        {clock.kind === 'paused' ? t('clockPausedSince', { date: `${formatRocLong(clock.since)} (${clock.since})` }) : `${formatRocLong(clock.dueDate)} (${clock.dueDate})`}
      </dd>
      {record.deficiency && (
        <>
          <dt>{t('supplementBy')}</dt>
          <dd>
            {formatRocLong(record.deficiency.supplementBy)} ({record.deficiency.supplementBy})
          </dd>
        </>
      )}
      <dt>{t('clockPauses')}</dt>
      <dd data-testid="detail-pauses">
        {(record.clockPauses ?? []).length === 0 ? '—' : (record.clockPauses ?? []).map((p) => `${p.from} – ${p.to ?? t('pauseOpen')}`).join('; ')}
      </dd>
      <dt>{t('applicantKind')}</dt>
      <dd>{t(`kind.${a.kind}`)}</dd>
      <dt>{t('applicant')}</dt>
      <dd>
        {a.name} {a.idNumber}
      </dd>
      {related && (
        <>
          <dt>{relatedLabel}</dt>
          <dd>
            {related.name} {related.idNumber} {related.diedOn ?? ''}
          </dd>
        </>
      )}
      <dt>{t('phone')}</dt>
      <dd>{a.phone ? formatPhone(a.phone) : '—'}</dd>
      <dt>{t('address')}</dt>
      <dd>{a.address ? `${a.address.zip ?? ''} ${a.address.district ?? ''} ${a.address.line}` : '—'}</dd>
      <dt>{t('receivedAt')}</dt>
      <dd>
        {formatRocLong(record.receivedOn)} {new Date(record.receivedAt).toLocaleTimeString(locale === 'en' ? 'en' : 'zh-TW')}
      </dd>
      <dt>{t('channel')}</dt>
      <dd>{t(`channel.${record.channel}`)}</dd>
      <CaseTicketFacts record={record} />
      <dt>{t('createdBy')}</dt>
      <dd>{record.createdBy}</dd>
      <dt>{t('syncState')}</dt>
      <dd data-testid="sync-state" data-state={record.syncState}>
        {t(`syncState.${record.syncState}`)}
        {record.syncState === 'rejected' && `: ${rejectionText(locale, record.syncCode, record.caseNo)}`}
      </dd>
      {feedback.map((f) => (
        <FeedbackLine key={f.id} f={f} t={t} />
      ))}
    </dl>
  );
}

function FeedbackLine({ f, t }: { f: FeedbackRow; t: ReturnType<typeof useT> }) {
  return (
    <>
      <dt>{t('feedbackReceived', { score: f.score })}</dt>
      <dd>{f.comment ?? '—'}</dd>
    </>
  );
}
