/**
 * Reports for supervisors (action `report:read`): the on-time report as JSON, CSV and XLSX, and the
 * overdue and at-risk lists as CSV, over the units the supervisor oversees (the director: all; a
 * unit not overseen is refused). Every view and export is written to the audit log with its filter,
 * since the lists name cases (稅捐稽徵法 §33: log every export).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { addDays } from '../../../shared/domain/isoDate';
import { taipeiDate } from '../../../shared/domain/rocDate';
import { reportFilterSchema } from '../../../shared/schemas/supervision';
import type { OnTimeReport, ReportFilter } from '../../../shared/schemas/supervision';
import type { AppContext } from '../context/appContext';
import { parseOrThrow } from '../domain/domainError';
import { HttpError } from '../http/httpError';
import { sessionOf } from '../http/sessionOf';
import { buildOnTimeReport } from '../reports/onTimeReport';
import { oversightOf, requireOversight } from '../reports/oversight';
import { caseListCsv, onTimeReportCsv, onTimeReportXlsx } from '../reports/reportExport';
import { appendAuditNow } from '../store/auditStore';

const MAX_RANGE_DAYS = 3 * 366;
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const querySchema = reportFilterSchema.partial({ from: true, to: true }).extend({ list: z.enum(['overdue', 'at-risk']).optional() });

/** The filter of the request; by default the twelve months up to today. */
function filterOf(request: FastifyRequest, now: Date): ReportFilter & { list?: 'overdue' | 'at-risk' } {
  const query = parseOrThrow(querySchema, request.query, 'report filter');
  const today = taipeiDate(now);
  const to = query.to ?? today;
  const from = query.from ?? `${Number(to.slice(0, 4)) - 1}-${to.slice(5, 7)}-01`;
  if (from > to) throw new HttpError('validation_failed', 'The report period ends before it starts');
  if (addDays(from, MAX_RANGE_DAYS) < to) throw new HttpError('validation_failed', 'A report covers at most three years');
  return { ...query, from, to };
}

export function registerReportRoutes(app: FastifyInstance, context: AppContext): void {
  const audit = async (request: FastifyRequest, action: 'report.view' | 'report.export', filter: ReportFilter, format: string) => {
    await appendAuditNow(context.db, {
      at: context.now(),
      action,
      purpose: 'on-time report',
      userName: request.authSession?.username ?? null,
      deviceId: request.authDevice?.id ?? null,
      details: { format, from: filter.from, to: filter.to, unit: filter.unit ?? null, service: filter.service ?? null, channel: filter.channel ?? null },
    });
  };
  /** The request's report, over the units its reader oversees. */
  const reportFor = async (request: FastifyRequest): Promise<{ filter: ReturnType<typeof filterOf>; report: OnTimeReport }> => {
    const filter = filterOf(request, context.now());
    const oversight = await oversightOf(context.db, sessionOf(request));
    requireOversight(oversight, filter.unit);
    return { filter, report: await buildOnTimeReport(context.db, filter, { now: context.now(), units: oversight.units }) };
  };
  const attachment = (reply: FastifyReply, name: string, type: string) =>
    reply.header('content-type', type).header('content-disposition', `attachment; filename="${name}"`);

  app.get('/v1/reports/on-time', { config: { action: 'report:read' } }, async (request, reply) => {
    const { filter, report } = await reportFor(request);
    await audit(request, 'report.view', filter, 'json');
    return reply.code(200).send(report);
  });

  app.get('/v1/reports/on-time.csv', { config: { action: 'report:read' } }, async (request, reply) => {
    const { filter, report } = await reportFor(request);
    await audit(request, 'report.export', filter, 'csv');
    return attachment(reply, `on-time-${filter.from}-${filter.to}.csv`, 'text/csv; charset=utf-8').code(200).send(onTimeReportCsv(report));
  });

  app.get('/v1/reports/on-time.xlsx', { config: { action: 'report:read' } }, async (request, reply) => {
    const { filter, report } = await reportFor(request);
    await audit(request, 'report.export', filter, 'xlsx');
    return attachment(reply, `on-time-${filter.from}-${filter.to}.xlsx`, XLSX_TYPE).code(200).send(await onTimeReportXlsx(report));
  });

  app.get('/v1/reports/cases.csv', { config: { action: 'report:read' } }, async (request, reply) => {
    const { filter, report } = await reportFor(request);
    const list = filter.list ?? 'overdue';
    await audit(request, 'report.export', filter, `csv:${list}`);
    const cases = list === 'overdue' ? report.overdue : report.atRisk;
    return attachment(reply, `${list}-${taipeiDate(context.now())}.csv`, 'text/csv; charset=utf-8').code(200).send(caseListCsv(cases));
  });
}
