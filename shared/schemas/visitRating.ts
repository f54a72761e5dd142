/**
 * The citizen's rating of a visit (滿意度即時反應) and the complaints (陳情) opened from one. A rating is
 * tied to the case, the counter and the clerk, never to the citizen: the server keeps no applicant field
 * with it (docs/decisions/0037-ratings-reach-the-bureau.md).
 */
import { z } from 'zod';
import { isValidIsoDate } from '../domain/isoDate';
import { isoDateSchema, isoDateTimeSchema, line, text, uuidSchema } from './primitives';

export const ratingScoreSchema = z.number().int().min(1).max(5);
/** A rating at or below this alerts the supervisor the same day. */
export const LOW_RATING_MAX = 2;

/** The sync mutation `recordRating`: the customer display's rating, carried by the counter's outbox. */
export const recordRatingArgsSchema = z.object({
  ratingId: uuidSchema,
  caseId: uuidSchema,
  score: ratingScoreSchema,
  comment: text(500).optional(),
  ratedAt: isoDateTimeSchema,
});
export type RecordRatingArgs = z.infer<typeof recordRatingArgsSchema>;

/** POST /q/:caseNo/survey?v= — the short survey linked from the progress page once the case is closed. */
export const surveyAnswerSchema = z.object({
  score: z.coerce.number().pipe(ratingScoreSchema),
  /** Was the limit kept, was the staff helpful: 1–5 each, optional. */
  speed: z.coerce.number().pipe(ratingScoreSchema).optional(),
  courtesy: z.coerce.number().pipe(ratingScoreSchema).optional(),
  comment: text(500).optional(),
});
export type SurveyAnswer = z.infer<typeof surveyAnswerSchema>;

export const ratingSourceSchema = z.enum(['counter', 'survey']);

/** A rating as the supervisor sees it: the service, the counter, the clerk — no applicant. */
export const ratingSchema = z.object({
  id: uuidSchema,
  caseId: uuidSchema,
  caseNo: z.string(),
  source: ratingSourceSchema,
  score: ratingScoreSchema,
  comment: z.string().nullable(),
  ratedAt: isoDateTimeSchema,
  serviceId: z.string(),
  stationCode: z.string(),
  clerk: z.string(),
  /** Set once a supervisor has seen it (a low rating stays in the alerts until then). */
  acknowledgedAt: isoDateTimeSchema.nullable(),
  petitionId: uuidSchema.nullable(),
});
export type Rating = z.infer<typeof ratingSchema>;

/** GET /v1/supervisor/ratings/alerts?day= */
export const ratingAlertsSchema = z.object({ day: isoDateSchema, ratings: z.array(ratingSchema) });

/** 陳情: opened by a supervisor from a rating's comment. */
export const petitionStatusSchema = z.enum(['open', 'closed']);
export const openPetitionRequestSchema = z.object({ ratingId: uuidSchema, summary: text(1000).trim().min(1) });
export const closePetitionRequestSchema = z.object({ resolution: text(1000).trim().min(1) });
export const petitionSchema = z.object({
  id: uuidSchema,
  ratingId: uuidSchema,
  caseNo: z.string(),
  summary: z.string(),
  status: petitionStatusSchema,
  openedBy: z.string(),
  openedAt: isoDateTimeSchema,
  resolution: z.string().nullable(),
  closedAt: isoDateTimeSchema.nullable(),
  /** The comment it was opened from. */
  comment: z.string().nullable(),
});
export type Petition = z.infer<typeof petitionSchema>;
export const petitionListSchema = z.object({ petitions: z.array(petitionSchema) });
export const ratingActionNoteSchema = z.object({ note: line(200).optional() });

/** POST /v1/supervisor/ratings/:id/acknowledge: the rating as it is now. */
export const ratingAnswerSchema = z.object({ rating: ratingSchema });
/** POST /v1/supervisor/petitions and /v1/supervisor/petitions/:id/close: the complaint as it is now. */
export const petitionAnswerSchema = z.object({ petition: petitionSchema });
/** The day of the alerts asked for; the server's office day (Asia/Taipei) when absent. */
export const ratingAlertsQuerySchema = z.object({ day: isoDateSchema.refine(isValidIsoDate, 'is not a date').optional() });
/** GET /v1/supervisor/ratings/alerts/count?day=: the workspace's alert badge — a number, no case data. */
export const ratingAlertCountSchema = z.object({ day: isoDateSchema, unacknowledged: z.number().int().nonnegative() });
