import { findService } from '../../../../shared/domain/catalogue';
import { maskIdNumber, maskName } from '../../../../shared/domain/masking';
import { progressUrl } from '../../../../shared/domain/progressUrl';
import { remedyDeadline, remedyOf, type RemedyKind } from '../../../../shared/domain/remedy';
import { formatRocLong } from '../../../../shared/domain/rocDate';
import type { CaseRecord } from '../../../../shared/schemas/case';
import type { Outcome } from '../../../../shared/schemas/caseDesk';
import { translate, type KeysUnder } from '../../lib/i18n';
import { getCalendar, getCatalogue } from '../../lib/referenceData';
import type { Locale } from '../../state/locale';

/**
 * What the decision notice (處分書; 復查決定書 after a re-examination) says, as text: the decision, its
 * reasons and what it grants, and the remedy (教示) with its last day when the bureau knows the day the
 * applicant received the notice (shared/domain/remedy.ts). Chinese always; English after each Chinese
 * text when the applicant chose English. Personal data is masked as on the receipt, since paper leaves
 * the office; the QR code holds the receipt's progress URL.
 */

/** One text of the letter: Chinese, and its English when the letter is bilingual. */
export interface LetterWords {
  zh: string;
  en?: string;
}

export type LetterRowId = 'caseNo' | 'service' | 'applicant' | 'decidedOn' | 'decision' | 'granted' | 'fromPeriod' | 'expiresOn';

export interface LetterRow {
  id: LetterRowId;
  label: LetterWords;
  value: LetterWords;
}

export interface DecisionLetterModel {
  caseNo: string;
  bilingual: boolean;
  outcome: Outcome;
  remedy: RemedyKind;
  bureau: LetterWords;
  title: LetterWords;
  rows: LetterRow[];
  reasonsHeading: LetterWords;
  /** As the officer wrote them: the bureau's own words are not translated by the app. */
  reasons: string;
  remedyHeading: LetterWords;
  /** The remedy, then its last day or when its 30 days start. */
  remedyText: LetterWords[];
  /** ISO date, when the day of receipt is known. */
  lastDay?: string;
  qrHint: LetterWords;
  progressUrl: string;
}

type LetterKey = KeysUnder<'letter.'>;
type Params = Record<string, string>;

/** A date as each language writes it on paper: 中華民國115年12月7日, 2026-12-07. */
const dateIn = (locale: Locale, isoDate: string) => (locale === 'en' ? isoDate : formatRocLong(isoDate));

export function decisionLetterModel(record: CaseRecord, serverUrl: string): DecisionLetterModel | undefined {
  const decision = record.desk?.decision;
  if (!decision) return undefined;
  const bilingual = record.applicant.preferredLanguage === 'en';
  const words = (key: LetterKey, params?: (locale: Locale) => Params): LetterWords => {
    const zh = translate('zh-TW', `letter.${key}`, params?.('zh-TW'));
    return bilingual ? { zh, en: translate('en', `letter.${key}`, params?.('en')) } : { zh };
  };
  const plain = (value: string): LetterWords => ({ zh: value });
  const date = (isoDate: string): LetterWords => (bilingual ? { zh: formatRocLong(isoDate), en: isoDate } : { zh: formatRocLong(isoDate) });

  const service = findService(getCatalogue(), record.serviceId);
  const remedy = remedyOf(service);
  const deadline = remedyDeadline(record.desk?.handover, getCalendar());
  const facts = decision.outcome === 'approve' ? decision.facts : undefined;
  const rows: LetterRow[] = [
    { id: 'caseNo', label: words('caseNo'), value: plain(record.caseNo) },
    { id: 'service', label: words('service'), value: bilingual ? { zh: service?.nameZh ?? record.serviceId, en: service?.nameEn ?? record.serviceId } : plain(service?.nameZh ?? record.serviceId) },
    { id: 'applicant', label: words('applicant'), value: plain(`${maskName(record.applicant.name)} ${maskIdNumber(record.applicant.idNumber)}`) },
    { id: 'decidedOn', label: words('decidedOn'), value: date(decision.decidedOn) },
    { id: 'decision', label: words('decision'), value: words(decision.outcome) },
    ...(facts?.granted ? [{ id: 'granted' as const, label: words('granted'), value: plain(facts.granted) }] : []),
    ...(facts?.fromPeriod ? [{ id: 'fromPeriod' as const, label: words('fromPeriod'), value: plain(facts.fromPeriod) }] : []),
    ...(facts?.expiresOn ? [{ id: 'expiresOn' as const, label: words('expiresOn'), value: date(facts.expiresOn) }] : []),
  ];
  const remedyKey = remedy === 'appeal' ? 'Appeal' : 'Reexamination';
  const when =
    deadline.kind === 'known'
      ? words(`lastDay${remedyKey}`, (locale) => ({ receivedOn: dateIn(locale, deadline.receivedOn), lastDay: dateIn(locale, deadline.lastDay) }))
      : words(`fromReceipt${remedyKey}`);

  return {
    caseNo: record.caseNo,
    bilingual,
    outcome: decision.outcome,
    remedy,
    bureau: words('bureau'),
    title: words(remedy === 'appeal' ? 'titleReexamination' : 'title'),
    rows,
    reasonsHeading: words('reasons'),
    reasons: decision.reasons,
    remedyHeading: words('remedy'),
    remedyText: [words(`remedy${remedyKey}`), when],
    ...(deadline.kind === 'known' ? { lastDay: deadline.lastDay } : {}),
    qrHint: words('qrHint'),
    progressUrl: progressUrl(serverUrl, record.caseNo, record.verifier),
  };
}
