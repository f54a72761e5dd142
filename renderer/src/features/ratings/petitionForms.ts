/**
 * What the complaint forms check before anything is sent, and how a refusal of the server reads: a
 * summary or a resolution is required, at most 1,000 characters, and free of control characters
 * (the one text rule, decision 0032) — said beside the field in both languages.
 */
import type { Bilingual } from '../../../../shared/domain/bilingual';
import type { Rating } from '../../../../shared/schemas/visitRating';
import { translate, translateBoth } from '../../lib/i18n';
import { typedTextProblem } from '../../lib/typedTextProblem';
import type { Refusal } from '../../lib/useFormAction';
import type { Locale } from '../../state/locale';

export const PETITION_TEXT_MAX = 1000;

export type PetitionText = 'summary' | 'resolution';

/** What is wrong with the typed text, or undefined when it may be sent (trimmed). */
export function petitionTextProblem(value: string, kind: PetitionText): Bilingual | undefined {
  const trimmed = value.trim();
  if (!trimmed) return translateBoth(kind === 'summary' ? 'ratings.summaryRequired' : 'ratings.resolutionRequired');
  if (trimmed.length > PETITION_TEXT_MAX) return translateBoth(kind === 'summary' ? 'ratings.summaryTooLong' : 'ratings.resolutionTooLong');
  return typedTextProblem(trimmed, true);
}

/** The summary a complaint starts from: the citizen's comment, or their score in words when they left none. */
export function prefilledSummary(rating: Pick<Rating, 'comment' | 'score'>, locale: Locale): string {
  return rating.comment?.trim() || translate(locale, 'ratings.summaryFromScore', { score: rating.score });
}

function codeOf(error: unknown): string | undefined {
  return error && typeof error === 'object' && (error as { name?: unknown }).name === 'ApiError' ? String((error as { code?: unknown }).code) : undefined;
}

/** A refusal of opening (`summary`) or closing (`resolution`) a complaint, in the form's own words. */
export function petitionRefusalOf(kind: PetitionText) {
  return (error: unknown): Refusal<PetitionText> => {
    const code = codeOf(error);
    if (code === 'conflict') return { key: kind === 'summary' ? 'ratings.petitionExists' : 'ratings.petitionWasClosed' };
    if (code === 'validation_failed') return { field: kind, key: kind === 'summary' ? 'ratings.summaryRequired' : 'ratings.resolutionRequired' };
    return undefined;
  };
}
