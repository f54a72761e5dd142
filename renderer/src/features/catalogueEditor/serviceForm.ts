/**
 * One service of the catalogue as the editor's form: every field as typed (text, so nothing typed is
 * lost while it is not valid yet), and back into a service checked with the catalogue's own schema, each
 * problem put beside its field in both languages. Documents and procedure steps are one per line,
 * "中文 | English"; fields the form does not show (the pre-filled form's template) are kept as they were.
 */
import type { Bilingual } from '../../../../shared/domain/bilingual';
import { serviceSchema } from '../../../../shared/domain/catalogue';
import type { Service, ServiceChannel } from '../../../../shared/domain/catalogue';
import type { DecisionLevel } from '../../../../shared/schemas/unit';
import { translateBoth } from '../../lib/i18n';

export interface QaForm {
  id: string;
  qZh: string;
  qEn: string;
  aZh: string;
  aEn: string;
}

export interface ServiceForm {
  id: string;
  taxType: string;
  nameZh: string;
  nameEn: string;
  limitDays: string;
  limitBasis: Service['limit']['basis'];
  source: string;
  verified: boolean;
  decisionLevel: DecisionLevel | '';
  unit: string;
  channels: ServiceChannel[];
  documents: string;
  procedure: string;
  qa: QaForm[];
  filingWindow: string;
  legalBasis: string;
  note: string;
}

export const formFields = ['id', 'taxType', 'nameZh', 'nameEn', 'limit', 'source', 'decisionLevel', 'unit', 'channels', 'documents', 'procedure', 'qa', 'filingWindow', 'legalBasis', 'note'] as const;
export type FormField = (typeof formFields)[number];
export type FormErrors = Partial<Record<FormField, Bilingual>>;

const lines = (list: readonly Bilingual[] | undefined) => (list ?? []).map((item) => (item.en ? `${item.zh} | ${item.en}` : item.zh)).join('\n');

export function formOf(service: Service): ServiceForm {
  return {
    id: service.id, taxType: service.taxType, nameZh: service.nameZh, nameEn: service.nameEn,
    limitDays: String(service.limit.days), limitBasis: service.limit.basis, source: service.source, verified: service.verified,
    decisionLevel: service.decisionLevel ?? '', unit: service.unit ?? '', channels: [...service.channels],
    documents: lines(service.documents), procedure: lines(service.procedure),
    qa: (service.qa ?? []).map((entry) => ({ id: entry.id, qZh: entry.q.zh, qEn: entry.q.en, aZh: entry.a.zh, aEn: entry.a.en })),
    filingWindow: service.filingWindow ?? '', legalBasis: service.legalBasis ?? '', note: service.note ?? '',
  };
}

function bilingualLines(text: string): Bilingual[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [zh = '', ...rest] = line.split('|');
      return { zh: zh.trim(), en: rest.join('|').trim() };
    });
}

const optional = (text: string) => (text.trim() === '' ? undefined : text.trim());

/** The form as a service (on top of `original`, whose other fields stay), or each bad field's error. */
export function serviceOf(form: ServiceForm, original: Service | undefined): { ok: true; service: Service } | { ok: false; errors: FormErrors } {
  const procedure = bilingualLines(form.procedure);
  const days = /^\d+$/.test(form.limitDays.trim()) ? Number(form.limitDays.trim()) : Number.NaN;
  const candidate = {
    ...original,
    id: form.id.trim(), taxType: form.taxType.trim(), nameZh: form.nameZh.trim(), nameEn: form.nameEn.trim(),
    limit: { days, basis: form.limitBasis }, source: form.source.trim(), verified: form.verified,
    decisionLevel: form.decisionLevel || undefined, unit: optional(form.unit), channels: form.channels,
    documents: bilingualLines(form.documents), procedure: procedure.length > 0 ? procedure : undefined,
    qa: form.qa.length > 0 ? form.qa.map((entry) => ({ id: entry.id.trim(), q: { zh: entry.qZh, en: entry.qEn }, a: { zh: entry.aZh, en: entry.aEn } })) : undefined,
    filingWindow: optional(form.filingWindow), legalBasis: optional(form.legalBasis), note: optional(form.note),
  };
  const parsed = serviceSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, service: parsed.data };
  const errors: FormErrors = {};
  for (const issue of parsed.error.issues) {
    const field = fieldOf(issue.path);
    const key: `catEdit.err.${FormField}` = `catEdit.err.${field}`;
    errors[field] ??= translateBoth(key);
  }
  return { ok: false, errors };
}

function fieldOf(path: readonly PropertyKey[]): FormField {
  const head = String(path[0] ?? 'id');
  return (formFields as readonly string[]).includes(head) ? (head as FormField) : 'id';
}

/** A new service to fill in: the fields the schema needs, empty or at their usual value. */
export function blankForm(): ServiceForm {
  return {
    id: '', taxType: '', nameZh: '', nameEn: '', limitDays: '0', limitBasis: 'immediate', source: '', verified: false,
    decisionLevel: '', unit: '', channels: ['counter'], documents: '', procedure: '', qa: [], filingWindow: '', legalBasis: '', note: '',
  };
}

/** The services whose id, names or tax match what was typed (all of them for nothing typed). */
export function searchServices(services: readonly Service[], query: string): Service[] {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  return services.filter((s) => {
    const haystack = `${s.id} ${s.nameZh} ${s.nameEn} ${s.taxType}`.toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}
