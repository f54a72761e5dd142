/**
 * The service catalogue: what each counter service is called, its processing limit, the documents it
 * needs and the channels that may take it. The server publishes versions (GET /v1/catalogue); devices
 * parse them with `parseCatalogue` and keep the newest by `publishedAt`. Unknown keys from a newer
 * server are dropped, not refused, so an old device still reads a newer catalogue.
 * `verified: false` marks a limit nobody could confirm: the UI must flag it as an editable default.
 */
import { z } from 'zod';
import type { Bilingual } from './bilingual';
import { bilingualLabel } from './bilingual';
import { serviceCatalogueData } from './data/serviceCatalogueData';
import type { DecisionLevel } from '../schemas/unit';
import { decisionLevelSchema, unitCodeSchema } from '../schemas/unit';

export const serviceLimitSchema = z
  .object({
    days: z.number().int().min(0).max(730),
    basis: z.enum(['working', 'calendar', 'immediate']),
  })
  .refine((l) => (l.basis === 'immediate') === (l.days === 0), 'a same-day limit has 0 days, and only it');

export const bilingualSchema = z.object({ zh: z.string().trim().min(1).max(200), en: z.string().trim().max(300) });

/** Longer bilingual prose: a procedure step's detail, a Q&A answer. */
export const bilingualTextSchema = z.object({ zh: z.string().trim().min(1).max(2000), en: z.string().trim().max(3000) });

/** One entry of the service's Q&A bank (Q&A 題庫), shown beside the intake and searched with the procedures. */
export const qaEntrySchema = z.object({ id: z.string().regex(/^[a-z0-9-]{1,40}$/), q: bilingualSchema, a: bilingualTextSchema });
export type QaEntry = z.infer<typeof qaEntrySchema>;

/** A field of the pre-filled application form (表單套印) that the intake does not already hold. */
export const formFieldSchema = z.object({
  key: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{0,39}$/),
  label: bilingualSchema,
  kind: z.enum(['text', 'date', 'number', 'choice']),
  choices: z.array(bilingualSchema).max(20).optional(),
  required: z.boolean().optional(),
});
export type FormField = z.infer<typeof formFieldSchema>;

export const serviceChannelSchema = z.enum(['counter', 'drive-through', 'field-visit']);

export const serviceSchema = z.object({
  id: z.string().regex(/^[A-Z0-9][A-Z0-9-]{1,39}$/),
  /** The tax as the bureau names it (地價稅 …); see `taxTypeLabel` for the English. */
  taxType: z.string().min(1).max(40),
  nameZh: z.string().min(1).max(200),
  nameEn: z.string().min(1).max(300),
  limit: serviceLimitSchema,
  /** Working days when a site inspection is needed. */
  limitWithInspectionDays: z.number().int().min(1).max(730).optional(),
  /** Limit for a written (mailed) application of a same-day service. */
  writtenLimitDays: z.number().int().min(1).max(730).optional(),
  documents: z.array(bilingualSchema).max(50),
  channels: z.array(serviceChannelSchema).min(1).refine((c) => new Set(c).size === c.length, 'channels repeat'),
  filingWindow: z.string().max(300).optional(),
  note: z.string().max(500).optional(),
  source: z.string().min(1).max(300),
  verified: z.boolean(),
  /** The handling unit a case of this service is routed to (shared/schemas/unit.ts); `handlingUnitOf` gives the default. */
  unit: unitCodeSchema.optional(),
  /** Who decides (分層負責); `decisionLevelOf` gives the default. */
  decisionLevel: decisionLevelSchema.optional(),
  /** A same-day service whose result is a printed slip (a certificate, a reissued bill). */
  resultSlip: z.boolean().optional(),
  /** A re-examination (複查) service: opened from a decided case, linked to it. */
  reexamination: z.boolean().optional(),
  /** The standard procedure (標準作業流程), step by step, as the clerk follows it. */
  procedure: z.array(bilingualTextSchema).max(30).optional(),
  /** The law the service and its limit rest on (法令依據). */
  legalBasis: z.string().max(500).optional(),
  /** Fees (規費); absent or empty: free of charge. */
  fees: bilingualSchema.optional(),
  qa: z.array(qaEntrySchema).max(50).optional(),
  /**
   * The application form pre-filled from the intake (表單套印): the template's id (a layout published with the
   * catalogue) and the service-specific fields the clerk fills besides the applicant's.
   */
  form: z.object({ templateId: z.string().regex(/^[a-z0-9-]{1,60}$/), fields: z.array(formFieldSchema).max(30) }).optional(),
});
export type Service = z.infer<typeof serviceSchema>;
export type ServiceChannel = z.infer<typeof serviceChannelSchema>;

export const catalogueSchema = z.object({
  version: z.string().min(1).max(64),
  publishedAt: z.iso.datetime({ offset: true }),
  services: z
    .array(serviceSchema)
    .min(1)
    .refine((s) => new Set(s.map((x) => x.id)).size === s.length, 'service ids must be unique'),
  /** Documents asked for by the applicant's situation rather than the service (agent, heir, …). */
  commonDocuments: z.record(z.string(), z.array(bilingualSchema)),
  deadlineRules: z.array(z.string()).optional(),
});
export type Catalogue = z.infer<typeof catalogueSchema>;

export const defaultCatalogue: Catalogue = catalogueSchema.parse(serviceCatalogueData);

export type CatalogueParseResult = { ok: true; catalogue: Catalogue } | { ok: false; issues: string[] };

/** Parse a catalogue from outside (server, file). */
export function parseCatalogue(data: unknown): CatalogueParseResult {
  const parsed = catalogueSchema.safeParse(data);
  if (parsed.success) return { ok: true, catalogue: parsed.data };
  return { ok: false, issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) };
}

/** True when `candidate` was published after `current`, i.e. the device should switch to it. */
export function isNewerCatalogue(candidate: Catalogue, current: Catalogue): boolean {
  return Date.parse(candidate.publishedAt) > Date.parse(current.publishedAt);
}

export function findService(catalogue: Catalogue, id: string): Service | undefined {
  return catalogue.services.find((s) => s.id === id);
}

export function servicesForChannel(catalogue: Catalogue, channel: ServiceChannel): Service[] {
  return catalogue.services.filter((s) => s.channels.includes(channel));
}

/** "申請書 / application form", the form used in checklists (and stored in a case's checklist). */
export function documentLabel(doc: Bilingual): string {
  return bilingualLabel(doc);
}

const TAX_TYPES_EN: Readonly<Record<string, string>> = {
  地價稅: 'Land value tax',
  房屋稅: 'House tax',
  使用牌照稅: 'Vehicle license tax',
  印花稅: 'Stamp tax',
  娛樂稅: 'Amusement tax',
  土地增值稅: 'Land value increment tax',
  契稅: 'Deed tax',
  共通: 'General',
};

export function taxTypeLabel(taxType: string): Bilingual {
  return { zh: taxType, en: TAX_TYPES_EN[taxType] ?? taxType };
}

/** How the limit reads on screen and on the receipt. */
export function describeLimit(limit: Service['limit']): Bilingual {
  switch (limit.basis) {
    case 'immediate':
      return { zh: '隨到隨辦', en: 'same day' };
    case 'working':
      return { zh: `${limit.days} 個工作天`, en: `${limit.days} working days` };
    case 'calendar':
      return { zh: `${limit.days} 日（日曆天）`, en: `${limit.days} calendar days` };
  }
}

/** The flag shown next to a limit that is a default rather than a confirmed figure. */
export const UNVERIFIED_LIMIT_FLAG: Bilingual = { zh: '期限待確認（預設值，可由本局修訂）', en: 'limit not confirmed (a default the bureau can edit)' };

export function limitFlag(service: Service): Bilingual | undefined {
  return service.verified ? undefined : UNVERIFIED_LIMIT_FLAG;
}

/** The units a catalogue without a `unit` column routes to, by tax (older catalogues). */
const UNIT_BY_TAX: Readonly<Record<string, string>> = {
  地價稅: 'PROPERTY',
  房屋稅: 'PROPERTY',
  土地增值稅: 'PROPERTY',
  契稅: 'PROPERTY',
  使用牌照稅: 'CONSUMPTION',
  印花稅: 'CONSUMPTION',
  娛樂稅: 'CONSUMPTION',
};
export const DEFAULT_UNIT = 'SERVICE';

/** The unit that handles the service's cases. */
export function handlingUnitOf(service: Service): string {
  return service.unit ?? UNIT_BY_TAX[service.taxType] ?? DEFAULT_UNIT;
}

/** Who decides the service's cases; same-day services are decided by whoever completes them. */
export function decisionLevelOf(service: Service): DecisionLevel {
  return service.decisionLevel ?? (service.limit.basis === 'immediate' ? 'officer' : 'chief');
}

export function isSameDay(service: Service): boolean {
  return service.limit.basis === 'immediate';
}
