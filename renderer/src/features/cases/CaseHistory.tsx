import type { HistoryEntry } from '../../db/auditStore';
import { rejectionText } from '../../lib/errorText';
import { useT, translate, type MessageKey } from '../../lib/i18n';
import { useLocale, type Locale } from '../../state/locale';
import { isSignatureKind, signedContentHash } from '../documents/signatureKind';

type Translate = ReturnType<typeof useT>;

const FIELD_KEYS: Record<string, MessageKey> = {
  'applicant.name': 'field.applicant.name',
  'applicant.phone': 'field.applicant.phone',
  'applicant.address': 'field.applicant.address',
  checklist: 'field.checklist',
};

/** A document's kind as a person reads it: a signature is named as one, never by its hash. */
function subjectWords(subject: string, t: Translate): string {
  if (signedContentHash(subject, 'withdrawal') !== undefined) return t('history.withdrawalSignature');
  return isSignatureKind(subject) ? t('history.signature') : subject;
}

/** What happened, in words: the step's name and what it was about (a status, a field, a document). */
function describe(entry: HistoryEntry, t: Translate, locale: Locale): string {
  const what = entry.step
    ? t(`step.${entry.step}`)
    : entry.what === 'createCase' || entry.what === 'setField' || entry.what === 'transition' || entry.what === 'attachDocument' || entry.what === 'caseAction' || entry.what === 'recordRating'
      ? t(`mutation.${entry.what}`)
      : t(`audit.${entry.what}`);
  const parts = [what];
  if (entry.status) parts.push(`→ ${t(`status.${entry.status}`)}`);
  if (entry.subject) {
    const fieldKey = FIELD_KEYS[entry.subject];
    parts.push(entry.what === 'setField' ? (fieldKey ? translate(locale, fieldKey) : t('historyOtherField')) : subjectWords(entry.subject, t));
  }
  if (entry.detail) parts.push(`（${entry.detail}）`);
  return parts.join(' ');
}

function syncWords(entry: HistoryEntry, t: Translate, locale: Locale, caseNo: string): string {
  if (!entry.sync) return '';
  const state = t(`outbox.${entry.sync}`);
  return entry.sync === 'rejected' ? `${state}: ${rejectionText(locale, entry.code, caseNo)}` : state;
}

/** A case's history: every change sent to the server with its answer, and every local view or print. */
export function CaseHistory({ history, caseNo }: { history: readonly HistoryEntry[]; caseNo: string }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  return (
    <>
      <h3>{t('history')}</h3>
      <table className="history">
        <thead>
          <tr>
            <th scope="col">{t('historyWhen')}</th>
            <th scope="col">{t('historyWhat')}</th>
            <th scope="col">{t('historyBy')}</th>
            <th scope="col">{t('syncState')}</th>
          </tr>
        </thead>
        <tbody>
          {history.map((entry, index) => (
            <tr key={`${entry.at}-${index}`}>
              <td>{new Date(entry.at).toLocaleString(locale === 'en' ? 'en' : 'zh-TW')}</td>
              <td>{describe(entry, t, locale)}</td>
              <td>{entry.by ?? ''}</td>
              <td>{syncWords(entry, t, locale, caseNo)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
