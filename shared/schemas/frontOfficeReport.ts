/**
 * The front office's reports for supervisors (docs/decisions/0038-front-office-reports.md): how long
 * citizens waited and were served, how priority tickets fared, who did not show up, and what citizens
 * said of their visit; and the monthly survey analysis (滿意度調查分析報告). Durations travel in whole
 * seconds; shares as fractions 0–1. Nothing here names a citizen.
 */
import { z } from 'zod';
import { isValidIsoDate } from '../domain/isoDate';
import { isoDateSchema, isoDateTimeSchema } from './primitives';
import { petitionStatusSchema, ratingScoreSchema, ratingSourceSchema } from './visitRating';

/** Reports start in the Republic's first year: every day has a ROC date to print. */
const FIRST_REPORT_DAY = '1912-01-01';
/** A calendar date that exists (2026-02-30 does not). */
export const reportDaySchema = isoDateSchema.refine((day) => isValidIsoDate(day) && day >= FIRST_REPORT_DAY, 'no such date');
/** A month, `YYYY-MM`. */
export const reportMonthSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected YYYY-MM')
  .refine((month) => month >= FIRST_REPORT_DAY.slice(0, 7), 'no such month');

/** GET /v1/reports/front-office?from=&to= (both optional: by default the last 30 days). */
export const frontOfficeQuerySchema = z.object({ from: reportDaySchema.optional(), to: reportDaySchema.optional() });
/** GET /v1/reports/satisfaction-analysis?month= (by default the month before this one). */
export const satisfactionQuerySchema = z.object({ month: reportMonthSchema.optional() });

/** A report covers at most this many days. */
export const FRONT_OFFICE_MAX_DAYS = 366;
/** A priority ticket should be called within this many seconds of its issue. */
export const PRIORITY_CALL_TARGET_SECONDS = 5 * 60;

const seconds = z.number().int().nonnegative().nullable();
const share = z.number().min(0).max(1).nullable();
const count = z.number().int().nonnegative();

/** The queue's figures over one set of tickets (all, or one hour, group, counter or day). */
export const queueRowSchema = z.object({
  key: z.string(),
  labelZh: z.string(),
  labelEn: z.string(),
  issued: count,
  /** Served: finished `done`. */
  served: count,
  noShows: count,
  /** noShows / (served + noShows): of the tickets that reached an outcome. */
  noShowShare: share,
  /** Called − issued, of the tickets called. */
  waitMedian: seconds,
  waitP90: seconds,
  /** Finished − called, of the tickets served. */
  serviceMedian: seconds,
  serviceP90: seconds,
  /** Priority tickets counted (called, or waiting longer than the target already). */
  priority: count,
  /** Of those, called within PRIORITY_CALL_TARGET_SECONDS. */
  priorityOnTime: count,
  priorityShare: share,
});
export type QueueRow = z.infer<typeof queueRowSchema>;

/** The ratings' figures over one set of ratings. */
export const ratingRowSchema = z.object({
  key: z.string(),
  labelZh: z.string(),
  labelEn: z.string(),
  count,
  /** Mean score 1–5, two decimals; null without ratings. */
  average: z.number().min(1).max(5).nullable(),
  /** Share of ratings scored 4 or 5. */
  satisfiedShare: share,
});
export type RatingRow = z.infer<typeof ratingRowSchema>;

/** A citizen's comment as the supervisor reads it: the visit's service, counter and clerk, never the citizen. */
export const ratingCommentSchema = z.object({
  id: z.uuid(),
  caseNo: z.string(),
  ratedAt: isoDateTimeSchema,
  score: ratingScoreSchema,
  source: ratingSourceSchema,
  comment: z.string(),
  serviceZh: z.string(),
  serviceEn: z.string(),
  counter: z.string(),
  clerk: z.string(),
});
export type RatingComment = z.infer<typeof ratingCommentSchema>;

/** The most comments a report lists (newest first). */
export const MAX_REPORT_COMMENTS = 200;

export const frontOfficeReportSchema = z.object({
  generatedAt: isoDateTimeSchema,
  from: isoDateSchema,
  to: isoDateSchema,
  queue: z.object({
    overall: queueRowSchema,
    /** By the hour of day the ticket was issued ('08' = 08:00–08:59, Taipei). */
    byHour: z.array(queueRowSchema),
    byGroup: z.array(queueRowSchema),
    /** By the counter that called it (its label that day); tickets never called are in no counter. */
    byCounter: z.array(queueRowSchema),
    byDay: z.array(queueRowSchema),
  }),
  satisfaction: z.object({
    overall: ratingRowSchema,
    byCounter: z.array(ratingRowSchema),
    byClerk: z.array(ratingRowSchema),
    byService: z.array(ratingRowSchema),
    byMonth: z.array(ratingRowSchema),
    comments: z.array(ratingCommentSchema).max(MAX_REPORT_COMMENTS),
    /** More comments were made than listed. */
    commentsCapped: z.boolean(),
  }),
});
export type FrontOfficeReport = z.infer<typeof frontOfficeReportSchema>;

/** A row of the monthly analysis: this month's figures beside the previous month's average. */
export const analysisRowSchema = ratingRowSchema.extend({
  previousAverage: z.number().min(1).max(5).nullable(),
  /** average − previousAverage, two decimals; null unless both months have ratings. */
  change: z.number().nullable(),
});
export type AnalysisRow = z.infer<typeof analysisRowSchema>;

export const complaintSchema = z.object({
  id: z.uuid(),
  caseNo: z.string(),
  openedAt: isoDateTimeSchema,
  summary: z.string(),
  status: petitionStatusSchema,
  closedAt: isoDateTimeSchema.nullable(),
});
export type Complaint = z.infer<typeof complaintSchema>;

/** The most low ratings an analysis lists. */
export const MAX_ANALYSIS_LOW_RATINGS = 300;

/** GET /v1/reports/satisfaction-analysis?month= — the monthly survey analysis (分析報告). */
export const satisfactionAnalysisSchema = z.object({
  generatedAt: isoDateTimeSchema,
  month: reportMonthSchema,
  previousMonth: reportMonthSchema,
  overall: analysisRowSchema,
  previousCount: count,
  /** Ratings scored 1 … 5, in that order. */
  distribution: z.array(z.object({ score: ratingScoreSchema, count, share })).length(5),
  /** Mean of the survey's optional questions (limit kept, staff helpful); null when none answered. */
  speedAverage: z.number().min(1).max(5).nullable(),
  courtesyAverage: z.number().min(1).max(5).nullable(),
  bySource: z.array(analysisRowSchema),
  byService: z.array(analysisRowSchema),
  byCounter: z.array(analysisRowSchema),
  byClerk: z.array(analysisRowSchema),
  /** Scored at or below LOW_RATING_MAX, newest first. */
  lowRatings: z.array(ratingCommentSchema.extend({ comment: z.string().nullable() })).max(MAX_ANALYSIS_LOW_RATINGS),
  lowRatingsCapped: z.boolean(),
  /** Complaints (陳情) opened in the month. */
  complaints: z.array(complaintSchema),
});
export type SatisfactionAnalysis = z.infer<typeof satisfactionAnalysisSchema>;
