/**
 * The short survey after a case is closed (/q/:caseNo/survey?v=, docs/decisions/0037-ratings-reach-the-bureau.md):
 * when it is open, what the citizen's form says, and storing the one answer a case takes — as a
 * rating of source `survey`, with the service, counter and clerk copied from the case and nothing
 * of the applicant.
 */
import { randomUUID } from 'node:crypto';
import type { Bilingual } from '../../../shared/domain/bilingual';
import { findService, defaultCatalogue } from '../../../shared/domain/catalogue';
import type { CaseStatus } from '../../../shared/schemas/case';
import { surveyAnswerSchema } from '../../../shared/schemas/visitRating';
import type { SurveyAnswer } from '../../../shared/schemas/visitRating';
import type { Database } from '../db/database';
import { appendAudit } from '../store/auditStore';
import type { StoredCase } from '../store/caseStore';
import { insertRatingIfAbsent } from '../store/ratingStore';

/**
 * The survey opens once the result is handed over: a case is `closed` only by the hand-over (or when
 * done on the spot), so an approval or refusal not yet handed over is not asked about — the service
 * is not finished. A withdrawn application is not either.
 */
export function surveyOpen(status: CaseStatus): boolean {
  return status === 'closed';
}

/** The form as the citizen filled it in, every field as typed (an answer sent back keeps them all). */
export interface SurveyForm {
  score: string;
  speed: string;
  courtesy: string;
  comment: string;
  token: string;
}
export type SurveyField = 'score' | 'speed' | 'courtesy' | 'comment';
export type SurveyErrors = Partial<Record<SurveyField, Bilingual>>;

export const emptySurveyForm: SurveyForm = { score: '', speed: '', courtesy: '', comment: '', token: '' };

/** The posted fields, whatever the body held: a field missing or not text reads as empty. */
export function readSurveyForm(body: unknown): SurveyForm {
  const fields = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const textOf = (name: keyof SurveyForm) => {
    const value = fields[name];
    return typeof value === 'string' ? value : '';
  };
  return { score: textOf('score'), speed: textOf('speed'), courtesy: textOf('courtesy'), comment: textOf('comment'), token: textOf('token') };
}

const fieldWords: Readonly<Record<SurveyField, Bilingual>> = {
  score: { zh: '請選擇整體滿意度（1 至 5 分）。', en: 'Choose an overall rating from 1 to 5.' },
  speed: { zh: '辦理速度請選擇 1 至 5 分，或不填。', en: 'Rate the speed from 1 to 5, or leave it out.' },
  courtesy: { zh: '服務態度請選擇 1 至 5 分，或不填。', en: 'Rate the courtesy from 1 to 5, or leave it out.' },
  comment: { zh: '意見最多 500 字，且不能含有控制字元。', en: 'Comments hold at most 500 characters and no control characters.' },
};

/** The answer, or what is wrong with each field in words. A browser sends a textarea's line breaks as CRLF: read as LF. */
export function checkSurveyForm(form: SurveyForm): { ok: true; answer: SurveyAnswer } | { ok: false; errors: SurveyErrors } {
  const comment = form.comment.replace(/\r\n?/g, '\n').trim();
  const parsed = surveyAnswerSchema.safeParse({
    score: form.score === '' ? undefined : form.score,
    ...(form.speed === '' ? {} : { speed: form.speed }),
    ...(form.courtesy === '' ? {} : { courtesy: form.courtesy }),
    ...(comment === '' ? {} : { comment }),
  });
  if (parsed.success) return { ok: true, answer: parsed.data };
  const errors: SurveyErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (field === 'score' || field === 'speed' || field === 'courtesy' || field === 'comment') errors[field] = fieldWords[field];
  }
  return { ok: false, errors: Object.keys(errors).length > 0 ? errors : { score: fieldWords.score } };
}

/** What the survey page names the case by: its number and service, nothing of the applicant. */
export interface SurveyCase {
  caseNo: string;
  serviceZh: string;
  serviceEn: string;
}

export function surveyCaseOf(stored: StoredCase): SurveyCase {
  const { caseNo, serviceId } = stored.record;
  const service = findService(defaultCatalogue, serviceId);
  return { caseNo, serviceZh: service?.nameZh ?? serviceId, serviceEn: service?.nameEn ?? serviceId };
}

/** Stores the case's answer unless it has one, audited (`case.survey-answer`) in the same transaction. */
export async function recordSurveyAnswer(db: Database, stored: StoredCase, answer: SurveyAnswer, context: { now: Date; address: string }): Promise<'stored' | 'already'> {
  const { record } = stored;
  return db.transaction(async (tx) => {
    const inserted = await insertRatingIfAbsent(tx, {
      id: randomUUID(),
      caseId: record.id,
      source: 'survey',
      ...answer,
      ratedAt: context.now,
      receivedAt: context.now,
      serviceId: record.serviceId,
      stationCode: record.stationCode,
      clerk: record.createdBy,
    });
    if (!inserted) return 'already';
    await appendAudit(tx, {
      at: context.now,
      action: 'case.survey-answer',
      purpose: 'citizen survey',
      caseId: record.id,
      details: { caseNo: record.caseNo, score: answer.score, address: context.address },
    });
    return 'stored';
  });
}
