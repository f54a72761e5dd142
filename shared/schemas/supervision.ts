import { z } from 'zod';
import { caseStatusSchema, channelSchema } from './case';
import { outcomeSchema } from './caseDesk';
import { isoDateSchema, isoDateTimeSchema, line } from './primitives';
import { decisionLevelSchema, unitCodeSchema, unitSchema } from './unit';

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
  /** The handling unit (the case's desk): what authority, filters and reports go by; its names to show. */
  unit: z.string(),
  unitNameZh: z.string().default(''),
  unitNameEn: z.string().default(''),
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
  /** The officer on the case (承辦人) and the name to show; null while no one has taken it. Older servers send none. */
  assignee: z.string().nullable().default(null),
  assigneeName: z.string().nullable().default(null),
  /** The officer's proposal, while one stands (outcome and the reasons the citizen will read). */
  proposal: z.object({ outcome: outcomeSchema, reasons: z.string() }).nullable().default(null),
  /** Who decides the service's cases (分層負責). */
  decisionLevel: decisionLevelSchema.default('chief'),
});
export type QueueCase = z.infer<typeof queueCaseSchema>;

export const queueFilterSchema = z.object({
  unit: unitCodeSchema.optional(),
  service: line(40).min(1).optional(),
  /** Only cases due on or before this day. */
  dueBy: isoDateSchema.optional(),
});
export type QueueFilter = z.infer<typeof queueFilterSchema>;

export const caseNotificationSchema = z.object({
  id: z.number().int(),
  kind: z.enum(['received', 'deficiency', 'extension', 'approved', 'rejected', 'closed', 'at-risk', 'renewal']),
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
  unit: unitCodeSchema.optional(),
  service: line(40).min(1).optional(),
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

export const supervisorQueueSchema = z.object({
  generatedAt: isoDateTimeSchema,
  pendingApproval: z.array(queueCaseSchema),
  /** At risk or overdue, most urgent first. */
  atRisk: z.array(queueCaseSchema),
  /** The units the supervisor oversees that have open cases, for the filter. */
  units: z.array(z.string()),
  /** The names of the units in `units`. */
  unitNames: z.array(unitSchema).default([]),
  /** This month's on-time rate so far, over the units the supervisor oversees (supervisor's home). */
  onTimeThisMonth: onTimeRowSchema.extend({ from: isoDateSchema, to: isoDateSchema }).optional(),
});
export type SupervisorQueue = z.infer<typeof supervisorQueueSchema>;

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
  /** By the officer who handled each case (the assignee; else who proposed or decided it); key '' is no one yet. */
  byOfficer: z.array(onTimeRowSchema).default([]),
  /** Cases received in the period. */
  receivedByService: z.array(countRowSchema),
  receivedByChannel: z.array(countRowSchema),
  overdue: z.array(queueCaseSchema),
  atRisk: z.array(queueCaseSchema),
});
export type OnTimeReport = z.infer<typeof onTimeReportSchema>;

/**
 * 主動服務: an approved exemption or relief that runs out within the month (desk.decision.facts.expiresOn),
 * with the reminder the citizen was sent (null until the nightly job has queued it).
 */
export const renewalSchema = z.object({
  id: z.uuid(),
  caseNo: z.string(),
  serviceId: z.string(),
  serviceNameZh: z.string(),
  serviceNameEn: z.string(),
  unit: z.string(),
  unitNameZh: z.string(),
  unitNameEn: z.string(),
  applicantMasked: z.string(),
  expiresOn: isoDateSchema,
  granted: z.string().nullable(),
  reminder: z.enum(['pending', 'sending', 'sent', 'skipped', 'failed']).nullable(),
});
export type Renewal = z.infer<typeof renewalSchema>;
export const renewalsResponseSchema = z.object({ from: isoDateSchema, to: isoDateSchema, renewals: z.array(renewalSchema) });
export type RenewalsResponse = z.infer<typeof renewalsResponseSchema>;
