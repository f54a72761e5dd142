import { CaseDocuments } from '../documents/CaseDocuments';
import { SignaturePanel } from '../signature/SignaturePanel';
import { caseContentToSign } from '../signature/signatureBinding';
import type { JsonValue } from '../signature/signatureBinding';
import { useEffect, useMemo, useState } from 'react';
import { findService } from '../../../../shared/domain/catalogue';
import { formatPhone } from '../../../../shared/domain/phone';
import { formatRocLong, taipeiDate } from '../../../../shared/domain/rocDate';
import { caseHistory, recordAudit, type HistoryEntry } from '../../db/auditStore';
import { getCase, updateCase } from '../../db/caseStore';
import { feedbackFor } from '../../db/feedbackStore';
import type { FeedbackRow } from '../../db/counterRecords';
import type { LocalCase } from '../../db/records';
import { useDescribeError, rejectionText } from '../../lib/errorText';
import { useT } from '../../lib/i18n';
import { useLocale } from '../../state/locale';
import { CaseHistory } from './CaseHistory';
import { useAltShortcuts } from '../../lib/shortcuts';
import { useSession } from '../../state/sessionState';
import type { ApiOptions } from '../../sync/api';
import { useSyncStatus } from '../../state/syncStatus';
import { clockState, missingDocuments, supplyDocuments } from '../notice/deficiency';
import { usePrintJob } from '../../state/printJob';
import { getCatalogue } from '../../lib/referenceData';
import { ReviewConflicts } from '../sync/ReviewConflicts';

/**
 * Everything about one case: applicant, checklist, clock and its pauses, sync state, the audit
 * history, reprints, and recording the documents supplied later (補正), which resumes the clock.
 * Opening it is logged: taxpayer data is secret (稅捐稽徵法 §33).
 */
export function CaseDetail({ caseId, onBack, onChanged, api }: { caseId: string; onBack: () => void; onChanged: () => void; api?: ApiOptions }) {
  const t = useT();
  const describeError = useDescribeError();
  const locale = useLocale((s) => s.locale);
  const username = useSession((s) => s.session?.user.username ?? '');
  const revision = useSyncStatus((s) => s.revision);
  const { printReceipt, printNotice } = usePrintJob();
  const [record, setRecord] = useState<LocalCase | null>();
  const [history, setHistory] = useState<HistoryEntry[]>([]);
  const [feedback, setFeedback] = useState<FeedbackRow[]>([]);
  const [supplied, setSupplied] = useState<ReadonlySet<string>>(new Set());
  const [message, setMessage] = useState<string>();
  const [reload, setReload] = useState(0);

  useEffect(() => {
    void recordAudit(caseId, username, 'viewed');
  }, [caseId, username]);

  useEffect(() => {
    let cancelled = false;
    void Promise.all([getCase(caseId), caseHistory(caseId), feedbackFor(caseId)]).then(([c, h, f]) => {
      if (cancelled) return;
      setRecord(c ?? null);
      setHistory(h);
      setFeedback(f);
    });
    return () => {
      cancelled = true;
    };
  }, [caseId, revision, reload]);

  useAltShortcuts({ b: onBack, p: record ? () => reprint('receipt') : undefined, d: record?.deficiency ? () => reprint('notice') : undefined });

  function reprint(kind: 'receipt' | 'notice') {
    if (!record) return;
    if (kind === 'receipt') printReceipt(record);
    else printNotice(record);
    void recordAudit(record.id, username, kind === 'receipt' ? 'printed-receipt' : 'printed-notice').then(() => setReload((n) => n + 1));
  }

  async function recordSupplied() {
    if (!record || supplied.size === 0) return;
    const service = findService(getCatalogue(), record.serviceId);
    if (!service) return;
    try {
      const next = await updateCase(record.id, (current) => supplyDocuments(current, [...supplied], taipeiDate(new Date()), service));
      await recordAudit(record.id, username, 'documents-supplied', [...supplied].join('; '));
      setRecord(next);
      setSupplied(new Set());
      setMessage(t('documentsSupplied'));
      setReload((n) => n + 1);
      onChanged();
    } catch (error) {
      setMessage(describeError(error));
    }
  }

  // What the citizen signs: the intake as it was entered. A later change to any of it shows the
  // signature as no longer covering the case.
  const contentToSign = useMemo<JsonValue | null>(
    () => (record ? caseContentToSign(record) : null),
    [record],
  );

  if (record === undefined) return <p role="status">{t('loading')}</p>;
  if (record === null) return <p role="alert">{t('noCases')}</p>;
  const service = findService(getCatalogue(), record.serviceId);
  const clock = clockState(record, service);
  const a = record.applicant;
  const related = a.representative ?? a.taxpayer ?? a.deceased;
  const relatedLabel = a.representative ? t('representativeName') : a.taxpayer ? t('taxpayerName') : t('deceasedName');
  const missing = missingDocuments(record.checklist);

  return (
    <section className="case-detail" aria-labelledby="case-detail-title" data-case-no={record.caseNo}>
      <div className="button-row">
        <button type="button" onClick={onBack} aria-keyshortcuts="Alt+B">
          {t('backToList')} <kbd>Alt+B</kbd>
        </button>
        <button type="button" onClick={() => reprint('receipt')} aria-keyshortcuts="Alt+P">
          {t('printReceipt')} <kbd>Alt+P</kbd>
        </button>
        {record.deficiency && (
          <button type="button" onClick={() => reprint('notice')} aria-keyshortcuts="Alt+D">
            {t('printNotice')} <kbd>Alt+D</kbd>
          </button>
        )}
      </div>
      <h2 id="case-detail-title">
        {t('caseDetail')} <span className="mono">{record.caseNo}</span>
      </h2>
      {message && <p role="status">{message}</p>}
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

      {record.review?.needsReview && (
        <ReviewConflicts
          record={record}
          onResolved={() => {
            setReload((n) => n + 1);
            onChanged();
          }}
        />
      )}

      <h3>{t('documents')}</h3>
      <ul className="doc-states">
        {record.checklist.map((item) => (
          <li key={item.document} data-state={item.state}>
            <span className={`badge badge-${item.state}`}>{t(`docState.${item.state}`)}</span> {item.document}
          </li>
        ))}
      </ul>

      {missing.length > 0 && (
        <fieldset className="supply">
          <legend>{t('markSupplied')}</legend>
          {missing.map((doc, index) => (
            <div key={doc} className="check">
              <input
                id={`supply-${index}`}
                type="checkbox"
                checked={supplied.has(doc)}
                onChange={(e) => {
                  const next = new Set(supplied);
                  if (e.target.checked) next.add(doc);
                  else next.delete(doc);
                  setSupplied(next);
                }}
              />
              <label htmlFor={`supply-${index}`}>{doc}</label>
            </div>
          ))}
          <button type="button" disabled={supplied.size === 0} onClick={() => void recordSupplied()}>
            {t('suppliedSelected')}
          </button>
        </fieldset>
      )}

      <CaseDocuments caseId={record.id} checklist={record.checklist} serverDocuments={record.documents} api={api} />
      {contentToSign && <SignaturePanel caseId={record.id} contentToSign={contentToSign} serverDocuments={record.documents} api={api} />}

      <CaseHistory history={history} caseNo={record.caseNo} />
    </section>
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
