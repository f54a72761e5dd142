/**
 * The front office's reports for supervisors (action `report:read`; docs/decisions/0038): the report
 * of a period as JSON, CSV, XLSX and ODS, and the monthly survey analysis as JSON (the app prints it).
 * The queue's figures are the whole hall's; the ratings only those of the cases of the units the
 * reader oversees (oversight.ts). Every view and export is written to the audit log with its period,
 * since the comments and the low ratings name cases (稅捐稽徵法 §33).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { addDays, addMonths } from '../../../shared/domain/isoDate';
import { taipeiDate } from '../../../shared/domain/rocDate';
import { FRONT_OFFICE_MAX_DAYS, frontOfficeQuerySchema, satisfactionQuerySchema } from '../../../shared/schemas/frontOfficeReport';
import type { FrontOfficeReport } from '../../../shared/schemas/frontOfficeReport';
import type { AppContext } from '../context/appContext';
import { parseOrThrow } from '../domain/domainError';
import { HttpError } from '../http/httpError';
import { sessionOf } from '../http/sessionOf';
import { frontOfficeCsv, frontOfficeOds, frontOfficeXlsx } from '../reports/frontOfficeExport';
import { buildFrontOfficeReport } from '../reports/frontOfficeReport';
import type { FrontOfficePeriod } from '../reports/frontOfficeReport';
import { ODS_MIME_TYPE } from '../reports/odsSpreadsheet';
import { oversightOf } from '../reports/oversight';
import { buildSatisfactionAnalysis } from '../reports/satisfactionAnalysis';
import { appendAuditNow } from '../store/auditStore';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DEFAULT_DAYS = 30;

/** The request's period; by default the 30 days up to today. */
function periodOf(request: FastifyRequest, now: Date): FrontOfficePeriod {
  const query = parseOrThrow(frontOfficeQuerySchema, request.query, 'report period');
  const to = query.to ?? taipeiDate(now);
  const from = query.from ?? addDays(to, 1 - DEFAULT_DAYS);
  if (from > to) throw new HttpError('validation_failed', 'The report period ends before it starts');
  if (addDays(from, FRONT_OFFICE_MAX_DAYS - 1) < to) throw new HttpError('validation_failed', `A report covers at most ${FRONT_OFFICE_MAX_DAYS} days`);
  return { from, to };
}

/** The month asked for; by default the month before this one (the analysis is written once a month is over). */
function monthOf(request: FastifyRequest, now: Date): string {
  const query = parseOrThrow(satisfactionQuerySchema, request.query, 'analysis month');
  return query.month ?? addMonths(`${taipeiDate(now).slice(0, 7)}-01`, -1).slice(0, 7);
}

type Export = { format: 'csv' | 'xlsx' | 'ods'; type: string; body: (report: FrontOfficeReport) => string | Promise<Buffer> };
const exports: readonly Export[] = [
  { format: 'csv', type: 'text/csv; charset=utf-8', body: frontOfficeCsv },
  { format: 'xlsx', type: XLSX_TYPE, body: frontOfficeXlsx },
  { format: 'ods', type: ODS_MIME_TYPE, body: frontOfficeOds },
];

export function registerFrontOfficeReportRoutes(app: FastifyInstance, context: AppContext): void {
  const audit = (request: FastifyRequest, action: 'report.view' | 'report.export', purpose: string, details: Record<string, string>) =>
    appendAuditNow(context.db, {
      at: context.now(),
      action,
      purpose,
      userName: request.authSession?.username ?? null,
      deviceId: request.authDevice?.id ?? null,
      details,
    });
  const unitsOf = async (request: FastifyRequest) => (await oversightOf(context.db, sessionOf(request))).units;
  const reportFor = async (request: FastifyRequest) => {
    const period = periodOf(request, context.now());
    return { period, report: await buildFrontOfficeReport(context.db, period, { now: context.now(), units: await unitsOf(request) }) };
  };

  app.get('/v1/reports/front-office', { config: { action: 'report:read' } }, async (request, reply) => {
    const { period, report } = await reportFor(request);
    await audit(request, 'report.view', 'front-office report', { format: 'json', ...period });
    return reply.code(200).send(report);
  });

  for (const file of exports) {
    app.get(`/v1/reports/front-office.${file.format}`, { config: { action: 'report:read' } }, async (request, reply: FastifyReply) => {
      const { period, report } = await reportFor(request);
      await audit(request, 'report.export', 'front-office report', { format: file.format, ...period });
      const name = `front-office-${period.from}-${period.to}.${file.format}`;
      return reply.header('content-type', file.type).header('content-disposition', `attachment; filename="${name}"`).code(200).send(await file.body(report));
    });
  }

  app.get('/v1/reports/satisfaction-analysis', { config: { action: 'report:read' } }, async (request, reply) => {
    const month = monthOf(request, context.now());
    const analysis = await buildSatisfactionAnalysis(context.db, month, { now: context.now(), units: await unitsOf(request) });
    await audit(request, 'report.view', 'satisfaction analysis', { format: 'json', month });
    return reply.code(200).send(analysis);
  });
}
