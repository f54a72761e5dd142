/**
 * The catalogue as a table of one row per service, for XLSX and CSV alike (docs/decisions/0041-catalogue-editing.md):
 * a column per plain field, and the lists (documents, procedure steps, Q&A) as numbered columns — doc1Zh,
 * doc1En, step1Zh …, qa1Id, qa1QZh … — so one sheet says everything and a CSV holds the same. The form
 * (template and its fields) is one JSON cell: it is published with its template, not typed by hand.
 * Reading a table back checks every row with the catalogue's schema and names each bad row's problems.
 */
import type { Service } from '../../../shared/domain/catalogue';

export type Cell = string | number | boolean | null;

const plainColumns = [
  'id', 'taxType', 'nameZh', 'nameEn', 'limitDays', 'limitBasis', 'limitWithInspectionDays', 'writtenLimitDays', 'channels',
  'unit', 'decisionLevel', 'filingWindow', 'note', 'legalBasis', 'feesZh', 'feesEn', 'source', 'verified', 'resultSlip',
  'reexamination', 'formJson',
] as const;

export const numberedPattern = /^(doc|step|qa)(\d{1,2})(Zh|En|Id|QZh|QEn|AZh|AEn)$/;
const listParts = { doc: ['Zh', 'En'], step: ['Zh', 'En'], qa: ['Id', 'QZh', 'QEn', 'AZh', 'AEn'] } as const;

/** Written for a service without a source: the row is kept, flagged unverified, as the built-in data does. */
export const NO_SOURCE = '未註明來源 / no source given';

export function catalogueHeader(services: readonly Service[]): string[] {
  const most = (count: (s: Service) => number) => Math.max(1, ...services.map(count));
  const numbered = (prefix: keyof typeof listParts, n: number) =>
    Array.from({ length: n }, (_, i) => listParts[prefix].map((part) => `${prefix}${i + 1}${part}`)).flat();
  return [
    ...plainColumns,
    ...numbered('doc', most((s) => s.documents.length)),
    ...numbered('step', most((s) => s.procedure?.length ?? 0)),
    ...numbered('qa', most((s) => s.qa?.length ?? 0)),
  ];
}

function cellOf(service: Service, column: string): Cell {
  const numbered = numberedPattern.exec(column);
  if (numbered) {
    const [, list, n, part] = numbered;
    const index = Number(n) - 1;
    if (list === 'doc') return service.documents[index]?.[part === 'Zh' ? 'zh' : 'en'] ?? null;
    if (list === 'step') return service.procedure?.[index]?.[part === 'Zh' ? 'zh' : 'en'] ?? null;
    const qa = service.qa?.[index];
    if (!qa) return null;
    return { Id: qa.id, QZh: qa.q.zh, QEn: qa.q.en, AZh: qa.a.zh, AEn: qa.a.en }[part as 'Id'];
  }
  const plain: Record<(typeof plainColumns)[number], Cell | undefined> = {
    id: service.id, taxType: service.taxType, nameZh: service.nameZh, nameEn: service.nameEn,
    limitDays: service.limit.days, limitBasis: service.limit.basis,
    limitWithInspectionDays: service.limitWithInspectionDays, writtenLimitDays: service.writtenLimitDays,
    channels: service.channels.join(','), unit: service.unit, decisionLevel: service.decisionLevel,
    filingWindow: service.filingWindow, note: service.note, legalBasis: service.legalBasis,
    feesZh: service.fees?.zh, feesEn: service.fees?.en, source: service.source, verified: service.verified,
    resultSlip: service.resultSlip, reexamination: service.reexamination,
    formJson: service.form ? JSON.stringify(service.form) : undefined,
  };
  return plain[column as (typeof plainColumns)[number]] ?? null;
}

export function serviceRows(services: readonly Service[]): { header: string[]; rows: Cell[][] } {
  const header = catalogueHeader(services);
  return { header, rows: services.map((service) => header.map((column) => cellOf(service, column))) };
}

/** Columns the reader knows; anything else is refused, so a misspelt column never drops its data silently. */
export function unknownColumns(header: readonly string[]): string[] {
  return header.filter((column) => column !== '' && !(plainColumns as readonly string[]).includes(column) && !numberedPattern.test(column));
}
