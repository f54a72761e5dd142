/**
 * The texts of the citizen's SMS. Every message names the case number and carries the short progress
 * URL; it is in Traditional Chinese, followed by English when the applicant asked for English.
 *
 * Invariant (tested): with a base URL of up to MAX_PUBLIC_BASE_URL_LENGTH characters and a receipt
 * verifier of up to 32 characters, a Chinese message takes at most MAX_SEGMENTS_ZH parts and a
 * bilingual one at most MAX_SEGMENTS_BILINGUAL. A single 70-character UCS-2 SMS cannot hold the URL
 * with its verifier (about 60 characters) and the case number, so two parts is the floor, not a
 * choice (docs/decisions/0008-notifications-deadlines-progress.md). When the full text would exceed
 * the budget, the optional part (a date) is dropped first.
 */
import { formatRocShort } from '../../../shared/domain/rocDate';
import { smsLength } from './smsLength';

export const notificationKinds = ['received', 'deficiency', 'extension', 'approved', 'rejected', 'closed', 'at-risk', 'renewal'] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/** 'zh-TW': Chinese only; 'zh-TW+en': Chinese, then English. */
export type NotificationLocale = 'zh-TW' | 'zh-TW+en';

export const MAX_SEGMENTS_ZH = 2;
export const MAX_SEGMENTS_BILINGUAL = 4;
export const MAX_PUBLIC_BASE_URL_LENGTH = 32;

export interface MessageInput {
  caseNo: string;
  progressUrl: string;
  /** The due date in force (YYYY-MM-DD). */
  dueDate: string;
  /** Last day to supplement documents, for a deficiency. */
  supplementBy?: string;
  /** The day an approved exemption or relief runs out, for a renewal reminder. */
  expiresOn?: string;
  bureauPhone: string;
}

interface Text {
  /** The text with every sentence. */
  full: string;
  /** The text without its optional sentence, when the full one is too long. */
  short: string;
}

const SIGN_ZH = '【基隆市稅務局】';

function zhText(kind: NotificationKind, m: MessageInput): Text {
  const due = formatRocShort(m.dueDate);
  const url = m.progressUrl;
  switch (kind) {
    case 'received':
      return { full: `${SIGN_ZH}已收件，案號${m.caseNo}，預定${due}前辦結。進度：${url}`, short: `${SIGN_ZH}已收件，案號${m.caseNo}。進度：${url}` };
    case 'deficiency': {
      const by = m.supplementBy ? `，請於${formatRocShort(m.supplementBy)}前補正` : '，請儘速補正';
      return { full: `${SIGN_ZH}案號${m.caseNo}尚缺文件${by}，明細：${url}`, short: `${SIGN_ZH}案號${m.caseNo}尚缺文件，明細：${url}` };
    }
    case 'extension':
      return { full: `${SIGN_ZH}案號${m.caseNo}處理期限依法延長至${due}。進度：${url}`, short: `${SIGN_ZH}案號${m.caseNo}已延長期限。${url}` };
    case 'approved':
      return { full: `${SIGN_ZH}案號${m.caseNo}已核准。進度：${url}`, short: `${SIGN_ZH}案號${m.caseNo}已核准。${url}` };
    case 'rejected':
      return { full: `${SIGN_ZH}案號${m.caseNo}經審核未予核准，說明：${url}`, short: `${SIGN_ZH}案號${m.caseNo}未予核准。${url}` };
    case 'closed':
      return { full: `${SIGN_ZH}案號${m.caseNo}已結案，謝謝您。${url}`, short: `${SIGN_ZH}案號${m.caseNo}已結案。${url}` };
    case 'at-risk':
      return {
        full: `${SIGN_ZH}案號${m.caseNo}可能無法於${due}前辦結，本局正加速處理。${url}`,
        short: `${SIGN_ZH}案號${m.caseNo}正加速處理中。${url}`,
      };
    case 'renewal': {
      const until = m.expiresOn ? `將於${formatRocShort(m.expiresOn)}到期` : '即將到期';
      return { full: `${SIGN_ZH}案號${m.caseNo}核定${until}，請洽本局續辦。${url}`, short: `${SIGN_ZH}案號${m.caseNo}核定即將到期，請洽本局續辦。${url}` };
    }
  }
}

function enText(kind: NotificationKind, m: MessageInput): Text {
  const due = m.dueDate;
  switch (kind) {
    case 'received':
      return { full: `Case ${m.caseNo} received, due by ${due}. Progress at the link above.`, short: `Case ${m.caseNo} received.` };
    case 'deficiency': {
      const by = m.supplementBy ? ` by ${m.supplementBy}` : '';
      return { full: `Case ${m.caseNo}: documents missing, please supply them${by}. Details at the link above.`, short: `Case ${m.caseNo}: documents missing.` };
    }
    case 'extension':
      return { full: `Case ${m.caseNo}: time limit extended to ${due}.`, short: `Case ${m.caseNo} extended to ${due}.` };
    case 'approved':
      return { full: `Case ${m.caseNo} approved.`, short: `Case ${m.caseNo} approved.` };
    case 'rejected':
      return { full: `Case ${m.caseNo} not approved; reasons at the link above.`, short: `Case ${m.caseNo} not approved.` };
    case 'closed':
      return { full: `Case ${m.caseNo} closed. Thank you.`, short: `Case ${m.caseNo} closed.` };
    case 'at-risk':
      return {
        full: `Case ${m.caseNo} may miss its ${due} due date; we are expediting it. Call ${m.bureauPhone}.`,
        short: `Case ${m.caseNo} is being expedited.`,
      };
    case 'renewal':
      return {
        full: `Case ${m.caseNo}: the approval ${m.expiresOn ? `runs out on ${m.expiresOn}` : 'runs out soon'}; please apply to renew it.`,
        short: `Case ${m.caseNo}: the approval runs out soon.`,
      };
  }
}

export interface ComposedMessage {
  body: string;
  segments: number;
}

/** The message for an event, within the segment budget of its locale (see the header). */
export function composeMessage(kind: NotificationKind, locale: NotificationLocale, input: MessageInput): ComposedMessage {
  const zh = zhText(kind, input);
  // The English follows the Chinese and points at its URL rather than repeating it: a second copy
  // would cost a whole part.
  const candidates =
    locale === 'zh-TW'
      ? [zh.full, zh.short]
      : (() => {
          const en = enText(kind, input);
          return [`${zh.full}\n${en.full}`, `${zh.short}\n${en.full}`, `${zh.short}\n${en.short}`];
        })();
  const budget = locale === 'zh-TW' ? MAX_SEGMENTS_ZH : MAX_SEGMENTS_BILINGUAL;
  for (const body of candidates) {
    const { segments } = smsLength(body);
    if (segments <= budget) return { body, segments };
  }
  const body = candidates[candidates.length - 1] ?? zh.short;
  return { body, segments: smsLength(body).segments };
}

/** The short progress URL printed in every message: `${base}/q/<caseNo>?v=<verifier>`. */
export function progressUrlOf(publicBaseUrl: string, caseNo: string, verifier: string): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}/q/${encodeURIComponent(caseNo)}?v=${encodeURIComponent(verifier)}`;
}
