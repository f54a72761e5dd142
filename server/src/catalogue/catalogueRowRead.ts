/**
 * One row of an imported catalogue table back into a service, checked with the catalogue's schema.
 * Empty cells are absent fields; numbered columns are read in their order and an empty one ends nothing
 * (a gap is skipped). A row without a source keeps its figures but is flagged unverified.
 */
import { serviceSchema } from '../../../shared/domain/catalogue';
import type { Service } from '../../../shared/domain/catalogue';
import type { Cell } from './catalogueRows';
import { NO_SOURCE, numberedPattern } from './catalogueRows';

export type RowOutcome = { ok: true; service: Service } | { ok: false; problems: string[] };

/** A cell as text; a leading apostrophe the export put before a formula character is taken off again. */
function text(cell: Cell | undefined): string | undefined {
  if (cell === null || cell === undefined) return undefined;
  const value = String(cell).trim();
  if (value === '') return undefined;
  return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}

function numberOf(cell: Cell | undefined): number | string | undefined {
  const value = text(cell);
  if (value === undefined) return undefined;
  return /^-?\d+$/.test(value) ? Number(value) : value;
}

function flag(cell: Cell | undefined): boolean | string | undefined {
  const value = text(cell)?.toLowerCase();
  if (value === undefined) return undefined;
  if (['true', 'yes', 'y', '1', '是'].includes(value)) return true;
  if (['false', 'no', 'n', '0', '否'].includes(value)) return false;
  return value;
}

function jsonOf(cell: Cell | undefined): unknown {
  const value = text(cell);
  if (value === undefined) return undefined;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

/** The numbered lists of a row: `doc`/`step`/`qa` → index → part → text. */
function lists(get: (column: string) => Cell | undefined, header: readonly string[]) {
  const found = { doc: new Map<number, Record<string, string | undefined>>(), step: new Map<number, Record<string, string | undefined>>(), qa: new Map<number, Record<string, string | undefined>>() };
  for (const column of header) {
    const match = numberedPattern.exec(column);
    if (!match) continue;
    const [, list, n, part] = match as unknown as [string, 'doc' | 'step' | 'qa', string, string];
    const value = text(get(column));
    if (value === undefined) continue;
    const entry = found[list].get(Number(n)) ?? {};
    entry[part] = value;
    found[list].set(Number(n), entry);
  }
  const ordered = (map: Map<number, Record<string, string | undefined>>) => [...map.entries()].sort(([a], [b]) => a - b).map(([, v]) => v);
  return {
    documents: ordered(found.doc).map((d) => ({ zh: d.Zh ?? '', en: d.En ?? '' })),
    procedure: ordered(found.step).map((s) => ({ zh: s.Zh ?? '', en: s.En ?? '' })),
    qa: ordered(found.qa).map((q) => ({ id: q.Id ?? '', q: { zh: q.QZh ?? '', en: q.QEn ?? '' }, a: { zh: q.AZh ?? '', en: q.AEn ?? '' } })),
  };
}

/** The row as the service it describes, or every problem with it, each naming its column. */
export function rowService(header: readonly string[], cells: readonly Cell[]): RowOutcome {
  const get = (column: string) => cells[header.indexOf(column)];
  const source = text(get('source'));
  const { documents, procedure, qa } = lists(get, header);
  const feesZh = text(get('feesZh'));
  const candidate = {
    id: text(get('id')), taxType: text(get('taxType')), nameZh: text(get('nameZh')), nameEn: text(get('nameEn')),
    limit: { days: numberOf(get('limitDays')), basis: text(get('limitBasis')) },
    limitWithInspectionDays: numberOf(get('limitWithInspectionDays')), writtenLimitDays: numberOf(get('writtenLimitDays')),
    documents, channels: (text(get('channels')) ?? '').split(/[,，、\s]+/).filter(Boolean),
    unit: text(get('unit')), decisionLevel: text(get('decisionLevel')),
    filingWindow: text(get('filingWindow')), note: text(get('note')), legalBasis: text(get('legalBasis')),
    fees: feesZh === undefined ? undefined : { zh: feesZh, en: text(get('feesEn')) ?? '' },
    source: source ?? NO_SOURCE,
    verified: source === undefined ? false : (flag(get('verified')) ?? false),
    resultSlip: flag(get('resultSlip')), reexamination: flag(get('reexamination')),
    procedure: procedure.length > 0 ? procedure : undefined,
    qa: qa.length > 0 ? qa : undefined,
    form: jsonOf(get('formJson')),
  };
  const parsed = serviceSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, service: parsed.data };
  return { ok: false, problems: parsed.error.issues.map((issue) => `${columnOf(issue.path)}: ${issue.message}`) };
}

/** The column a schema path came from: limit.days → limitDays, documents.2.en → doc3En. */
function columnOf(path: readonly PropertyKey[]): string {
  const [head, index, part, sub] = path.map(String);
  const upper = (s: string | undefined) => (s ? s[0]?.toUpperCase() + s.slice(1) : '');
  if (head === 'limit') return `limit${upper(index)}`;
  if (head === 'fees') return `fees${upper(index)}`;
  if (head === 'form') return 'formJson';
  if (head === 'documents' && index !== undefined) return `doc${Number(index) + 1}${upper(part)}`;
  if (head === 'procedure' && index !== undefined) return `step${Number(index) + 1}${upper(part)}`;
  if (head === 'qa' && index !== undefined) return `qa${Number(index) + 1}${part === 'id' ? 'Id' : `${upper(part)}${upper(sub)}`}`;
  return head ?? '(row)';
}
