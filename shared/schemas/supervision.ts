import { z } from 'zod';
import { caseStatusSchema, channelSchema } from './case';
import { isoDateSchema, isoDateTimeSchema } from './primitives';

/**
 * The supervisor's wire formats: the queue of cases to decide or to watch, and the on-time report.
 * Nothing personal beyond the masked applicant name travels here.
 */

export const riskSchema = z.enum(['on-track', 'at-risk', 'overdue', 'paused', 'unknown']);
export type Risk = z.infer<typeof riskSchema>;

export const queueCaseSchema = z.object({
  id: z.uuid(),
  caseNo: z.string(),
  serviceId: z.string(),
  serviceNameZh: z.string(),
  serviceNameEn: z.string(),
  channel: channelSchema,
  /** The receiving station: the unit reports and filters group by. */
  unit: z.string(),
  status: caseStatusSchema,
  receivedOn: isoDateSchema,
  dueDate: isoDateSchema,
  applicantMasked: z.string(),
  missingDocuments: z.number().int().nonnegative(),
  extended: z.boolean(),
  /** Everything provided and never sent back for documents: may be approved in bulk. */
  simple: z.boolean(),
  /** Messages to the citizen skipped for lack of a mobile number. */
  smsSkipped: z.number().int().nonnegative(),
  risk: riskSchema,
  remainingWorkingDays: z.number().int().nullable(),
  predictedDecisionOn: isoDateSchema.nullable(),
  daysInStage: z.number().int().nullable(),
});
export type QueueCase = z.infer<typeof queueCaseSchema>;

export const queueFilterSchema = z.object({
  unit: z.string().min(1).max(8).optional(),
  service: z.string().min(1).max(40).optional(),
  /** Only cases due on or before this day. */
  dueBy: isoDateSchema.optional(),
});
export type QueueFilter = z.infer<typeof queueFilterSchema>;

export const supervisorQueueSchema = z.object({
  generatedAt: isoDateTimeSchema,
  pendingApproval: z.array(queueCaseSchema),
  /** At risk or overdue, most urgent first. */
  atRisk: z.array(queueCaseSchema),
  /** Every unit with open cases, for the filter. */
  units: z.array(z.string()),
});
export type SupervisorQueue = z.infer<typeof supervisorQueueSchema>;

export const caseNotificationSchema = z.object({
  id: z.number().int(),
  kind: z.enum(['received', 'deficiency', 'extension', 'approved', 'rejected', 'closed', 'at-risk']),
  status: z.enum(['pending', 'sending', 'sent', 'skipped', 'failed']),
  skipReason: z.enum(['no-mobile']).nullable(),
  segments: z.number().int(),
  attempts: z.number().int(),
  createdAt: isoDateTimeSchema,
  sentAt: isoDateTimeSchema.nullable(),
  lastError: z.string().nullable(),
});
export const caseNotificationsSchema = z.object({ notifications: z.array(caseNotificationSchema) });

export const ON_TIME_TARGET = 0.95;

export const reportFilterSchema = z.object({
  from: isoDateSchema,
  to: isoDateSchema,
  unit: z.string().min(1).max(8).optional(),
  service: z.string().min(1).max(40).optional(),
  channel: channelSchema.optional(),
});
export type ReportFilter = z.infer<typeof reportFilterSchema>;

export const onTimeRowSchema = z.object({
  key: z.string(),
  labelZh: z.string(),
  labelEn: z.string(),
  /** Decided in the period, plus open cases whose due date passed in it. */
  total: z.number().int().nonnegative(),
  onTime: z.number().int().nonnegative(),
  late: z.number().int().nonnegative(),
  /** onTime / total; null without cases. */
  rate: z.number().min(0).max(1).nullable(),
  meetsTarget: z.boolean().nullable(),
});
export type OnTimeRow = z.infer<typeof onTimeRowSchema>;

export const countRowSchema = z.object({ key: z.string(), labelZh: z.string(), labelEn: z.string(), count: z.number().int().nonnegative() });
export type CountRow = z.infer<typeof countRowSchema>;

export const onTimeReportSchema = z.object({
  generatedAt: isoDateTimeSchema,
  filter: reportFilterSchema,
  target: z.number(),
  overall: onTimeRowSchema,
  byMonth: z.array(onTimeRowSchema),
  byUnit: z.array(onTimeRowSchema),
  byService: z.array(onTimeRowSchema),
  byChannel: z.array(onTimeRowSchema),
  /** Cases received in the period. */
  receivedByService: z.array(countRowSchema),
  receivedByChannel: z.array(countRowSchema),
  overdue: z.array(queueCaseSchema),
  atRisk: z.array(queueCaseSchema),
});
export type OnTimeReport = z.infer<typeof onTimeReportSchema>;
